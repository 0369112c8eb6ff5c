/// One sample, taken at face value: the answer of the pool's first sample. Registry name `single`.
public struct SingleSample: Strategy {
    public init() {}

    public var label: String { "single" }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        guard let first = samples.first else { return costs.outcome(answerKey: nil, correct: false, charges: []) }
        return costs.outcome(answerKey: first.answerKey, correct: first.isCorrect, samples: [first])
    }
}
