/// `mba`: mixed boolean-arithmetic on w-bit words (after "Lean meets TCS", adapted to answer checking).
/// Modes: `evaluate` — compute an obfuscated expression at given inputs (exact unsigned integer);
/// `simplify` — give an equivalent expression of at most `limit` nodes, where limit = min(max(2·s, s + 4), o − 1)
/// for a reference of s nodes and an obfuscated form of o nodes. Equivalence is decided by exhaustive evaluation for
/// w ≤ 8 and by 4096 random inputs plus corner values for wider words. An equivalent but too large answer scores 0.25.
public struct MBAFamily: TaskFamily {
    public init() {}
    public let id = "mba"
    public let version = 1
    public let summary = "Mixed boolean-arithmetic: evaluate or simplify expressions with + - * & | ^ ~ on w-bit words."
    public let parameters: [DifficultyParameter] = [
        DifficultyParameter(name: "mode", summary: "evaluate, simplify, or mixed (uniform)",
                            domain: .choice(["mixed", "evaluate", "simplify"]), defaultValue: "mixed"),
        DifficultyParameter(name: "width", summary: "word width w in bits", domain: .integer(2...64), defaultValue: "8"),
        DifficultyParameter(name: "variables", summary: "number of variables (x, y, z)", domain: .integer(1...3), defaultValue: "2"),
        DifficultyParameter(name: "rewrites", summary: "number of obfuscating identity rewrites", domain: .integer(1...6), defaultValue: "2"),
    ]

    /// A random simple target: one operator over two distinct operands (variables or a small constant), or a
    /// linear combination `a·v + b·u`; with one variable, forms like `x + c`, `~x`, `c·x`.
    static func target(variables n: Int, rng: inout TaskRNG) -> MBAExpression {
        let ops: [MBAOperator] = [.add, .subtract, .and, .or, .xor]
        if n == 1 {
            let c = MBAExpression.constant(UInt64(rng.int(in: 1...9)))
            switch rng.int(in: 0...3) {
            case 0: return .binary(rng.pick(ops), .variable(0), c)
            case 1: return .not(.variable(0))
            case 2: return .binary(.multiply, c, .variable(0))
            default: return .negate(.variable(0))
            }
        }
        var vars = Array(0..<n)
        rng.shuffle(&vars)
        let a = MBAExpression.variable(vars[0]), b = MBAExpression.variable(vars[1])
        switch rng.int(in: 0...3) {
        case 0, 1: return .binary(rng.pick(ops), a, b)
        case 2: return .binary(.add, .binary(.multiply, .constant(UInt64(rng.int(in: 2...5))), a), b)
        default:
            if n == 3 { return .binary(rng.pick(ops), .binary(rng.pick(ops), a, b), .variable(vars[2])) }
            return .binary(rng.pick([MBAOperator.add, .xor]), .not(a), b)
        }
    }

