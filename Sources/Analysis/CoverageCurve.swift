#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One point of a coverage curve: the fraction of problems (0…1) solved by at least one of `k` samples.
/// `k` is a Double so fitted or interpolated curves can be evaluated between integers.
public struct CoveragePoint: Sendable, Hashable, Codable {
    /// Samples per problem, k > 0.
    public let k: Double
    /// Coverage in [0, 1].
    public let coverage: Double

    public init(k: Double, coverage: Double) {
        self.k = k
        self.coverage = coverage
    }
}

/// Coverage c(k) = mean over problems of unbiased pass@k, for k = 1…`maxK` (Brown et al. 2024, "Large
/// Language Monkeys", §3). `maxK` defaults to the smallest n among the problems, since pass@k needs k ≤ n.
///
/// Each problem's curve is built incrementally in O(maxK): ln C(n−c,k)/C(n,k) gains ln((n−c−k)/(n−k)) per step.
public struct CoverageCurve: Sendable, Hashable, Codable {
    /// Number of problems averaged.
    public let problemCount: Int
    /// `values[k − 1]` is c(k), for k = 1…maxK. Non-decreasing in k.
    public let values: [Double]

    /// Largest k on the curve.
    public var maxK: Int { values.count }

    /// Builds c(k) for k = 1…maxK (default: min n over problems).
    /// - Throws: `.emptyInput` for no problems; `.kExceedsSamples` if `maxK` exceeds some problem's n.
    public init(_ problems: [ProblemOutcome], maxK: Int? = nil) throws(AnalysisError) {
        guard let smallest = problems.map(\.samples).min() else { throw .emptyInput(what: "problem") }
        let limit = maxK ?? smallest
        guard limit >= 1 else { throw .invalidCount(name: "maxK", value: limit, requirement: "≥ 1") }
        if let index = problems.firstIndex(where: { $0.samples < limit }) {
            throw .kExceedsSamples(k: limit, samples: problems[index].samples, problemIndex: index)
        }
        var sums = [Double](repeating: 0, count: limit)
        for problem in problems {
            let n = problem.samples, c = problem.correct
            if c == 0 { continue }
            var logFail = 0.0
            for k in 1...limit {
                let wrongLeft = n - c - (k - 1)  // factor (n−c−(k−1)) / (n−(k−1))
                if wrongLeft <= 0 {
                    for rest in (k - 1)..<limit { sums[rest] += 1 }
                    break
                }
                logFail += logRatio(wrongLeft, n - (k - 1))
                sums[k - 1] += -expm1(logFail)
            }
        }
        self.problemCount = problems.count
        self.values = sums.map { $0 / Double(problems.count) }
    }

    /// c(k) for 1 ≤ k ≤ maxK.
    /// - Throws: `.invalidCount` for k outside 1…maxK.
    public func coverage(at k: Int) throws(AnalysisError) -> Double {
        guard k >= 1, k <= maxK else { throw .invalidCount(name: "k", value: k, requirement: "in 1...\(maxK)") }
        return values[k - 1]
    }

    /// All points (k, c(k)), k = 1…maxK.
    public var points: [CoveragePoint] {
        values.enumerated().map { CoveragePoint(k: Double($0.offset + 1), coverage: $0.element) }
    }

    /// About `count` points at log-spaced k between 1 and maxK (distinct integers, always including 1 and
    /// maxK), as used to fit scaling laws without over-weighting large k.
    /// - Throws: `.invalidCount` for count < 2.
    public func logSpacedPoints(count: Int) throws(AnalysisError) -> [CoveragePoint] {
        guard count >= 2 else { throw .invalidCount(name: "point count", value: count, requirement: "≥ 2") }
        var ks: [Int] = []
        let top = log(Double(maxK))
        for i in 0..<count {
            let k = Int((exp(top * Double(i) / Double(count - 1))).rounded())
            let clamped = min(max(k, 1), maxK)
            if ks.last != clamped { ks.append(clamped) }
        }
        return ks.map { CoveragePoint(k: Double($0), coverage: values[$0 - 1]) }
    }
}
