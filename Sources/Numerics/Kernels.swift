import CKernels

/// Which implementation a ``Kernels`` call uses.
public enum KernelPath: Sendable, Equatable, CaseIterable {
    /// The fastest path this CPU supports (AVX2+FMA+F16C on capable x86-64, else portable).
    case automatic
    /// Scalar portable C, whatever the CPU (for testing the fallback).
    case portable

    @usableFromInline
    var code: Int32 {
        switch self {
        case .automatic: Kernels.bestPathCode
        case .portable: Int32(CK_PATH_PORTABLE)
        }
    }
}

/// Fast kernels (C with AVX2/FMA/F16C behind a run-time CPU check, portable C otherwise).
///
/// Results agree with ``ReferenceKernels`` to fp32 accumulation error (relative to Σ|wᵢxᵢ|, well under 1e-5 for
/// the row lengths of LLM weights). Dequantisation is bit-exact with the reference. Counts must be multiples of
/// the type's block size; buffers may be unaligned. Every entry point takes an optional `path`.
public enum Kernels {
    @usableFromInline
    static let bestPathCode: Int32 = ck_best_path()

    /// The instruction set the automatic path uses: `"avx2+fma+f16c"` or `"portable"`.
    public static var isaDescription: String {
        bestPathCode == Int32(CK_PATH_AVX2) ? "avx2+fma+f16c" : "portable"
    }

    @usableFromInline @inline(__always)
    static func checkCount(_ type: GGMLType, _ count: Int) {
        let blockSize = type.traits.blockSize
        precondition(count >= 0 && count % blockSize == 0,
                     "\(type) needs a multiple of \(blockSize) elements, got \(count)")
    }

    /// Decodes `count` elements of `type` from `src` into `dst` (bit-exact with the reference).
    @inlinable
    public static func dequantize(_ type: GGMLType, _ src: UnsafeRawPointer, into dst: UnsafeMutablePointer<Float>,
                                  count: Int, path: KernelPath = .automatic) {
        checkCount(type, count)
        ck_dequantize(type.rawValue, src, dst, Int64(count), path.code)
    }

    /// Σ dequantize(row)[i] · x[i] over `count` elements (fp32 accumulation).
    @inlinable
    public static func dot(_ type: GGMLType, _ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int,
                           path: KernelPath = .automatic) -> Float {
        checkCount(type, count)
        return ck_dot(type.rawValue, row, x, Int64(count), path.code)
    }

    /// y[r] = dot(row r of W, x) for r in `rows`; W is row-major, each row `type.rowByteCount(elements: cols)` bytes.
    /// `y` is indexed by absolute row number (it must hold at least `rows.upperBound` floats); rows outside
    /// `rows` are not touched, so disjoint ranges can run on different threads.
    @inlinable
    public static func matvec(_ type: GGMLType, _ w: UnsafeRawPointer, cols: Int, rows: Range<Int>,
                              _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, path: KernelPath = .automatic) {
        checkCount(type, cols)
        precondition(rows.lowerBound >= 0, "rows must be non-negative, got \(rows)")
        ck_matvec(type.rawValue, w, Int64(type.rowByteCount(elements: cols)), Int64(cols),
                  Int64(rows.lowerBound), Int64(rows.upperBound), x, y, path.code)
    }

    /// Σ a[i]·b[i] in fp32.
    @inlinable
    public static func dotF32(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int,
                              path: KernelPath = .automatic) -> Float {
        precondition(count >= 0)
        return ck_dot_f32(a, b, Int64(count), path.code)
    }

