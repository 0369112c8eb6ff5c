import Testing

@testable import Tasks

/// Loops a property over seeds at default difficulty and stops after a few failures (each failure prints its seed).
func algoForEachSeed(_ id: String, _ overrides: [String: String] = [:], seeds: Int = AlgorithmTestSupport.propertySeeds,
                 _ body: (Int, TaskInstance) -> Bool) {
    var failures = 0
    let family = AlgorithmTestSupport.family(id)
    let difficulty = try! family.difficulty(overrides)
    for seed in 0..<seeds {
        let instance = family.generate(seed: UInt64(seed), difficulty: difficulty, index: seed % 5)
        if !body(seed, instance) { failures += 1 }
        if failures >= 3 { return }
    }
}

/// Expects `response` to grade `kind`; returns whether it did.
@discardableResult
func algoExpectGrade(_ instance: TaskInstance, _ response: String, _ kind: VerdictKind, seed: Int,
                 sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let verdict = AlgorithmTestSupport.grade(instance, response)
    if verdict.kind != kind {
        Issue.record("seed \(seed): expected \(kind) for \(response.prefix(200)), got \(verdict)", sourceLocation: sourceLocation)
        return false
    }
    if kind == .correct && verdict.score != 1 || kind != .correct && verdict.score >= 1 {
        Issue.record("seed \(seed): score \(verdict.score) inconsistent with \(kind)", sourceLocation: sourceLocation)
        return false
    }
    return true
}
