#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The vote-margin certainty used by early stopping and adaptive allocation.
///
/// With a votes for the leading answer and b for the runner-up, put a uniform prior on the leader's share
/// x = p_leader / (p_leader + p_runnerUp); the posterior is Beta(a+1, b+1), and the confidence that the leader
/// is truly ahead is P(x > ½) = P(Binomial(a+b+1, ½) ≤ a) = 2^-(a+b+1) · Σ_{i≤a} C(a+b+1, i)
/// (the Beta–binomial identity; Adaptive-Consistency's stopping criterion). E.g. 4–0 → 31/32, 6–1 → 247/256.
public enum MarginRule {
    /// P(leader truly ahead) for `leader` ≥ 0 and `runnerUp` ≥ 0 votes (½ when tied).
    /// Exact (one rounding) for a + b < 60, where the binomial sums fit in 64-bit integers; a log-space sum beyond.
    public static func confidence(leader a: Int, runnerUp b: Int) -> Double {
        let n = a + b + 1
        if n <= 60 {
            var coefficient: UInt64 = 1  // C(n, i)
            var sum: UInt64 = 0
            for i in 0...a {
                sum += coefficient
                coefficient = coefficient * UInt64(n - i) / UInt64(i + 1)
            }
            return Double(sum) / Double(UInt64(1) << UInt64(n))
        }
        // Sum the smaller tail exactly in log space, then complement if needed.
        let logHalfPower = -Double(n) * log(2.0)
        func term(_ i: Int) -> Double {
            exp(lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) + logHalfPower)
        }
        if a >= n / 2 {
            var upper = 0.0
            if a + 1 <= n { for i in (a + 1)...n { upper += term(i) } }
            return 1 - upper
        }
        var lower = 0.0
        for i in 0...a { lower += term(i) }
        return lower
    }

    /// Whether `leader` votes against `runnerUp` are decisive at `confidence`, or cannot be overturned by
    /// `remaining` further votes (leader − runnerUp > remaining). Never decisive without a vote.
    public static func isDecisive(leader: Int, runnerUp: Int, remaining: Int, confidence level: Double) -> Bool {
        guard leader > 0 else { return false }
        if leader - runnerUp > remaining { return true }
        return confidence(leader: leader, runnerUp: runnerUp) >= level
    }
}
