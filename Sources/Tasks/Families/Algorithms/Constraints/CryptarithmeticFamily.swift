/// Cryptarithms (BeyondBench `cryptarithmetic`): letters stand for distinct digits, leading letters are not 0, and the
/// equation must hold. Built from a planted solution, so at least one exists; ANY solution is accepted.
///
/// Parameters: `operation` (addition, subtraction, multiplication, division; default addition), `digits` (length of the
/// first operand, 2...6, default 3; the multiplier/divisor has ⌈digits/2⌉ digits).
/// Answer: `A=1, B=2, …` (letters in alphabetical order); JSON `{"A": 1}` is read too.
/// data: `left`, `right`, `result` (words), `operation` (+ − × ÷).
struct CryptarithmeticFamily: TaskFamily {
    var id: String { "cryptarithmetic" }
    var version: Int { 1 }
    var summary: String { "replace letters by distinct digits so a word equation holds (any solution accepted)" }
    var parameters: [DifficultyParameter] {
        [
            .choice("operation", ["addition", "subtraction", "multiplication", "division"], default: "addition",
                    "the arithmetic operation of the equation"),
            .integer("digits", 2...6, default: 3, "digits of the first operand"),
        ]
    }

    static let symbols: [String: String] = ["addition": "+", "subtraction": "-", "multiplication": "*", "division": "/"]

    /// Evaluates `left op right == result` for a letter → digit map; nil when a letter is unmapped.
    static func holds(_ left: String, _ op: String, _ right: String, _ result: String, _ map: [Character: Int]) -> Bool? {
        func value(_ word: String) -> Int? {
            var v = 0
            for ch in word {
                guard let d = map[ch] else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let a = value(left), let b = value(right), let c = value(result) else { return nil }
        // Words of up to 18 letters: a sum or product may pass 64 bits, and then it cannot equal the other side.
        switch op {
        case "+": return a.addingReportingOverflow(b) == (c, false)
        case "-": return a - b == c
        case "*": return a.multipliedReportingOverflow(by: b) == (c, false)
        default: return b != 0 && b.multipliedReportingOverflow(by: c) == (a, false)
        }
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let operation = difficulty.string("operation"), digits = difficulty.int("digits")
        let small = (digits + 1) / 2
        var a = rng.digits(digits), b = rng.digits(operation == "addition" || operation == "subtraction" ? digits : small)
        if a < 10 { a += 10 }
        if b == 0 { b = 1 }
        let (left, right, result): (Int, Int, Int)
        switch operation {
        case "subtraction":
            if a == b { a += 1 }
            (left, right, result) = (max(a, b), min(a, b), max(a, b) - min(a, b))
        case "multiplication": (left, right, result) = (a, b, a * b)
        case "division": (left, right, result) = (a * b, b, a)
        default: (left, right, result) = (a, b, a + b)
        }
        var alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        rng.shuffle(&alphabet)
        let letterOf = Array(alphabet.prefix(10))  // digit → letter
        func word(_ n: Int) -> String { String(String(n).map { letterOf[$0.wholeNumberValue!] }) }
        let (l, r, res) = (word(left), word(right), word(result))
        let op = Self.symbols[operation]!
        let used = Set(l + r + res)
        let answer = used.sorted().map { ch in "\(ch)=\(letterOf.firstIndex(of: ch)!)" }.joined(separator: ", ")
        let question = "Solve this cryptarithm: \(l) \(op) \(r) = \(res)\n"
            + "Each letter stands for one digit; different letters stand for different digits, and the first letter of a "
            + "word with two or more letters is not 0. Give the digit of every letter as A=1, B=2, … (letters in any order)."
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question, answer: answer,
            data: ["left": l, "right": r, "result": res, "operation": op])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        // Words of 1...18 capital letters (their values fit in 64 bits), at most 10 letters in all, a known operation.
        let words = ["left", "right", "result"].map { instance.data[$0] ?? "" }
        guard words.allSatisfy({ (1...18).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isUppercase } }),
              Set(words.joined()).count <= 10
        else { return missingDataVerdict("left/right/result") }
        let l = words[0], r = words[1], res = words[2]
        guard let op = instance.data["operation"], Self.symbols.values.contains(op) else { return missingDataVerdict("operation") }
        let letters = Set(l + r + res)
        var map: [Character: Int] = [:]
        for (key, value) in AssignmentPairs.read(ResponseScanner.region(response).text, keyIsNumber: false) {
            guard let ch = key.first, letters.contains(ch), let d = Int(value), (0...9).contains(d) else { continue }
            map[ch] = d
        }
        guard !map.isEmpty else { return .unparseable(detail: "no letter=digit assignments found") }
        let shown = map.keys.sorted().map { "\($0)=\(map[$0]!)" }.joined(separator: ", ")
        if let missing = letters.sorted().first(where: { map[$0] == nil }) {
            return .incorrect(extracted: shown, detail: "letter \(missing) has no digit")
        }
        var owner: [Int: Character] = [:]
        for ch in letters.sorted() {
            if let other = owner[map[ch]!] {
                return .incorrect(extracted: shown, detail: "letters \(other) and \(ch) are both \(map[ch]!)")
            }
            owner[map[ch]!] = ch
        }
        for w in [l, r, res] where w.count > 1 && map[w.first!] == 0 {
            return .incorrect(extracted: shown, detail: "\(w) starts with 0")
        }
        if Self.holds(l, op, r, res, map) == true { return .correct(extracted: shown) }
        return .incorrect(extracted: shown, detail: "\(l) \(op) \(r) = \(res) does not hold with these digits")
    }
}