    /// Batched fp32 product for prefill: `c[j·ldc + i] = Σ_p a[i·lda + p] · b[j·ldb + p]` for i < m rows of `a`
    /// (e.g. a dequantized weight tile) and j < n vectors of `b` (tokens), each of length k.
    public static func gemmF32(_ a: UnsafePointer<Float>, lda: Int, m: Int, _ b: UnsafePointer<Float>, ldb: Int, n: Int,
                               k: Int, _ c: UnsafeMutablePointer<Float>, ldc: Int, path: KernelPath = .automatic) {
        precondition(m >= 0 && n >= 0 && k >= 0 && lda >= k && ldb >= k && ldc >= m, "invalid gemm shape")
        ck_gemm_f32(a, Int64(lda), Int64(m), b, Int64(ldb), Int64(n), Int64(k), c, Int64(ldc), path.code)
    }

    /// Whether ``matvecInt16Blocks(_:_:cols:rows:_:_:path:)`` handles weights of `type` (Q8_0, Q4_0 and Q4_1).
    public static func supportsInt16Blocks(_ type: GGMLType) -> Bool { ck_q16_supports(type.rawValue) != 0 }

    /// Quantises `x` (`count` floats, a multiple of 32) into ``Int16Blocks`` form in `blocks`, which must hold at
    /// least `count` elements. Every path produces identical blocks.
    @inlinable
    public static func quantizeInt16Blocks(_ x: UnsafePointer<Float>, count: Int, into blocks: Int16Blocks,
                                           path: KernelPath = .automatic) {
        precondition(count % Int16Blocks.blockSize == 0 && count <= blocks.capacity,
                     "int16 blocks need a multiple of 32 elements within capacity \(blocks.capacity), got \(count)")
        ck_quantize_q16(x, Int64(count), blocks.values, blocks.scales, blocks.sums, path.code)
        ck_q16_pairs(blocks.values, Int64(count), blocks.pairs)
    }

    /// y[r] = Σ dequantize(row r of W)[i] · x̃[i] for r in `rows`, where x̃ is the activation `x` in int16-block form
    /// (`cols` elements) and the per-block sums are exact integers. `y` is indexed by absolute row number.
    /// Only for types where ``supportsInt16Blocks(_:)`` is true.
    @inlinable
    public static func matvecInt16Blocks(_ type: GGMLType, _ w: UnsafeRawPointer, cols: Int, rows: Range<Int>,
                                         _ x: Int16Blocks, _ y: UnsafeMutablePointer<Float>,
                                         path: KernelPath = .automatic) {
        checkCount(type, cols)
        precondition(rows.lowerBound >= 0 && cols <= x.capacity, "invalid int16-block matvec shape")
        let handled = ck_matvec_q16(type.rawValue, w, Int64(type.rowByteCount(elements: cols)), Int64(cols),
                                    Int64(rows.lowerBound), Int64(rows.upperBound), x.values, x.scales, x.sums, y,
                                    path.code)
        precondition(handled != 0, "\(type) has no int16-block kernel; check supportsInt16Blocks first")
    }

    /// ``matvecInt16Blocks(_:_:cols:rows:_:_:path:)`` for several activation vectors: `outputs[v][r]` for vector
    /// `xs[v]`. Each weight row is decoded once for all vectors, and every vector's result is bit-identical to what
    /// the single-vector call gives it (batch-invariant).
    public static func matmulInt16Blocks(_ type: GGMLType, _ w: UnsafeRawPointer, cols: Int, rows: Range<Int>,
                                         _ xs: [Int16Blocks], _ outputs: [UnsafeMutablePointer<Float>],
                                         path: KernelPath = .automatic) {
        matmulInt16Blocks(type, w, cols: cols, rows: rows, Int16BlockBatch(vectors: xs, outputs: outputs), path: path)
    }

    /// The same for a prepared batch (no allocation per call: for calls per row chunk).
    public static func matmulInt16Blocks(_ type: GGMLType, _ w: UnsafeRawPointer, cols: Int, rows: Range<Int>,
                                         _ batch: Int16BlockBatch, path: KernelPath = .automatic) {
        checkCount(type, cols)
        precondition(supportsInt16Blocks(type), "\(type) has no int16-block kernel; check supportsInt16Blocks first")
        precondition(rows.lowerBound >= 0 && batch.vectors.allSatisfy { cols <= $0.capacity },
                     "invalid int16-block matmul shape")
        ck_matmul_q16(type.rawValue, w, Int64(type.rowByteCount(elements: cols)), Int64(cols), Int64(rows.lowerBound),
                      Int64(rows.upperBound), Int64(batch.count), batch.values, batch.scales, batch.sums, batch.outputs,
                      path.code)
    }

