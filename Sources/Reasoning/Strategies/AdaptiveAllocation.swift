import Foundation

/// Difficulty-adaptive allocation of a shared sample budget across problems (after Snell et al. 2024's
/// compute-optimal scaling, with difficulty estimated online from a first round instead of 2048 offline samples).
///
/// 1. First round: every problem draws `first` samples.
/// 2. Difficulty from agreement: with a votes for the leading answer and b for the runner-up,
///    - uncertainty u = 1 − P(leader truly ahead) (``MarginRule``); a problem whose leader is already certain at
///      `confidence` is settled (easy) and gets nothing more;
///    - solvability s = (a − 1)/(first − 1): how far samples agree beyond a lone answer (0 when no two of at
///      least three samples agree, or nothing was answered: hopeless, more samples rarely help; 1 when all agree).
///      One or two samples cannot show hopelessness: then s = 1 for an answered problem.
///    - priority = s^w · u (w = `solvability`, default 1): highest for hard-but-solvable problems (split votes
///      with a repeated answer).
/// 3. The rest of the budget, `samples` × problems − first-round samples, is handed out one sample at a time to
///    the problem with the largest priority / (extra + 1) (the D'Hondt rule: extras proportional to priority;
///    ties to the lower problem index), never beyond a problem's pool. Budget nobody can use is not spent.
///    With `rounds` > 1 the rest is split into that many near-equal parts, and before each part every problem is
///    re-estimated (step 2) from all of its samples drawn so far, with the same formulas over those samples.
/// 4. Each problem answers by majority vote over its first + extra samples (ties: the answer that appeared first)
///    and is charged for those samples.
///
/// Registry name `adaptive`, parameters `first` (default 4), `samples` (mean samples per problem, default 8),
/// `confidence` (default 0.95), `rounds` (default 1) and `solvability` (exponent w, default 1).
public struct AdaptiveAllocation: MultiProblemStrategy {
    /// First-round samples per problem (≥ 1).
    public let first: Int
    /// Mean samples per problem over the whole run (≥ `first`).
    public let samples: Int
    /// Leader certainty at which a problem is settled, in (0.5, 1).
    public let confidence: Double
    /// Rounds the rest of the budget is spent in (≥ 1), re-estimating every problem from all its samples drawn
    /// so far before each round.
    public let rounds: Int
    /// Exponent w ≥ 0 on solvability in the priority u · s^w: 1 (default) as described; 0 ranks by uncertainty
    /// alone, so scattered first rounds are not written off as hopeless.
    public let solvabilityExponent: Double

    public init(
        first: Int = 4, samples: Int = 8, confidence: Double = 0.95, rounds: Int = 1, solvabilityExponent: Double = 1
    ) {
        self.first = first
        self.samples = samples
        self.confidence = confidence
        self.rounds = rounds
        self.solvabilityExponent = solvabilityExponent
    }

    public var label: String {
        "adaptive:confidence=\(confidence),first=\(first)" + (rounds == 1 ? "" : ",rounds=\(rounds)") + ",samples=\(samples)"
            + (solvabilityExponent == 1 ? "" : ",solvability=\(solvabilityExponent)")
    }

    /// What the first round says about one problem.
    public struct Estimate: Sendable, Equatable {
        /// Votes for the leading answer and for the runner-up in the first round.
        public var leader: Int
        public var runnerUp: Int
        /// s in 0…1.
        public var solvability: Double
        /// u in 0…½.
        public var uncertainty: Double
        /// Whether the leader is already certain at `confidence`.
        public var settled: Bool
        /// s^w · u, or 0 when settled.
        public var priority: Double
    }

    /// The estimate of a problem from its first `drawn` samples (default: the first round, `first`).
    public func estimate(_ pool: [SampleRecord], drawn: Int? = nil) -> Estimate {
        let drawn = min(drawn ?? first, pool.count)
        let (a, b) = VoteCount(pool.prefix(drawn)).topTwoVotes
        let solvability: Double
        if drawn >= 3 {
            solvability = Double(max(0, a - 1)) / Double(drawn - 1)
        } else {
            solvability = a >= 1 ? 1 : 0
        }
        let certainty = MarginRule.confidence(leader: a, runnerUp: b)
        let settled = a > 0 && certainty >= confidence
        let uncertainty = 1 - certainty
        return Estimate(
            leader: a, runnerUp: b, solvability: solvability, uncertainty: uncertainty, settled: settled,
            priority: settled ? 0 : weight(solvability) * uncertainty)
    }

    /// s^w, with 0^0 = 1.
    private func weight(_ solvability: Double) -> Double {
        solvabilityExponent == 0 ? 1 : (solvabilityExponent == 1 ? solvability : pow(solvability, solvabilityExponent))
    }

    /// Samples used per problem: first round plus extras.
    public func allocation(for pools: [[SampleRecord]]) -> [Int] {
        var used = pools.map { min(first, $0.count) }
        var remaining = max(0, samples * pools.count - used.reduce(0, +))
        for round in 0..<rounds where remaining > 0 {
            let drawn = pools.indices.map { Array(pools[$0].prefix(used[$0])) }
            let extra = extras(round: round, drawn: drawn, capacity: pools.map(\.count), remaining: remaining)
            let handedOut = extra.reduce(0, +)
            guard handedOut > 0 else { break }
            for i in pools.indices { used[i] += extra[i] }
            remaining -= handedOut
        }
        return used
    }

    /// The extra samples each problem draws in round `round` (0-based, < `rounds`), from the samples `drawn` so far
    /// (problem i's first `drawn[i].count`), with `remaining` samples of the budget left and problem i holding at
    /// most `capacity[i]` samples: the round's near-equal part of `remaining`, handed out by the D'Hondt rule over
    /// the estimates of the samples drawn. The replay and the online executor call this same rule.
    public func extras(round: Int, drawn: [[SampleRecord]], capacity: [Int], remaining: Int) -> [Int] {
        let roundsLeft = rounds - round
        var chunk = (remaining + roundsLeft - 1) / roundsLeft
        let estimates = drawn.map { estimate($0, drawn: $0.count) }
        var used = drawn.map(\.count)
        var extra = [Int](repeating: 0, count: drawn.count)
        while chunk > 0 {
            var best: Int?
            var bestValue = 0.0
            for i in drawn.indices where estimates[i].priority > 0 && used[i] < capacity[i] {
                let value = estimates[i].priority / Double(extra[i] + 1)
                if best == nil || value > bestValue {
                    best = i
                    bestValue = value
                }
            }
            guard let chosen = best else { break }
            extra[chosen] += 1
            used[chosen] += 1
            chunk -= 1
        }
        return extra
    }

    public func apply(to pools: [[SampleRecord]], costs: CostContext) -> [StrategyOutcome] {
        let counts = allocation(for: pools)
        return zip(pools, counts).map { pool, count in
            let drawn = pool.prefix(count)
            let winner = VoteCount(drawn).winner()
            return costs.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, samples: drawn)
        }
    }
}
