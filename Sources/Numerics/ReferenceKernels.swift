/// Scalar, obviously-correct kernels: the twins every fast kernel in ``Kernels`` is checked against.
///
/// Dequantisation follows ggml's `dequantize_row_*` (fp32 arithmetic, same operation order; golden values from
/// Scripts/oracle/dequant_reference.py).
/// `count` is a number of elements and must be a multiple of the type's block size; `src` points at
/// `type.rowByteCount(elements: count)` bytes (any alignment). Dot products accumulate in `Double`.
public enum ReferenceKernels {
    /// Decodes `count` elements of `type` from `src` into `dst`.
    public static func dequantize(_ type: GGMLType, _ src: UnsafeRawPointer, into dst: UnsafeMutablePointer<Float>, count: Int) {
        let traits = type.traits
        precondition(count >= 0 && count % traits.blockSize == 0,
                     "\(traits.name) needs a multiple of \(traits.blockSize) elements, got \(count)")
        let blocks = count / traits.blockSize
        for b in 0..<blocks {
            dequantizeBlock(type, src + b * traits.bytesPerBlock, into: dst + b * traits.blockSize)
        }
    }

    /// Σ dequantize(row)[i] · x[i] over `count` elements, accumulated in `Double` and returned as `Float`.
    public static func dot(_ type: GGMLType, _ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int) -> Float {
        Float(dotDouble(type, row, x, count: count))
    }

    /// Like ``dot(_:_:_:count:)`` but returns the `Double` accumulator, plus Σ|w·x| (for condition-aware error bounds).
    public static func dotWithMagnitude(_ type: GGMLType, _ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int)
        -> (dot: Double, magnitude: Double)
    {
        let traits = type.traits
        precondition(count >= 0 && count % traits.blockSize == 0,
                     "\(traits.name) needs a multiple of \(traits.blockSize) elements, got \(count)")
        var block = [Float](repeating: 0, count: traits.blockSize)
        var sum = 0.0
        var magnitude = 0.0
        block.withUnsafeMutableBufferPointer { buffer in
            for b in 0..<(count / traits.blockSize) {
                dequantizeBlock(type, row + b * traits.bytesPerBlock, into: buffer.baseAddress!)
                for i in 0..<traits.blockSize {
                    let product = Double(buffer[i]) * Double(x[b * traits.blockSize + i])
                    sum += product
                    magnitude += abs(product)
                }
            }
        }
        return (sum, magnitude)
    }

    static func dotDouble(_ type: GGMLType, _ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int) -> Double {
        dotWithMagnitude(type, row, x, count: count).dot
    }

    /// Decodes exactly one block of `type` (`type.traits.blockSize` elements).
    public static func dequantizeBlock(_ type: GGMLType, _ src: UnsafeRawPointer, into y: UnsafeMutablePointer<Float>) {
        switch type {
        case .f32:
            y[0] = Float(bitPattern: UInt32(littleEndian: src.loadUnaligned(as: UInt32.self)))
        case .f16:
            y[0] = Half.toFloat(loadHalf(src, 0))
        case .bf16:
            y[0] = Half.bf16ToFloat(loadHalf(src, 0))
        case .q4_0:
            let d = Half.toFloat(loadHalf(src, 0))
            for j in 0..<16 {
                let q = src.load(fromByteOffset: 2 + j, as: UInt8.self)
                y[j] = Float(Int(q & 0xF) - 8) * d
                y[j + 16] = Float(Int(q >> 4) - 8) * d
            }
        case .q4_1:
            let d = Half.toFloat(loadHalf(src, 0))
            let m = Half.toFloat(loadHalf(src, 2))
            for j in 0..<16 {
                let q = src.load(fromByteOffset: 4 + j, as: UInt8.self)
                y[j] = Float(q & 0xF) * d + m
                y[j + 16] = Float(q >> 4) * d + m
            }
        case .q8_0:
            let d = Half.toFloat(loadHalf(src, 0))
            for j in 0..<32 {
                y[j] = Float(src.load(fromByteOffset: 2 + j, as: Int8.self)) * d
            }
        case .q4_K:
            dequantizeQ4KBlock(src, into: y)
        case .q6_K:
            dequantizeQ6KBlock(src, into: y)
        case .mxfp4:
            let d = MXFP4Quantizer.halfScale(src.load(as: UInt8.self))
            for j in 0..<16 {
                let q = src.load(fromByteOffset: 1 + j, as: UInt8.self)
                y[j] = MXFP4Quantizer.doubledValues[Int(q & 0xF)] * d
                y[j + 16] = MXFP4Quantizer.doubledValues[Int(q >> 4)] * d
            }
        }
    }

