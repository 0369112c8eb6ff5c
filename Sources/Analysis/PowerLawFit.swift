#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A fit of the exponentiated power law c(k) ≈ exp(a · k^b) to coverage points.
///
/// `.logLinear`: ordinary least squares of y = ln(−ln c) on x = ln k, since ln(−ln c) = ln(−a) + b·ln k;
/// only points with 0 < c < 1 are usable. `.refinedOnCoverage`: starts there and minimises
/// Σ (c_i − exp(a k_i^b))² over all points by damped Gauss–Newton (Levenberg–Marquardt), which is what
/// SciPy's `curve_fit` does and weighs errors in coverage itself rather than in log-log space.
public struct PowerLawFit: Sendable, Hashable, Codable {
    /// The fitting criterion.
    public enum Method: String, Sendable, Hashable, Codable {
        case logLinear
        case refinedOnCoverage
    }

    /// The fitted curve.
    public let curve: ExponentiatedPowerLaw
    /// Coefficient of determination of the curve on coverage, over all input points: 1 − SS_res/SS_tot
    /// (1 when the data are constant and fitted exactly).
    public let rSquared: Double
    /// Coefficient of determination of the straight line in (ln k, ln(−ln c)) space, over the usable points.
    public let logLogRSquared: Double
    /// Points with 0 < c < 1 (those the log-linear step used).
    public let usablePoints: Int
    /// The criterion used.
    public let method: Method

    /// Scale a of c(k) = exp(a·k^b).
    public var a: Double { curve.a }
    /// Exponent b of c(k) = exp(a·k^b).
    public var b: Double { curve.b }

    /// Smallest whole k with fitted coverage ≥ target; see `ExponentiatedPowerLaw.saturationPoint(target:)`.
    public func saturationPoint(target: Double) throws(AnalysisError) -> Int {
        try curve.saturationPoint(target: target)
    }

    /// Fits c(k) ≈ exp(a·k^b).
    /// - Throws: `.invalidValue` for k ≤ 0 or coverage outside [0, 1]; `.tooFewFitPoints` with fewer than two
    ///   usable points at distinct k; `.fitDidNotConverge` if refinement fails.
    public static func fit(_ points: [CoveragePoint], method: Method = .logLinear) throws(AnalysisError) -> PowerLawFit {
        for point in points {
            guard point.k.isFinite, point.k > 0 else { throw .invalidValue(name: "k", value: point.k, requirement: "finite and > 0") }
            guard point.coverage.isFinite, point.coverage >= 0, point.coverage <= 1 else {
                throw .invalidValue(name: "coverage", value: point.coverage, requirement: "in [0, 1]")
            }
        }
        let usable = points.filter { $0.coverage > 0 && $0.coverage < 1 }
        let xs = usable.map { log($0.k) }
        let ys = usable.map { log(-log($0.coverage)) }
        guard usable.count >= 2, Set(xs).count >= 2 else { throw .tooFewFitPoints(usable: usable.count, total: points.count) }
        let line = LeastSquaresLine(xs: xs, ys: ys)
        var curve = ExponentiatedPowerLaw(a: -exp(line.intercept), b: line.slope)
        if method == .refinedOnCoverage {
            curve = try refine(curve, on: points)
        }
        return PowerLawFit(
            curve: curve, rSquared: coverageRSquared(curve, points), logLogRSquared: line.rSquared,
            usablePoints: usable.count, method: method)
    }

    static func coverageRSquared(_ curve: ExponentiatedPowerLaw, _ points: [CoveragePoint]) -> Double {
        let mean = points.reduce(0) { $0 + $1.coverage } / Double(points.count)
        var residual = 0.0, total = 0.0
        for point in points {
            let e = point.coverage - curve.coverage(at: point.k)
            residual += e * e
            total += (point.coverage - mean) * (point.coverage - mean)
        }
        return total > 0 ? 1 - residual / total : (residual == 0 ? 1 : 0)
    }

    /// Levenberg–Marquardt on (a, b) minimising Σ (c_i − exp(a k_i^b))².
    static func refine(_ start: ExponentiatedPowerLaw, on points: [CoveragePoint]) throws(AnalysisError) -> ExponentiatedPowerLaw {
        func sse(_ a: Double, _ b: Double) -> Double {
            points.reduce(0) { sum, p in let e = p.coverage - exp(a * pow(p.k, b)); return sum + e * e }
        }
        var a = start.a, b = start.b
        var cost = sse(a, b)
        var lambda = 1e-3
        let maxIterations = 500
        for iteration in 0..<maxIterations {
            var jtj00 = 0.0, jtj01 = 0.0, jtj11 = 0.0, jtr0 = 0.0, jtr1 = 0.0
            for p in points {
                let kb = pow(p.k, b)
                let f = exp(a * kb)
                let da = f * kb
                let db = f * a * kb * log(p.k)
                let r = p.coverage - f
                jtj00 += da * da; jtj01 += da * db; jtj11 += db * db
                jtr0 += da * r; jtr1 += db * r
            }
            var improved = false
            while lambda < 1e16 {
                let m00 = jtj00 * (1 + lambda), m11 = jtj11 * (1 + lambda)
                let det = m00 * m11 - jtj01 * jtj01
                guard det.isFinite, det > 0 else { lambda *= 10; continue }
                let stepA = (m11 * jtr0 - jtj01 * jtr1) / det
                let stepB = (m00 * jtr1 - jtj01 * jtr0) / det
                let newCost = sse(a + stepA, b + stepB)
                if newCost.isFinite, newCost <= cost {
                    let small = abs(stepA) <= 1e-13 * (abs(a) + 1e-13) && abs(stepB) <= 1e-13 * (abs(b) + 1e-13)
                    let flat = cost - newCost <= 1e-15 * cost
                    a += stepA; b += stepB; cost = newCost
                    lambda = max(lambda / 10, 1e-12)
                    improved = true
                    if small || (flat && iteration > 0) { return ExponentiatedPowerLaw(a: a, b: b) }
                    break
                }
                lambda *= 10
            }
            if !improved {
                // No downhill step at any damping: we are at a (numerical) minimum.
                guard a.isFinite, b.isFinite else {
                    throw .fitDidNotConverge(iterations: iteration, detail: "parameters became non-finite")
                }
                return ExponentiatedPowerLaw(a: a, b: b)
            }
        }
        throw .fitDidNotConverge(iterations: maxIterations, detail: "step still changing after the iteration cap")
    }
}

/// Ordinary least-squares line y ≈ intercept + slope·x.
struct LeastSquaresLine {
    let slope: Double
    let intercept: Double
    let rSquared: Double

    init(xs: [Double], ys: [Double]) {
        let n = Double(xs.count)
        let meanX = xs.reduce(0, +) / n, meanY = ys.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (x, y) in zip(xs, ys) {
            sxx += (x - meanX) * (x - meanX); sxy += (x - meanX) * (y - meanY); syy += (y - meanY) * (y - meanY)
        }
        slope = sxy / sxx
        intercept = meanY - slope * meanX
        let residual = max(0, syy - slope * sxy)
        rSquared = syy > 0 ? 1 - residual / syy : 1
    }
}
