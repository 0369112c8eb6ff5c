/// Best-of-N with a verifier: of the first n samples, the one with the highest verifier score (ties: a sample
/// with an answer over one without, then the higher mean log-probability, then the earlier). All n are charged.
/// Registry name `best-of-n`, parameter `k` = n (default: the whole pool).
public struct BestOfN: Strategy {
    /// Samples scored (≥ 1; `nil`: the whole pool).
    public let k: Int?

    public init(k: Int? = nil) { self.k = k }

    public var label: String { k.map { "best-of-n:k=\($0)" } ?? "best-of-n" }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        let candidates = Array(samples.prefix(k ?? samples.count))
        var best: SampleRecord?
        for sample in candidates {
            guard let current = best else { best = sample; continue }
            if (sample.score, sample.answerKey != nil ? 1 : 0, sample.meanLogProbability)
                > (current.score, current.answerKey != nil ? 1 : 0, current.meanLogProbability)
            {
                best = sample
            }
        }
        return costs.outcome(answerKey: best?.answerKey, correct: best?.isCorrect ?? false, samples: candidates)
    }
}
