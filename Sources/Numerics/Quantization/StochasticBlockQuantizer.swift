/// GGUF block quantisers with stochastic rounding of the integer codes (Q8_0, Q4_0, Q4_1, MXFP4).
///
/// The block scale is chosen exactly as by the nearest-rounding reference (``Quantizer``, ``MXFP4Quantizer``); only
/// the rounding of each scaled value `t` to its integer changes, to `⌊t + u⌋` with `u ~ U[0, 1)` (one `UInt64`
/// drawn per element, in element order), so `E[q] = t`:
/// - Q8_0: `d = amax/127`, `t = x/d ∈ [−127, 127]`, `q = ⌊t + u⌋` (never clamped: unbiased everywhere).
/// - Q4_0: `d = m/−8` with `m` the signed element of largest magnitude, `t = x/d + 8 ∈ [0, 16]`,
///   `q = min(15, ⌊t + u⌋)`: elements with `t > 15` (the side opposite `m`) are clamped, as in ggml.
/// - Q4_1: `d = (max − min)/15`, `t = (x − min)/d ∈ [0, 15]`, `q = min(15, ⌊t + u⌋)`.
/// - MXFP4: see ``MXFP4Quantizer``.
/// All-zero blocks encode as zero codes (Q4_0: code 8) with a zero scale. Same seed, same bytes.
public enum StochasticBlockQuantizer {
    /// The types this quantiser produces.
    public static let supportedTypes: [GGMLType] = [.q8_0, .q4_0, .q4_1, .mxfp4]

    /// Encodes `values` as `type` with stochastic rounding, returning `type.rowByteCount(elements: values.count)`
    /// bytes.
    /// - Precondition: `type` is in ``supportedTypes`` and `values.count` is a multiple of 32.
    public static func quantize<G: RandomNumberGenerator>(_ type: GGMLType, _ values: [Float],
                                                          using generator: inout G) -> [UInt8] {
        precondition(supportedTypes.contains(type), "stochastic rounding supports Q8_0, Q4_0, Q4_1 and MXFP4, not \(type)")
        precondition(values.count % 32 == 0, "\(type) needs a multiple of 32 values, got \(values.count)")
        var out = [UInt8]()
        out.reserveCapacity(type.rowByteCount(elements: values.count))
        for start in stride(from: 0, to: values.count, by: 32) {
            let block = values[start..<(start + 32)]
            switch type {
            case .q8_0: appendQ8_0(&out, block, &generator)
            case .q4_0: appendQ4_0(&out, block, &generator)
            case .q4_1: appendQ4_1(&out, block, &generator)
            default: MXFP4Quantizer.appendBlockStochastically(&out, block, using: &generator)
            }
        }
        return out
    }

    private static func appendQ8_0<G: RandomNumberGenerator>(_ out: inout [UInt8], _ x: ArraySlice<Float>, _ g: inout G) {
        let d = BlockScale.q8_0(x)
        let id = BlockScale.inverse(d)
        appendHalf(&out, Half.fromFloat(d))
        for v in x {
            let q = StochasticRounding.round(v * id, using: &g)
            out.append(UInt8(bitPattern: Int8(max(-127, min(127, q.isFinite ? q : 0)))))
        }
    }

    private static func appendQ4_0<G: RandomNumberGenerator>(_ out: inout [UInt8], _ x: ArraySlice<Float>, _ g: inout G) {
        let d = BlockScale.q4_0(x)
        let id = BlockScale.inverse(d)
        appendHalf(&out, Half.fromFloat(d))
        let codes = x.map { nibble(StochasticRounding.round($0 * id + 8, using: &g)) }
        appendNibbles(&out, codes)
    }

    private static func appendQ4_1<G: RandomNumberGenerator>(_ out: inout [UInt8], _ x: ArraySlice<Float>, _ g: inout G) {
        let (d, lowest) = BlockScale.q4_1(x)
        let id = BlockScale.inverse(d)
        appendHalf(&out, Half.fromFloat(d))
        appendHalf(&out, Half.fromFloat(lowest))
        let codes = x.map { nibble(StochasticRounding.round(($0 - lowest) * id, using: &g)) }
        appendNibbles(&out, codes)
    }

    /// Clamps a rounded value to a 4-bit code (NaN → 0).
    private static func nibble(_ q: Float) -> UInt8 { q.isNaN ? 0 : UInt8(max(0, min(15, q))) }

    /// ggml nibble order: element j low, element j + 16 high, in byte j.
    private static func appendNibbles(_ out: inout [UInt8], _ codes: [UInt8]) {
        for j in 0..<16 { out.append(codes[j] | (codes[j + 16] << 4)) }
    }

    private static func appendHalf(_ out: inout [UInt8], _ bits: UInt16) {
        out.append(UInt8(bits & 0xFF))
        out.append(UInt8(bits >> 8))
    }
}
