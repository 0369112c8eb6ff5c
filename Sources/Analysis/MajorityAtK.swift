#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Exact expected majority-vote accuracy (maj@k, self-consistency) over all k-subsets of a problem's n samples.
///
/// maj@k = (1 / C(n,k)) · Σ_{|S| = k} score(S), where score(S) is 1 when the correct answer has strictly the
/// most votes in S, 0 when another answer has more, and on a tie follows `TieRule` (1/(1+t) for `.splitEvenly`
/// with t wrong answers tied, 0 for `.countAsWrong`). Abstentions never win; a subset of only abstentions
/// scores 0. This U-statistic is unbiased for the accuracy of voting over k i.i.d. samples (k ≤ n).
///
/// Computed combinatorially, never by enumerating subsets: for each vote count j of the correct cluster, the
/// hypergeometric probability of j times the probability that the remaining k−j draws give every wrong cluster
/// at most j votes, tracked by a dynamic programme over wrong clusters with state (draws so far, clusters tied
/// at j). Clusters smaller than j and abstentions cannot reach j and are pooled. All DP weights are conditional
/// probabilities (ratios of binomials via a log-factorial table), so nothing overflows even for n in the
/// thousands. Cost O(Σ_j m_j · k · j · min(m_j, k/j)) with m_j the clusters of size ≥ j — milliseconds for
/// n ≤ 1024.
public enum MajorityAtK {
    /// Expected majority-vote accuracy of k samples drawn without replacement from the tally.
    /// - Throws: `.invalidCount` for k < 1, `.kExceedsSamples` for k > n.
    public static func estimate(_ tally: VoteTally, k: Int, ties: TieRule = .splitEvenly) throws(AnalysisError) -> Double {
        try validate(tally, k: k, problemIndex: nil)
        return unchecked(tally, k: k, ties: ties, logFactorials: LogFactorials(upTo: tally.samples))
    }

    /// Mean maj@k over problems (each problem weighs the same).
    /// - Throws: `.emptyInput` for no problems; `.kExceedsSamples` naming the first problem with n < k.
    public static func mean(_ tallies: [VoteTally], k: Int, ties: TieRule = .splitEvenly) throws(AnalysisError) -> Double {
        guard !tallies.isEmpty else { throw .emptyInput(what: "problem") }
        for (index, tally) in tallies.enumerated() { try validate(tally, k: k, problemIndex: index) }
        let table = LogFactorials(upTo: tallies.map(\.samples).max() ?? 0)
        var total = 0.0
        for tally in tallies { total += unchecked(tally, k: k, ties: ties, logFactorials: table) }
        return total / Double(tallies.count)
    }

    static func validate(_ tally: VoteTally, k: Int, problemIndex: Int?) throws(AnalysisError) {
        guard k >= 1 else { throw .invalidCount(name: "k", value: k, requirement: "≥ 1") }
        guard k <= tally.samples else { throw .kExceedsSamples(k: k, samples: tally.samples, problemIndex: problemIndex) }
    }

    static func unchecked(_ tally: VoteTally, k: Int, ties: TieRule, logFactorials lf: LogFactorials) -> Double {
        let n = tally.samples
        let correct = tally.correct
        let rest = n - correct
        let logTotal = lf.logChoose(n, k)
        guard correct > 0 else { return 0 }
        var expected = 0.0
        // The correct cluster gets j votes, 1 ≤ j ≤ min(c*, k), and at least k − rest of them.
        for j in max(1, k - rest)...min(correct, k) {
            let r = k - j  // draws left for wrong clusters and abstentions
            let pCorrectGetsJ = exp(lf.logChoose(correct, j) + lf.logChoose(rest, r) - logTotal)
            if pCorrectGetsJ == 0 { continue }
            let contenders = tally.others.filter { $0 >= j }  // descending, so a prefix
            let tieScores = winProbabilityByTies(contenders: contenders, rest: rest, draws: r, cap: j, ties: ties, logFactorials: lf)
            expected += pCorrectGetsJ * tieScores
        }
        return min(1, max(0, expected))
    }

    /// Given r uniform draws without replacement from `rest` items, of which `contenders` are clusters able to
    /// reach `cap` votes (the rest are pooled), returns E[score] where score is 0 if any contender exceeds `cap`,
    /// else the tie-rule weight of the number of contenders at exactly `cap`.
    private static func winProbabilityByTies(
        contenders: [Int], rest: Int, draws r: Int, cap j: Int, ties: TieRule, logFactorials lf: LogFactorials
    ) -> Double {
        let maxTies = ties == .countAsWrong ? 0 : min(contenders.count, r / j)
        let width = maxTies + 1
        // probability[s * width + y]: P(s draws used by processed contenders, y of them tied at j, none above j).
        var probability = [Double](repeating: 0, count: (r + 1) * width)
        var next = probability
        probability[0] = 1
        var remaining = rest  // items not yet processed (contenders still to come + pooled)
        for size in contenders {
            for index in next.indices { next[index] = 0 }
            let after = remaining - size
            for s in 0...r {
                let left = r - s
                let logDenominator = lf.logChoose(remaining, left)
                // t votes to this cluster; the other left − t must fit in the `after` items still to come.
                let lowest = max(0, left - after)
                let highest = min(j, size, left)
                if lowest > highest { continue }
                for y in 0..<width {
                    let p = probability[s * width + y]
                    if p == 0 { continue }
                    for t in lowest...highest {
                        let tied = t == j ? y + 1 : y
                        if tied > maxTies { continue }
                        let step = exp(lf.logChoose(size, t) + lf.logChoose(after, left - t) - logDenominator)
                        next[(s + t) * width + tied] += p * step
                    }
                }
            }
            swap(&probability, &next)
            remaining = after
        }
        // The pooled items take whatever draws are left: the DP transitions already condition on that.
        var score = 0.0
        for s in 0...r {
            for y in 0..<width {
                let p = probability[s * width + y]
                if p == 0 { continue }
                switch ties {
                case .splitEvenly: score += p / Double(y + 1)
                case .countAsWrong: score += y == 0 ? p : 0
                }
            }
        }
        return score
    }
}
