/// The tally of one problem: `samples` (n) independent attempts, of which `correct` (c) were verified correct.
/// Invariant: n ≥ 1 and 0 ≤ c ≤ n.
public struct ProblemOutcome: Sendable, Hashable, Codable {
    /// Number of samples drawn, n ≥ 1.
    public let samples: Int
    /// Number of correct samples, 0 ≤ c ≤ n.
    public let correct: Int

    /// Validates 1 ≤ n and 0 ≤ c ≤ n.
    public init(samples: Int, correct: Int) throws(AnalysisError) {
        try Self.validate(samples: samples, correct: correct, problemIndex: nil)
        self.samples = samples
        self.correct = correct
    }

    static func validate(samples: Int, correct: Int, problemIndex: Int?) throws(AnalysisError) {
        guard samples >= 1 else { throw .invalidCount(name: "n (samples)", value: samples, requirement: "≥ 1") }
        guard correct >= 0 else { throw .invalidCount(name: "c (correct)", value: correct, requirement: "≥ 0") }
        guard correct <= samples else {
            throw .correctExceedsSamples(correct: correct, samples: samples, problemIndex: problemIndex)
        }
    }
}
