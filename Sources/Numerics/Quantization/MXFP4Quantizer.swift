#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// MXFP4 blocks exactly as ggml stores them (GGUF tensor type 39, `block_mxfp4` in ggml-common.h).
///
/// Layout of one block (17 bytes, 32 elements):
/// - byte 0: `e`, the shared scale as an E8M0 exponent (the OCP MX scale is `X = 2^(e − 127)`);
/// - bytes 1…16: `qs[16]`, 4-bit E2M1 codes; element `j` is the low nibble of `qs[j]`, element `j + 16` the high
///   nibble (the legacy Q4_0 order, not an even/odd interleave).
///
/// A code `c` is sign bit 3 and an E2M1 magnitude in bits 0…2. ggml decodes it with the *doubled* E2M1 table
/// ``doubledValues`` (`{0, 1, 2, 3, 4, 6, 8, 12}` and their negatives), so it multiplies by *half* the scale:
/// `y = doubledValues[c] · 2^(e − 128)` (``halfScale(_:)``, ggml's `GGML_E8M0_TO_FP32_HALF`). That is the factor-2
/// difference between the stored exponent and the value it scales; the product equals the OCP value
/// `E2M1(c) · 2^(e − 127)`.
///
/// Encoding (ggml's `quantize_row_mxfp4_ref`, fp32): `amax = max |xᵢ|`; `e = ⌊log₂ amax⌋ − 2 + 127` (`e = 0` when
/// `amax = 0`), so `amax / 2^(e−127) ∈ [4, 8)` and values above 6 saturate; `d = 2^(e − 128)`; each element gets the
/// code whose `doubledValues[c] · d` is nearest to `x`, ties to the lower code index (smaller magnitude, and +0
/// rather than −0). Stochastic rounding instead picks between the two neighbouring magnitudes `lo ≤ |x/d| ≤ hi` the
/// upper one with probability `(|x/d| − lo)/(hi − lo)` (unbiased below the saturation point 12·d).
public enum MXFP4Quantizer {
    /// Elements per block.
    public static let blockSize = 32
    /// Bytes per block.
    public static let bytesPerBlock = 17

    /// ggml's `kvalues_mxfp4`: code → doubled E2M1 value.
    public static let doubledValues: [Float] = [0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12]

    /// Half the E8M0 scale, `2^(e − 128)`, exactly (a subnormal fp32 for `e < 2`). `e = 255` (NaN in OCP) gives
    /// 2^127, as ggml's macro does.
    @inlinable
    public static func halfScale(_ e: UInt8) -> Float {
        e < 2 ? Float(bitPattern: UInt32(0x0020_0000) << UInt32(e)) : Float(bitPattern: UInt32(e - 1) << 23)
    }

    /// The shared exponent byte for a block whose largest magnitude is `amax` (0 for an all-zero block).
    public static func sharedExponent(amax: Float) -> UInt8 {
        guard amax > 0, amax.isFinite else { return amax.isFinite ? 0 : 254 }
        let e = Int(log2(amax).rounded(.down)) - 2 + 127
        return UInt8(clamping: e)
    }

    /// Appends one block encoding the 32 values of `x` with nearest rounding.
    /// - Precondition: `x.count == 32`.
    public static func appendBlock(_ out: inout [UInt8], _ x: ArraySlice<Float>) {
        var none: NoRandomness? = nil
        appendBlock(&out, x, stochastic: &none)
    }

    /// Appends one block with stochastic rounding: one `UInt64` is drawn from `generator` per element, in element
    /// order, whether or not the element lies on a code.
    public static func appendBlockStochastically<G: RandomNumberGenerator>(_ out: inout [UInt8], _ x: ArraySlice<Float>,
                                                                        using generator: inout G) {
        var wrapped: G? = generator
        appendBlock(&out, x, stochastic: &wrapped)
        generator = wrapped!
    }

    private static func appendBlock<G: RandomNumberGenerator>(_ out: inout [UInt8], _ x: ArraySlice<Float>,
                                                              stochastic: inout G?) {
        precondition(x.count == blockSize, "an MXFP4 block holds \(blockSize) values, got \(x.count)")
        var amax: Float = 0
        for v in x where amax < abs(v) { amax = abs(v) }
        let e = sharedExponent(amax: amax)
        let d = halfScale(e)
        out.append(e)
        var codes = [UInt8](repeating: 0, count: blockSize)
        for (i, v) in x.enumerated() {
            if stochastic != nil {
                codes[i] = stochasticCode(v, d, uniform: StochasticRounding.uniform(&stochastic!))
            } else {
                codes[i] = nearestCode(v, d)
            }
        }
        for j in 0..<16 { out.append(codes[j] | (codes[j + 16] << 4)) }
    }

    /// ggml's `best_index_mxfp4`: the first code with the smallest `|doubledValues[c]·d − x|`.
    static func nearestCode(_ x: Float, _ d: Float) -> UInt8 {
        var best = 0
        var bestError = abs(doubledValues[0] * d - x)
        for c in 1..<16 {
            let error = abs(doubledValues[c] * d - x)
            if error < bestError {
                best = c
                bestError = error
            }
        }
        return UInt8(best)
    }

    /// Stochastic code for `x` at half-scale `d` given a uniform draw in [0, 1).
    static func stochasticCode(_ x: Float, _ d: Float, uniform: Float) -> UInt8 {
        let t = d > 0 ? abs(x) / d : 0
        guard t.isFinite else { return x.isNaN ? 0 : (x < 0 ? 15 : 7) }
        var upper = 1
        while upper < 7 && doubledValues[upper] < t { upper += 1 }
        let hi = doubledValues[upper], lo = doubledValues[upper - 1]
        let magnitude: Int
        if t >= hi { magnitude = upper } else { magnitude = uniform < (t - lo) / (hi - lo) ? upper : upper - 1 }
        return UInt8(x < 0 && magnitude != 0 ? magnitude + 8 : magnitude)
    }
}

/// A generator type for the nearest-rounding path (never called).
struct NoRandomness: RandomNumberGenerator {
    mutating func next() -> UInt64 { preconditionFailure("nearest rounding draws no random numbers") }
}
