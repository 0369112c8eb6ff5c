import CKernels

extension Kernels {
    /// L-Mul matrix-vector product over fp32 rows: `y[r] = lmulDot(w + r·rowStride, x, count: cols)` for r in
    /// `rows`, bit for bit (the same products, accumulated in ``lmulDot(_:_:count:mantissaBits:path:)``'s order).
    /// `y` is indexed by absolute row number.
    ///
    /// - Parameters:
    ///   - weightsRounded: a promise that every weight is finite and already equal to
    ///     ``LMul/roundToMantissaBits(_:_:)`` of itself (prepare the matrix once with
    ///     ``LMul/roundToMantissaBits(_:_:)``). Rounding is idempotent, so the result is the same; the AVX2 path then
    ///     rounds only `x` (once per call) and skips the per-element rounding and special-value tests. When `x` holds a
    ///     value that is not finite after rounding, the general path is used.
    ///   - scratch: `cols` floats for the rounded `x`.
    @inlinable
    public static func lmulMatvec(_ w: UnsafePointer<Float>, rowStride: Int, cols: Int, rows: Range<Int>,
                                  _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, mantissaBits: Int,
                                  weightsRounded: Bool, scratch: UnsafeMutablePointer<Float>,
                                  path: KernelPath = .automatic) {
        precondition(cols >= 0 && rowStride >= cols && rows.lowerBound >= 0, "invalid L-Mul matvec shape")
        precondition(LMul.fp32MantissaBits.contains(mantissaBits),
                     "fp32 L-Mul takes 1...23 mantissa bits, got \(mantissaBits)")
        ck_lmul_matvec_f32(w, Int64(rowStride), Int64(cols), Int64(rows.lowerBound), Int64(rows.upperBound), x, y,
                           UInt32(mantissaBits), weightsRounded ? 1 : 0, scratch, path.code)
    }

    /// `y[i] += LMul.multiply(alpha, x[i], mantissaBits:)` for i < count: one fp32 add per element, so every path
    /// gives the same bits as the scalar loop.
    @inlinable
    public static func lmulAxpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                                count: Int, mantissaBits: Int, path: KernelPath = .automatic) {
        precondition(count >= 0)
        precondition(LMul.fp32MantissaBits.contains(mantissaBits),
                     "fp32 L-Mul takes 1...23 mantissa bits, got \(mantissaBits)")
        ck_lmul_axpy_f32(alpha, x, y, Int64(count), UInt32(mantissaBits), path.code)
    }
}