    static func limit(reference s: Int, obfuscated o: Int) -> Int { max(min(max(2 * s, s + 4), o - 1), s) }

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        var mode = difficulty.string("mode")
        if mode == "mixed" { mode = rng.bool() ? "evaluate" : "simplify" }
        let width = difficulty.int("width"), n = difficulty.int("variables")
        let simple = Self.target(variables: n, rng: &rng)
        let hard = MBARewriting.obfuscate(simple, steps: difficulty.int("rewrites"), variables: n, rng: &rng)
        let mask: UInt64 = width >= 64 ? .max : (1 << UInt64(width)) - 1
        let names = Array(MBAExpression.variableNames.prefix(n))
        let intro = """
        All values are \(width)-bit unsigned integers: + - * wrap around modulo 2^\(width), ~ is bitwise NOT, & | ^ are \
        bitwise AND, OR, XOR, and unary - is negation modulo 2^\(width). Every compound operand is in parentheses.
        E = \(hard)
        """
        var data = ["width": String(width), "variables": String(n), "mode": mode, "expression": hard.description]
        let body: String, answer: String, plain: String, boxed: String
        if mode == "evaluate" {
            let values = (0..<n).map { _ in rng.next() & mask }
            let assignment = zip(names, values).map { "\($0) = \($1)" }.joined(separator: ", ")
            body = intro + "\nCompute the value of E for \(assignment), as an unsigned integer between 0 and \(mask)."
            answer = String(hard.evaluate(values, width: width))
            data["values"] = values.map(String.init).joined(separator: ",")
            plain = "End your reply with a line of the form: Final answer: <number>"
            boxed = "Put the final number inside \\boxed{}."
        } else {
            let cap = Self.limit(reference: simple.size, obfuscated: hard.size)
            body = intro + "\nSimplify E: give an equivalent expression in \(names.joined(separator: ", ")) (equal for every input) "
                + "with at most \(cap) nodes, counting each variable, constant and operator as one node."
            answer = simple.description
            data["limit"] = String(cap)
            plain = "End your reply with a line of the form: Final answer: <expression>"
            boxed = "Put the simplified expression inside \\boxed{}."
        }
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: body, plainSuffix: plain,
                            boxedSuffix: boxed, answer: answer, data: data)
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let width = instance.data.intValue("width"), (1...64).contains(width) else { return missingDataVerdict("width") }
        guard let n = instance.data.intValue("variables"), (1...3).contains(n) else { return missingDataVerdict("variables") }
        let names = Array(MBAExpression.variableNames.prefix(n))
        guard let text = instance.data["expression"], case .success(let hard) = MBAParser.parse(text, variables: names) else {
            return missingDataVerdict("expression")
        }
        let mask: UInt64 = width >= 64 ? .max : (1 << UInt64(width)) - 1
        if instance.data["mode"] == "evaluate" {
            guard let values = instance.data["values"]?.split(separator: ",").compactMap({ UInt64($0) }), values.count == n else {
                return missingDataVerdict("values")
            }
            let truth = hard.evaluate(values, width: width)
            guard let (raw, _) = FinalAnswerReader.number(in: response) else {
                return Verdict(kind: .unparseable, score: 0, extracted: nil, detail: "no number found", metrics: [:])
            }
            guard let value = UInt64(raw), value <= mask else {
                return Verdict(kind: .incorrect, score: 0, extracted: raw, detail: "expected an unsigned integer 0…\(mask), found \(raw)",
                               metrics: ["bit_match": 0])
            }
            let agree = Double(width - ((value ^ truth) & mask).nonzeroBitCount) / Double(width)
            let ok = value == truth
            return Verdict(kind: ok ? .correct : .incorrect, score: ok ? 1 : 0, extracted: raw,
                           detail: ok ? nil : "expected \(truth)", metrics: ["bit_match": agree])
        }
        guard let cap = instance.data.intValue("limit") else { return missingDataVerdict("limit") }
        guard let raw = Self.expressionText(in: response) else {
            return Verdict(kind: .unparseable, score: 0, extracted: nil, detail: "no expression found", metrics: [:])
        }
        let candidate: MBAExpression
        switch MBAParser.parse(raw, variables: names) {
        case .failure(let f):
            return Verdict(kind: .unparseable, score: 0, extracted: raw, detail: "could not read the expression: \(f)", metrics: [:])
        case .success(let e): candidate = e
        }
        let outcome = MBAEquivalence.check(candidate, hard, variables: n, width: width, seed: instance.seed ^ UInt64(instance.index))
        let metrics: [String: Double] = ["nodes": Double(candidate.size), "limit": Double(cap),
                                         "equivalent": outcome.equivalent ? 1 : 0, "points_checked": Double(outcome.pointsChecked)]
        guard outcome.equivalent else {
            let cx = zip(names, outcome.counterexample ?? []).map { "\($0) = \($1)" }.joined(separator: ", ")
            return Verdict(kind: .incorrect, score: 0, extracted: raw, detail: "not equivalent: differs at \(cx)", metrics: metrics)
        }
        guard candidate.size <= cap else {
            return Verdict(kind: .incorrect, score: 0.25, extracted: raw,
                           detail: "equivalent but \(candidate.size) nodes > limit \(cap)", metrics: metrics)
        }
        return Verdict(kind: .correct, score: 1, extracted: raw, detail: nil, metrics: metrics)
    }

    /// The expression a response gives: its final-answer segment (boxed / Final answer: / answer is), with a leading
    /// `E =` removed and a trailing period dropped; else the last non-empty line.
    static func expressionText(in response: String) -> String? {
        var text = FinalAnswerReader.segment(in: response)?.text
            ?? response.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
        guard var t = text?.puzzleTrimmed(), !t.isEmpty else { return nil }
        if let eq = t.lastIndex(of: "=") { t = String(t[t.index(after: eq)...]).puzzleTrimmed() }
        while let last = t.last, last == "." || last == "$" || last == "`" { t.removeLast() }
        while let first = t.first, first == "$" || first == "`" { t.removeFirst() }
        text = t.puzzleTrimmed()
        return text?.isEmpty == false ? text : nil
    }
}
