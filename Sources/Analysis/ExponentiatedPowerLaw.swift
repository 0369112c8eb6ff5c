#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The coverage scaling law of Brown et al. (2024, §3.1): c(k) = exp(a · k^b), i.e. log c(k) = a · k^b.
/// Coverage rises towards 1 with k exactly when a < 0 and b < 0. k counts samples per problem.
public struct ExponentiatedPowerLaw: Sendable, Hashable, Codable {
    /// Scale: ln c(1) = a. Negative for a coverage curve below 1.
    public let a: Double
    /// Exponent: how fast −ln c(k) decays with k. Negative for a rising curve.
    public let b: Double

    public init(a: Double, b: Double) {
        self.a = a
        self.b = b
    }

    /// c(k) = exp(a · k^b) for k > 0.
    public func coverage(at k: Double) -> Double { exp(a * pow(k, b)) }

    /// The real k at which the curve equals `target`: k = (ln target / a)^(1/b), valid for a < 0, b < 0.
    /// May be < 1 when c(1) already exceeds the target.
    /// - Throws: `.invalidValue` unless 0 < target < 1; `.targetUnreachable` if the curve never rises to it.
    public func samplesToReach(coverage target: Double) throws(AnalysisError) -> Double {
        guard target.isFinite, target > 0, target < 1 else {
            throw .invalidValue(name: "target coverage", value: target, requirement: "in (0, 1) (exclusive)")
        }
        guard a.isFinite, b.isFinite else {
            throw .targetUnreachable(target: target, a: a, b: b, reason: "the parameters are not finite")
        }
        guard a < 0 else {
            throw .targetUnreachable(target: target, a: a, b: b, reason: "a ≥ 0 gives coverage ≥ 1 for every k, not a coverage curve")
        }
        if b >= 0 {
            // Flat (b = 0) or falling curve: its best value is at k = 1.
            if coverage(at: 1) >= target { return 1 }
            throw .targetUnreachable(target: target, a: a, b: b, reason: "b ≥ 0, so coverage does not rise with k (at most exp(a) = \(exp(a)))")
        }
        return pow(log(target) / a, 1 / b)
    }

    /// The smallest whole number of samples k ≥ 1 with c(k) ≥ `target` (the closed form
    /// (ln target / a)^(1/b), rounded up and checked against the curve).
    /// - Throws: as `samplesToReach(coverage:)`, plus `.saturationBeyondRange` when k exceeds 2^62.
    public func saturationPoint(target: Double) throws(AnalysisError) -> Int {
        let real = try samplesToReach(coverage: target)
        guard real.isFinite, real < 0x1p62 else { throw .saturationBeyondRange(samples: real, target: target) }
        var k = max(1, Int(real.rounded(.up)))
        // Guard against rounding in pow/log: step to the exact threshold.
        while k > 1, coverage(at: Double(k - 1)) >= target { k -= 1 }
        while coverage(at: Double(k)) < target { k += 1 }
        return k
    }
}
