/// Repeated sampling with an oracle verifier (pass@k): draw k samples; the problem counts as solved when any of
/// them is correct. The answer is the first correct sample's (else the first answered sample's). All k samples
/// are charged. Registry name `pass-at-k`, parameter `k` (default: the whole pool).
///
/// With the task's own verifier as the oracle this is an upper bound on any selection rule, not a deployable
/// method; its accuracy over the first k samples is one draw of the unbiased pass@k estimate.
public struct RepeatedSampling: Strategy {
    /// Samples drawn (≥ 1; `nil`: the whole pool).
    public let k: Int?

    public init(k: Int? = nil) { self.k = k }

    public var label: String { k.map { "pass-at-k:k=\($0)" } ?? "pass-at-k" }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        let drawn = samples.prefix(k ?? samples.count)
        let chosen = drawn.first(where: \.isCorrect) ?? drawn.first(where: { $0.answerKey != nil })
        return costs.outcome(answerKey: chosen?.answerKey, correct: chosen?.isCorrect ?? false, samples: drawn)
    }
}
