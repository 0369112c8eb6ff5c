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

    /// y[i] += alpha · x[i] for i < count.
    @inlinable
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int,
                            path: KernelPath = .automatic) {
        precondition(count >= 0)
        ck_axpy(alpha, x, y, Int64(count), path.code)
    }
}
