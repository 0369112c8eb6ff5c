#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Weighted majority vote over the first k samples: each answer collects the sum of its samples' weights and the
/// heaviest wins (ties: the answer that appeared first).
///
/// - `.meanLogProbability`: weight = exp(mean token log-probability), the per-token geometric-mean probability
///   in (0, 1] (registry name `weighted-logprob`);
/// - `.verifierScore`: weight = the verifier's score in 0…1 (registry name `weighted-verifier`; with the task's
///   grader as verifier this uses the reference answer, so it is an oracle-assisted upper bound).
public struct WeightedVote: Strategy {
    /// What a sample's vote weighs.
    public enum Weighting: String, Sendable, Equatable {
        case meanLogProbability = "logprob"
        case verifierScore = "verifier"
    }

    public let weighting: Weighting
    /// Samples voting (≥ 1; `nil`: the whole pool).
    public let k: Int?

    public init(weighting: Weighting, k: Int? = nil) {
        self.weighting = weighting
        self.k = k
    }

    public var label: String {
        let name = "weighted-\(weighting.rawValue)"
        return k.map { "\(name):k=\($0)" } ?? name
    }

    /// The vote weight of one sample.
    public func weight(of sample: SampleRecord) -> Double {
        switch weighting {
        case .meanLogProbability: exp(min(0, sample.meanLogProbability))
        case .verifierScore: max(0, sample.score)
        }
    }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        let voters = samples.prefix(k ?? samples.count)
        let winner = VoteCount(voters, weight: weight(of:)).winner()
        return costs.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, samples: voters)
    }
}
