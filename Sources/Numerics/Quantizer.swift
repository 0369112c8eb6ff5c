/// Reference quantisers (ggml's `quantize_row_*_ref`), used for test fixtures and the GGUF writer.
///
/// Supports F32, F16, BF16, Q8_0, Q4_0, Q4_1 and MXFP4 (see ``supports(_:)``). K-quants use iterative fits and are not
/// produced here. Arithmetic is fp32 in ggml's order; C `roundf` (ties away from zero) for Q8_0.
public enum Quantizer {
    /// Whether ``quantize(_:_:)`` can produce `type`.
    public static func supports(_ type: GGMLType) -> Bool {
        switch type {
        case .f32, .f16, .bf16, .q8_0, .q4_0, .q4_1, .mxfp4: true
        case .q4_K, .q6_K: false
        }
    }

    /// Encodes `values` as `type`, returning `type.rowByteCount(elements: values.count)` bytes.
    /// - Precondition: `supports(type)` and `values.count` is a multiple of the block size.
    public static func quantize(_ type: GGMLType, _ values: [Float]) -> [UInt8] {
        precondition(supports(type), "Quantizer cannot produce \(type); supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1, MXFP4")
        let traits = type.traits
        precondition(values.count % traits.blockSize == 0,
                     "\(traits.name) needs a multiple of \(traits.blockSize) values, got \(values.count)")
        var out = [UInt8]()
        out.reserveCapacity(type.rowByteCount(elements: values.count))
        var start = 0
        while start < values.count {
            let block = values[start..<(start + traits.blockSize)]
            switch type {
            case .f32: appendLE(&out, block.first!.bitPattern)
            case .f16: appendLE(&out, Half.fromFloat(block.first!))
            case .bf16: appendLE(&out, Half.bf16FromFloat(block.first!))
            case .q8_0: appendQ8_0(&out, block)
            case .q4_0: appendQ4_0(&out, block)
            case .q4_1: appendQ4_1(&out, block)
            case .mxfp4: MXFP4Quantizer.appendBlock(&out, block)
            case .q4_K, .q6_K: preconditionFailure("unreachable")
            }
            start += traits.blockSize
        }
        return out
    }

    private static func appendQ8_0(_ out: inout [UInt8], _ x: ArraySlice<Float>) {
        let d = BlockScale.q8_0(x)
        let id = BlockScale.inverse(d)
        appendLE(&out, Half.fromFloat(d))
        for v in x {
            out.append(UInt8(bitPattern: clampedInt8(v * id, .toNearestOrAwayFromZero)))
        }
    }

    private static func appendQ4_0(_ out: inout [UInt8], _ x: ArraySlice<Float>) {
        let d = BlockScale.q4_0(x)
        let id = BlockScale.inverse(d)
        appendLE(&out, Half.fromFloat(d))
        let b = x.startIndex
        for j in 0..<16 {
            let lo = min(15, truncatingInt8(x[b + j] * id + 8.5))
            let hi = min(15, truncatingInt8(x[b + j + 16] * id + 8.5))
            out.append(UInt8(lo) | (UInt8(hi) << 4))
        }
    }

    private static func appendQ4_1(_ out: inout [UInt8], _ x: ArraySlice<Float>) {
        let (d, lowest) = BlockScale.q4_1(x)
        let id = BlockScale.inverse(d)
        appendLE(&out, Half.fromFloat(d))
        appendLE(&out, Half.fromFloat(lowest))
        let b = x.startIndex
        for j in 0..<16 {
            let lo = min(15, truncatingInt8((x[b + j] - lowest) * id + 0.5))
            let hi = min(15, truncatingInt8((x[b + j + 16] - lowest) * id + 0.5))
            out.append(UInt8(lo) | (UInt8(hi) << 4))
        }
    }

    /// C's `(int8_t)f` for the in-range values the quantisers produce (truncation toward zero).
    private static func truncatingInt8(_ f: Float) -> Int8 { clampedInt8(f, .towardZero) }

    /// Rounds then clamps to Int8; NaN (undefined in C) maps to 0 instead of trapping.
    private static func clampedInt8(_ f: Float, _ rule: FloatingPointRoundingRule) -> Int8 {
        guard f.isFinite else { return f.isNaN ? 0 : (f > 0 ? .max : .min) }
        return Int8(clamping: Int(max(-1e6, min(1e6, f.rounded(rule)))))
    }

    private static func appendLE<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
