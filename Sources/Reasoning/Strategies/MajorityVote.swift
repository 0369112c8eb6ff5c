/// Majority vote (self-consistency) over the first k samples: the answer given most often; a tie goes to the
/// answer that appeared first. Abstaining samples are charged but do not vote. Registry name `majority`,
/// parameter `k` (default: the whole pool).
public struct MajorityVote: Strategy {
    /// Samples voting (≥ 1; `nil`: the whole pool).
    public let k: Int?

    public init(k: Int? = nil) { self.k = k }

    public var label: String { k.map { "majority:k=\($0)" } ?? "majority" }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        let voters = samples.prefix(k ?? samples.count)
        let winner = VoteCount(voters).winner()
        return costs.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, samples: voters)
    }
}
