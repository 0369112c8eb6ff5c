import Foundation

/// The mean relative error of L-Mul on random N(0,1) operand pairs, beside fp8 e4m3 and e5m2 rounding of the same
/// pairs (the comparison behind the paper's claim "L-Mul with 3-bit mantissa outperforms float8_e5m2"), measured
/// as `shared/research/numerics.md` §1.4 does.
///
/// Every error is `|approx − exact| / |exact|` averaged over the pairs, where `exact` is the float64 product of the
/// unrounded fp32 operands. L-Mul rounds the operands to `mantissaBits` first (``LMul/multiply(_:_:mantissaBits:)``).
public struct LMulErrorReport: Sendable, Equatable, Codable {
    /// Fraction bits of the L-Mul operands.
    public let mantissaBits: Int
    /// `l(m)`: the offset is `2^-l`.
    public let offsetExponent: Int
    /// Number of operand pairs.
    public let pairs: Int
    /// Seed of the operand generator (the same seed gives the same pairs).
    public let seed: UInt64
    /// Mean |L-Mul − exact| / |exact| (a fraction: 0.0571 is 5.71 %).
    public let meanRelativeError: Double
    /// Largest |L-Mul − exact| / |exact| over the pairs.
    public let maxRelativeError: Double
    /// Operands rounded to fp8 e4m3 (nearest-even), product exact.
    public let fp8E4M3MeanRelativeError: Double
    /// Operands rounded to fp8 e4m3 and the product rounded to e4m3 again.
    public let fp8E4M3RoundedProductMeanRelativeError: Double
    /// Operands rounded to fp8 e5m2 (nearest-even), product exact.
    public let fp8E5M2MeanRelativeError: Double
    /// Operands rounded to fp8 e5m2 and the product rounded to e5m2 again.
    public let fp8E5M2RoundedProductMeanRelativeError: Double
}

public enum LMulErrorStudy {
    /// Measures ``LMulErrorReport`` on `pairs` N(0,1) pairs drawn from `seed` (SplitMix64 + Box–Muller, each pair
    /// rounded to fp32). Pairs whose exact product is 0 are skipped (they do not occur in practice).
    public static func measure(mantissaBits: Int, pairs: Int, seed: UInt64) -> LMulErrorReport {
        precondition(LMul.fp32MantissaBits.contains(mantissaBits), "mantissaBits must be in 1...23")
        precondition(pairs > 0, "pairs must be positive")
        var generator = NormalPairs(seed: seed)
        var lmulSum = 0.0, lmulMax = 0.0, e4Sum = 0.0, e4RoundSum = 0.0, e5Sum = 0.0, e5RoundSum = 0.0
        var counted = 0
        for _ in 0..<pairs {
            let (x, y) = generator.next()
            let exact = Double(x) * Double(y)
            if exact == 0 { continue }
            counted += 1
            let lmul = relativeError(Double(LMul.multiply(x, y, mantissaBits: mantissaBits)), exact)
            lmulSum += lmul
            lmulMax = max(lmulMax, lmul)
            let (e4, e4Round) = fp8Errors(x, y, exact, format: .fp8E4M3)
            let (e5, e5Round) = fp8Errors(x, y, exact, format: .fp8E5M2)
            e4Sum += e4; e4RoundSum += e4Round; e5Sum += e5; e5RoundSum += e5Round
        }
        let n = Double(max(counted, 1))
        return LMulErrorReport(
            mantissaBits: mantissaBits, offsetExponent: LMul.offsetExponent(mantissaBits: mantissaBits),
            pairs: pairs, seed: seed, meanRelativeError: lmulSum / n, maxRelativeError: lmulMax,
            fp8E4M3MeanRelativeError: e4Sum / n, fp8E4M3RoundedProductMeanRelativeError: e4RoundSum / n,
            fp8E5M2MeanRelativeError: e5Sum / n, fp8E5M2RoundedProductMeanRelativeError: e5RoundSum / n)
    }

    static func relativeError(_ approx: Double, _ exact: Double) -> Double { abs(approx - exact) / abs(exact) }

    /// (operands rounded, exact product) and (operands rounded, product rounded) errors for one fp8 format.
    static func fp8Errors(_ x: Float, _ y: Float, _ exact: Double, format: ElementFormat) -> (Double, Double) {
        let qx = format.decode(format.encode(x, overflow: .nonSaturating))
        let qy = format.decode(format.encode(y, overflow: .nonSaturating))
        let product = qx * qy  // exact in fp32: two 4-bit significands
        let rounded = format.decode(format.encode(product, overflow: .nonSaturating))
        return (relativeError(Double(product), exact), relativeError(Double(rounded), exact))
    }
}

/// N(0,1) fp32 pairs from a SplitMix64 stream via Box–Muller (both outputs of one transform form a pair).
struct NormalPairs {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in (0, 1].
    private mutating func unit() -> Double { Double((nextWord() >> 11) + 1) * 0x1p-53 }

    mutating func next() -> (Float, Float) {
        let radius = (-2 * log(unit())).squareRoot()
        let angle = 2 * Double.pi * unit()
        return (Float(radius * cos(angle)), Float(radius * sin(angle)))
    }
}
