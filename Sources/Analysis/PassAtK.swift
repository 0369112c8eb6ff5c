#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The unbiased pass@k estimator of Chen et al. (2021, arXiv 2107.03374):
///
///     pass@k = 1 − C(n−c, k) / C(n, k)
///
/// the probability that a k-subset drawn without replacement from the n samples contains at least one of the c
/// correct ones; unbiased for the chance that k i.i.d. samples contain a correct one.
///
/// Computed without binomials or factorials: the ratio is a product of min(c, k) factors,
/// C(n−c,k)/C(n,k) = Π_{j<k} (n−c−j)/(n−j) = Π_{i=n−c+1…n} (i−k)/i, summed in log space (log1p near 1)
/// and returned as −expm1(·), so small values keep full relative precision. O(min(c, k)) time; exact to
/// ~1e-13 relative for n up to 10^6 and beyond.
public enum PassAtK {
    /// pass@k for one problem with n samples of which c are correct.
    /// - Throws: `AnalysisError` unless n ≥ 1, 0 ≤ c ≤ n and 1 ≤ k ≤ n.
    public static func estimate(samples n: Int, correct c: Int, k: Int) throws(AnalysisError) -> Double {
        try validate(samples: n, correct: c, k: k, problemIndex: nil)
        return unchecked(samples: n, correct: c, k: k)
    }

    /// pass@k for one problem.
    public static func estimate(_ outcome: ProblemOutcome, k: Int) throws(AnalysisError) -> Double {
        try estimate(samples: outcome.samples, correct: outcome.correct, k: k)
    }

    /// Mean pass@k over problems (each problem weighs the same). Every problem must have n ≥ k.
    /// - Throws: `.emptyInput` for no problems, `.kExceedsSamples` naming the first problem with n < k.
    public static func mean(_ problems: [ProblemOutcome], k: Int) throws(AnalysisError) -> Double {
        guard !problems.isEmpty else { throw .emptyInput(what: "problem") }
        var total = 0.0
        for (index, problem) in problems.enumerated() {
            try validate(samples: problem.samples, correct: problem.correct, k: k, problemIndex: index)
            total += unchecked(samples: problem.samples, correct: problem.correct, k: k)
        }
        return total / Double(problems.count)
    }

    /// ln( C(n−c, k) / C(n, k) ), the log-probability that a random k-subset holds no correct sample;
    /// −∞ when n − c < k. Preconditions (unchecked): 0 ≤ c ≤ n, 0 ≤ k ≤ n.
    static func logFailure(samples n: Int, correct c: Int, k: Int) -> Double {
        if c == 0 || k == 0 { return 0 }
        if n - c < k { return -.infinity }
        var sum = 0.0
        if k <= c {
            for j in 0..<k { sum += logRatio(n - c - j, n - j) }
        } else {
            for i in (n - c + 1)...n { sum += logRatio(i - k, i) }
        }
        return sum
    }

    static func unchecked(samples n: Int, correct c: Int, k: Int) -> Double {
        let logFail = logFailure(samples: n, correct: c, k: k)
        return logFail == -.infinity ? 1 : -expm1(logFail)
    }

    static func validate(samples n: Int, correct c: Int, k: Int, problemIndex: Int?) throws(AnalysisError) {
        try ProblemOutcome.validate(samples: n, correct: c, problemIndex: problemIndex)
        guard k >= 1 else { throw .invalidCount(name: "k", value: k, requirement: "≥ 1") }
        guard k <= n else { throw .kExceedsSamples(k: k, samples: n, problemIndex: problemIndex) }
    }
}
