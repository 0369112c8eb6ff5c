/// How many samples of one problem gave each final answer, reduced to what majority voting needs:
/// the size of the correct answer's cluster, the sizes of the other answers' clusters, and the number of
/// samples with no extractable answer (abstentions, which never win a vote).
///
/// Invariants: every count ≥ 0, every entry of `others` ≥ 1, total n = correct + Σ others + abstentions ≥ 1.
public struct VoteTally: Sendable, Hashable, Codable {
    /// Samples whose answer equals the reference answer (c*).
    public let correct: Int
    /// Cluster sizes of the distinct wrong answers, each ≥ 1, in descending order.
    public let others: [Int]
    /// Samples with no answer; they count towards n but never vote.
    public let abstentions: Int

    /// Total samples n.
    public var samples: Int { correct + others.reduce(0, +) + abstentions }

    /// Builds a tally from cluster sizes. Zero-sized wrong clusters are dropped.
    /// - Throws: `.invalidCount` for negative counts or n = 0.
    public init(correct: Int, others: [Int], abstentions: Int = 0) throws(AnalysisError) {
        guard correct >= 0 else { throw .invalidCount(name: "correct cluster size", value: correct, requirement: "≥ 0") }
        guard abstentions >= 0 else { throw .invalidCount(name: "abstentions", value: abstentions, requirement: "≥ 0") }
        for size in others where size < 0 {
            throw .invalidCount(name: "wrong-answer cluster size", value: size, requirement: "≥ 0")
        }
        self.correct = correct
        self.others = others.filter { $0 > 0 }.sorted(by: >)
        self.abstentions = abstentions
        guard samples >= 1 else { throw .invalidCount(name: "n (samples)", value: samples, requirement: "≥ 1") }
    }

    /// Builds a tally from one answer label per sample (`nil` = no answer extracted) and the reference answer.
    /// Labels are compared with `==`; canonicalise them first (e.g. "1/2" vs "0.5").
    /// - Throws: `.emptyInput` for no samples.
    public init<Label: Hashable>(answers: [Label?], correct reference: Label) throws(AnalysisError) {
        guard !answers.isEmpty else { throw .emptyInput(what: "sample answer") }
        var counts: [Label: Int] = [:]
        var abstentions = 0
        for answer in answers {
            if let answer { counts[answer, default: 0] += 1 } else { abstentions += 1 }
        }
        let correct = counts.removeValue(forKey: reference) ?? 0
        try self.init(correct: correct, others: Array(counts.values), abstentions: abstentions)
    }
}