    @inline(__always)
    static func loadHalf(_ p: UnsafeRawPointer, _ offset: Int) -> UInt16 {
        UInt16(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// Q4_K: `d:f16, dmin:f16, scales[12], qs[128]`; 8 sub-blocks of 32 with 6-bit scales and mins.
    static func dequantizeQ4KBlock(_ src: UnsafeRawPointer, into y: UnsafeMutablePointer<Float>) {
        let d = Half.toFloat(loadHalf(src, 0))
        let dmin = Half.toFloat(loadHalf(src, 2))
        let scales = src + 4
        let qs = src + 16
        for c in 0..<4 {
            let (s1, m1) = q4KScaleMin(2 * c, scales)
            let (s2, m2) = q4KScaleMin(2 * c + 1, scales)
            let d1 = d * Float(s1), min1 = dmin * Float(m1)
            let d2 = d * Float(s2), min2 = dmin * Float(m2)
            for l in 0..<32 {
                let q = qs.load(fromByteOffset: 32 * c + l, as: UInt8.self)
                y[64 * c + l] = d1 * Float(q & 0xF) - min1
                y[64 * c + 32 + l] = d2 * Float(q >> 4) - min2
            }
        }
    }

    /// ggml's `get_scale_min_k4`: the 6-bit scale and min of sub-block `j` (0..<8) packed in 12 bytes.
    static func q4KScaleMin(_ j: Int, _ q: UnsafeRawPointer) -> (UInt8, UInt8) {
        func byte(_ i: Int) -> UInt8 { q.load(fromByteOffset: i, as: UInt8.self) }
        if j < 4 {
            return (byte(j) & 63, byte(j + 4) & 63)
        }
        let scale = (byte(j + 4) & 0xF) | ((byte(j - 4) >> 6) << 4)
        let minimum = (byte(j + 4) >> 4) | ((byte(j) >> 6) << 4)
        return (scale, minimum)
    }

    /// Q6_K: `ql[128], qh[64], scales:int8[16], d:f16`; 16 sub-blocks of 16, 6-bit values offset by −32.
    static func dequantizeQ6KBlock(_ src: UnsafeRawPointer, into y: UnsafeMutablePointer<Float>) {
        let d = Half.toFloat(loadHalf(src, 208))
        for h in 0..<2 {
            let ql = src + 64 * h
            let qh = src + 128 + 32 * h
            let sc = src + 192 + 8 * h
            let out = y + 128 * h
            func scale(_ i: Int) -> Float { Float(sc.load(fromByteOffset: i, as: Int8.self)) }
            for l in 0..<32 {
                let s = l / 16
                let low0 = ql.load(fromByteOffset: l, as: UInt8.self)
                let low32 = ql.load(fromByteOffset: l + 32, as: UInt8.self)
                let high = qh.load(fromByteOffset: l, as: UInt8.self)
                let q1 = Int((low0 & 0xF) | ((high & 3) << 4)) - 32
                let q2 = Int((low32 & 0xF) | (((high >> 2) & 3) << 4)) - 32
                let q3 = Int((low0 >> 4) | (((high >> 4) & 3) << 4)) - 32
                let q4 = Int((low32 >> 4) | (((high >> 6) & 3) << 4)) - 32
                out[l] = d * scale(s) * Float(q1)
                out[l + 32] = d * scale(s + 2) * Float(q2)
                out[l + 64] = d * scale(s + 4) * Float(q3)
                out[l + 96] = d * scale(s + 6) * Float(q4)
            }
        }
    }
}
