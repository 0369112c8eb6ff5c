import Foundation
import Testing

@testable import Tasks

struct CryptarithmeticTests {
    static func parse(_ answer: String) -> [Character: Int] {
        var map: [Character: Int] = [:]
        for pair in answer.split(separator: ",") {
            let p = pair.split(separator: "=")
            map[p[0].trimmingCharacters(in: .whitespaces).first!] = Int(p[1])!
        }
        return map
    }

    /// Independent check of a letter → digit map.
    static func valid(_ i: TaskInstance, _ map: [Character: Int]) -> Bool {
        let words = [i.data["left"]!, i.data["right"]!, i.data["result"]!]
        let letters = Set(words.joined())
        guard letters.allSatisfy({ map[$0] != nil }), Set(letters.map { map[$0]! }).count == letters.count else { return false }
        if words.contains(where: { $0.count > 1 && map[$0.first!] == 0 }) { return false }
        let v = words.map { w in w.reduce(0) { $0 * 10 + map[$1]! } }
        switch i.data["operation"]! {
        case "+": return v[0] + v[1] == v[2]
        case "-": return v[0] - v[1] == v[2]
        case "*": return v[0] * v[1] == v[2]
        default: return v[0] == v[1] * v[2]
        }
    }

    static func text(_ map: [Character: Int]) -> String { map.keys.sorted().map { "\($0)=\(map[$0]!)" }.joined(separator: ", ") }

    @Test(arguments: ["addition", "subtraction", "multiplication", "division"])
    func referenceValidAndSwapsGradedLikeTheIndependentCheck(operation: String) {
        algoForEachSeed("cryptarithmetic", ["operation": operation], seeds: operation == "addition" ? AlgorithmTestSupport.propertySeeds : 1_500) { seed, instance in
            let map = Self.parse(instance.answer)
            guard Self.valid(instance, map), instance.prompt.contains(instance.data["left"]!) else {
                Issue.record("seed \(seed): reference \(instance.answer) invalid")
                return false
            }
            let letters = map.keys.sorted()
            var swapped = map
            let a = letters[seed % letters.count], b = letters[(seed + 1) % letters.count]
            (swapped[a], swapped[b]) = (map[b]!, map[a]!)
            var unused = map
            let free = Set(0...9).subtracting(map.values).sorted()
            if let d = free.first { unused[a] = d }
            let json = "{" + letters.map { "\"\($0)\": \(map[$0]!)" }.joined(separator: ", ") + "}"
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && (seed % 5 != 0 || algoExpectGrade(instance, "```json\n\(json)\n```", .correct, seed: seed))
                && algoExpectGrade(instance, Self.text(swapped), Self.valid(instance, swapped) ? .correct : .incorrect, seed: seed)
                && (free.isEmpty || seed % 5 != 1 || algoExpectGrade(instance, "\\boxed{\(Self.text(unused))}", Self.valid(instance, unused) ? .correct : .incorrect, seed: seed))
        }
    }

    /// Every solution of a short cryptarithm, found by trying all operand values of the right lengths.
    static func allSolutions(_ i: TaskInstance) -> [[Character: Int]] {
        let l = Array(i.data["left"]!), r = Array(i.data["right"]!), res = Array(i.data["result"]!)
        func range(_ w: [Character]) -> ClosedRange<Int> {
            let low = w.count == 1 ? 0 : Int(pow(10.0, Double(w.count - 1)))
            return low...(Int(pow(10.0, Double(w.count))) - 1)
        }
        var out: [[Character: Int]] = []
        for a in range(l) {
            for b in range(r) {
                let c: Int
                switch i.data["operation"]! {
                case "+": c = a + b
                case "-": c = a - b
                case "*": c = a * b
                default:
                    guard b != 0, a % b == 0 else { continue }
                    c = a / b
                }
                guard c >= 0, String(c).count == res.count else { continue }
                var map: [Character: Int] = [:]
                var consistent = true
                for (word, value) in [(l, a), (r, b), (res, c)] {
                    for (ch, d) in zip(word, String(value).map { $0.wholeNumberValue! }) {
                        if let old = map[ch], old != d { consistent = false }
                        map[ch] = d
                    }
                }
                if consistent && Set(map.values).count == map.count && valid(i, map) { out.append(map) }
            }
        }
        return out
    }

    @Test func everySolutionFoundByBruteForceAccepted() {
        var alternatives = 0
        for op in ["addition", "subtraction", "multiplication", "division"] {
            algoForEachSeed("cryptarithmetic", ["digits": "2", "operation": op], seeds: 40) { seed, instance in
                let all = Self.allSolutions(instance)
                guard all.contains(Self.parse(instance.answer)) else {
                    Issue.record("seed \(seed): brute force misses the reference")
                    return false
                }
                for map in all where Self.text(map) != instance.answer {
                    alternatives += 1
                    if !algoExpectGrade(instance, Self.text(map), .correct, seed: seed) { return false }
                }
                return true
            }
        }
        #expect(alternatives > 10)
    }

    @Test func digitsKnobSetsOperandLength() {
        for digits in 2...6 {
            for op in ["addition", "subtraction", "multiplication", "division"] {
                for seed in 0..<20 {
                    let i = AlgorithmTestSupport.instance("cryptarithmetic", seed: seed, ["digits": String(digits), "operation": op])
                    let operand = op == "division" ? i.data["result"]! : i.data["left"]!
                    #expect(operand.count == digits, "\(op) \(digits) seed \(seed)")
                    #expect(Self.valid(i, Self.parse(i.answer)))
                }
            }
        }
    }

    @Test func leadingZeroAndDuplicatesExplained() {
        let i = AlgorithmTestSupport.instance("cryptarithmetic", seed: 2)
        var map = Self.parse(i.answer)
        let first = i.data["left"]!.first!
        let zeroLetter = map.first(where: { $0.value == 0 })?.key
        if let z = zeroLetter { (map[first], map[z]) = (0, map[first]!) } else { map[first] = 0 }
        #expect(AlgorithmTestSupport.grade(i, Self.text(map)).kind == .incorrect)
        var dup = Self.parse(i.answer)
        let keys = dup.keys.sorted()
        dup[keys[1]] = dup[keys[0]]
        #expect(AlgorithmTestSupport.grade(i, Self.text(dup)).detail?.contains("are both") == true)
    }
}