    /// SwiGLU in place: `gate[i] = silu(gate[i]) · up[i]`, silu(g) = g / (1 + e^(−g)), for `count` elements. The
    /// vector path computes e^x itself (a few ulp from `expf`), the portable one calls `expf`.
    @inlinable
    public static func swiGLU(gate: UnsafeMutablePointer<Float>, up: UnsafePointer<Float>, count: Int,
                              path: KernelPath = .automatic) {
        precondition(count >= 0, "count must be non-negative, got \(count)")
        ck_swiglu(gate, up, Int64(count), path.code)
    }

    /// Causal attention of one query head over the first `positions` of `segmentCount` position-ordered runs of
    /// cached rows: run s has
    /// `counts[s]` rows starting at `keys[s]` / `values[s]`, `stride` floats apart, the head's slice starting `offset`
    /// floats into each row. Writes Σ softmax(q·k·scale)·v (`headDimension` floats) to `output`; `scores` needs
    /// `positions` floats of scratch.
    @inlinable
    public static func attendHead(query: UnsafePointer<Float>, segmentCount: Int,
                                  keys: UnsafePointer<UnsafePointer<Float>?>, values: UnsafePointer<UnsafePointer<Float>?>,
                                  counts: UnsafePointer<Int64>, positions: Int, offset: Int, stride: Int, headDimension: Int, scale: Float,
                                  scores: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
                                  path: KernelPath = .automatic) {
        ck_attend_head(query, Int64(segmentCount), keys, values, counts, Int64(positions), Int64(offset), Int64(stride), Int64(headDimension),
                       scale, scores, output, path.code)
    }

    /// y[i] += alpha · x[i] for i < count.
    @inlinable
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int,
                            path: KernelPath = .automatic) {
        precondition(count >= 0)
        ck_axpy(alpha, x, y, Int64(count), path.code)
    }
}

extension Kernels {
    /// Σ ``LMul/multiply(_:_:mantissaBits:)``(a[i], b[i]) accumulated in fp32: 32 lanes (element i of each full
    /// block of 32 goes to lane i mod 32), lanes folded as v[j] = (l[j]+l[j+8]) + (l[j+16]+l[j+24]) for j < 8, then
    /// ((v0+v4)+(v1+v5)) + ((v2+v6)+(v3+v7)), then the last `count mod 32` products added in order. Both paths use
    /// that order, so they agree bit for bit; against a plain left-to-right sum of the same products the difference
    /// is fp32 reassociation error (≤ count·2⁻²³·Σ|pᵢ|). AVX2 on capable CPUs: each product is an integer add, the
    /// round-to-m-bits adds, compares and blends, about 25 vector instructions per eight elements.
    @inlinable
    public static func lmulDot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int, mantissaBits: Int,
                               path: KernelPath = .automatic) -> Float {
        precondition(count >= 0)
        precondition(LMul.fp32MantissaBits.contains(mantissaBits),
                     "fp32 L-Mul takes 1...23 mantissa bits, got \(mantissaBits)")
        return ck_lmul_dot_f32(a, b, Int64(count), UInt32(mantissaBits), path.code)
    }

    /// Array form of ``lmulDot(_:_:count:mantissaBits:path:)``; `a` and `b` must have the same length.
    public static func lmulDot(_ a: [Float], _ b: [Float], mantissaBits: Int, path: KernelPath = .automatic) -> Float {
        precondition(a.count == b.count, "lmulDot needs equal lengths, got \(a.count) and \(b.count)")
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return 0 }
                return lmulDot(x, y, count: a.count, mantissaBits: mantissaBits, path: path)
            }
        }
    }
}
