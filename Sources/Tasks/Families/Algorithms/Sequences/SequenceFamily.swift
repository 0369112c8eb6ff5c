import BigInt

/// One sequence type: draws its random parameters and returns `count` consecutive terms, a one-line description of its
/// type (the `family` hint) and its exact rule (the `rule` hint).
struct SequenceKind: Sendable {
    let name: String
    let draw: @Sendable (inout TaskRNG, Int) -> (terms: [BigInt], family: String, rule: String)
}

/// "What is the next term?" over one of BeyondBench's medium suites. Fixes the suite's defects: every type has random
/// parameters or a random starting index (no memorisable instance), and the prompt can state the type or the exact rule
/// so the next term is well defined (`hint`).
///
/// Parameters: `kind` (a sequence type, or `mixed` to draw one per instance; default mixed), `length` (terms shown,
/// 4...16, default 8), `hint` (none, family, rule; default family). Answer: the next term, an exact integer.
/// data: `kind`, `terms` (shown), `rule`.
struct SequenceFamily: TaskFamily {
    let id: String
    let summary: String
    let kinds: [SequenceKind]
    var version: Int { 1 }

    var parameters: [DifficultyParameter] {
        [
            .choice("kind", ["mixed"] + kinds.map(\.name), default: "mixed", "sequence type (mixed: drawn per instance)"),
            .integer("length", 4...16, default: 8, "number of terms shown"),
            .choice("hint", ["none", "family", "rule"], default: "family",
                    "none: terms only; family: the type is named; rule: the exact rule is given"),
        ]
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let length = difficulty.int("length"), hint = difficulty.string("hint")
        let name = difficulty.string("kind")
        let kind = name == "mixed" ? rng.pick(kinds) : kinds.first { $0.name == name }!
        let (terms, family, rule) = kind.draw(&rng, length + 1)
        let shown = terms.prefix(length).map(\.description).joined(separator: ", ")
        var question = "Here are consecutive terms of an integer sequence: \(shown), …"
        switch hint {
        case "family": question += "\nHint: \(family)."
        case "rule": question += "\nThe sequence follows this rule: \(rule)."
        default: break
        }
        question += "\nWhat is the next term?"
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: terms[length].description, data: ["kind": kind.name, "terms": "[" + shown + "]", "rule": rule])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        ShapeGrading.integer(response, expected: instance.answer)
    }
}

/// Small exact helpers for the sequence tables.
enum SequenceTerms {
    static func big(_ values: [Int]) -> [BigInt] { values.map { BigInt($0) } }

    /// Terms of a linear recurrence a(n) = Σ cᵢ·a(n−i) from `seeds`, `count` terms starting at index `skip`.
    static func linear(_ seeds: [Int], _ coefficients: [Int], skip: Int = 0, count: Int) -> [BigInt] {
        var terms = big(seeds)
        while terms.count < skip + count {
            var next = BigInt(0)
            for (i, c) in coefficients.enumerated() { next += BigInt(c) * terms[terms.count - 1 - i] }
            terms.append(next)
        }
        return Array(terms[skip..<(skip + count)])
    }

    static func isPrime(_ n: Int) -> Bool {
        if n < 2 { return false }
        var d = 2
        while d * d <= n {
            if n % d == 0 { return false }
            d += 1
        }
        return true
    }

    /// The first `count` integers ≥ `from` satisfying `accept`.
    static func matching(from: Int, count: Int, _ accept: (Int) -> Bool) -> [Int] {
        var out: [Int] = []
        var n = from
        while out.count < count {
            if accept(n) { out.append(n) }
            n += 1
        }
        return out
    }

    static func nth(_ k: Int, _ accept: (Int) -> Bool) -> Int {
        var seen = 0, n = 0
        while true {
            if accept(n) {
                if seen == k { return n }
                seen += 1
            }
            n += 1
        }
    }

    static func fibonacci(_ n: Int) -> Int {
        var (a, b) = (0, 1)
        for _ in 0..<n { (a, b) = (b, a + b) }
        return a
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }
}
