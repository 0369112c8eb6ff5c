/// Anytime majority vote: draw samples one at a time and stop as soon as the vote margin makes the outcome
/// certain at the chosen confidence (``MarginRule``): after each sample t ≥ `minimum`, with a votes for the
/// leading answer and b for the runner-up, stop when P(Binomial(a+b+1, ½) ≤ a) ≥ `confidence`, or when the
/// leader can no longer be caught within the budget (a − b > `k` − t). The answer is the leader (ties: the answer
/// that appeared first); only the samples drawn are charged.
/// Registry name `early-stop`, parameters `confidence` (default 0.95, in (0.5, 1)), `k` (most samples, default:
/// the whole pool) and `min` (fewest samples before stopping, default 1).
public struct EarlyStop: Strategy {
    /// Required P(leader truly ahead), in (0.5, 1).
    public let confidence: Double
    /// Most samples drawn (`nil`: the whole pool).
    public let k: Int?
    /// Fewest samples drawn before the rule may stop (≥ 1).
    public let minimum: Int

    public init(confidence: Double = 0.95, k: Int? = nil, minimum: Int = 1) {
        self.confidence = confidence
        self.k = k
        self.minimum = minimum
    }

    public var label: String {
        "early-stop:confidence=\(confidence)" + (k.map { ",k=\($0)" } ?? "") + (minimum == 1 ? "" : ",min=\(minimum)")
    }

    /// How many samples the rule draws from `samples`.
    public func stoppingPoint(in samples: [SampleRecord]) -> Int {
        let budget = min(k ?? samples.count, samples.count)
        var votes = VoteCount()
        for t in 0..<budget {
            votes.add(samples[t])
            let drawn = t + 1
            guard drawn >= minimum else { continue }
            let (leader, runnerUp) = votes.topTwoVotes
            if MarginRule.isDecisive(leader: leader, runnerUp: runnerUp, remaining: budget - drawn, confidence: confidence) {
                return drawn
            }
        }
        return budget
    }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        let drawn = samples.prefix(stoppingPoint(in: samples))
        let winner = VoteCount(drawn).winner()
        return costs.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, samples: drawn)
    }
}
