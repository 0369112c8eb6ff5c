import CKernels

/// The x8 ("row-interleaved") weight layout: a Q4_1 or Q8_0 matrix whose groups of 8 rows are stored block by block,
/// so that the generation kernel reads 8 rows as one memory stream with lane r of every vector belonging to row r.
/// A group keeps exactly the bytes (and the byte range) its 8 rows had, so a matrix is interleaved in place and
/// restored exactly; products over it are bit-identical to products over the row-major matrix.
/// Layout details: `Sources/CKernels/ck_x8.c`.
extension Kernels {
    /// Rows per interleaved group.
    public static let interleavedGroupRows = 8

    /// Whether a `type` matrix of `rows` × `cols` can be interleaved (Q4_1 or Q8_0, whole groups and blocks).
    public static func canInterleave(_ type: GGMLType, rows: Int, cols: Int) -> Bool {
        ck_x8_supports(type.rawValue) != 0 && rows > 0 && rows % interleavedGroupRows == 0 && cols > 0 && cols % 32 == 0
    }

    /// Reorders the row-major matrix at `data` (`rows` × `cols` of `type`) into the x8 layout, in place.
    /// - Precondition: ``canInterleave(_:rows:cols:)``.
    /// - Returns: false when memory for one group's copy could not be had (the matrix is then unchanged).
    public static func interleaveRows(_ type: GGMLType, _ data: UnsafeMutableRawPointer, rows: Int, cols: Int) -> Bool {
        precondition(canInterleave(type, rows: rows, cols: cols), "\(type) \(rows)×\(cols) cannot be interleaved")
        return ck_x8_pack(type.rawValue, data, Int64(rows), Int64(cols)) != 0
    }

    /// Writes row `row` of the x8 matrix at `data` (`cols` columns) into `destination` in its row-major (GGUF) form:
    /// `type.rowByteCount(elements: cols)` bytes.
    public static func restoreInterleavedRow(_ type: GGMLType, _ data: UnsafeRawPointer, cols: Int, row: Int,
                                             into destination: UnsafeMutableRawPointer) {
        precondition(ck_x8_supports(type.rawValue) != 0 && cols % 32 == 0 && row >= 0, "not an x8 matrix row")
        ck_x8_unpack_row(type.rawValue, data, Int64(cols), Int64(row), destination)
    }

    /// ``matmulInt16Blocks(_:_:cols:rows:_:path:)`` for a matrix in the x8 layout; `rows` must start and end on
    /// multiples of 8. Bit-identical to the row-major product. `allowVNNI: false` keeps the vector path to plain
    /// AVX2 even on CPUs with AVX-512 VNNI (to test that tier; same results).
    public static func matmulInt16BlocksInterleaved(_ type: GGMLType, _ w: UnsafeRawPointer, cols: Int,
                                                    rows: Range<Int>, _ batch: Int16BlockBatch,
                                                    path: KernelPath = .automatic, allowVNNI: Bool = true) {
        precondition(ck_x8_supports(type.rawValue) != 0 && cols % 32 == 0, "\(type) has no x8 kernel")
        precondition(rows.lowerBound >= 0 && rows.lowerBound % interleavedGroupRows == 0
                     && rows.upperBound % interleavedGroupRows == 0, "x8 row ranges are whole groups of 8: \(rows)")
        precondition(batch.vectors.allSatisfy { cols <= $0.capacity }, "invalid int16-block matmul shape")
        ck_x8_matmul_q16(type.rawValue, w, Int64(cols), Int64(rows.lowerBound), Int64(rows.upperBound),
                         Int64(batch.count), batch.values, batch.pairs, batch.scales, batch.sums, batch.outputs,
                         path.code, allowVNNI ? 1 : 0)
    }
}

extension Kernels {
    /// Quantises `x` (`count` floats, a multiple of 32) into ``Int8Blocks`` form in `blocks`. Every path produces
    /// identical blocks.
    public static func quantizeInt8Blocks(_ x: UnsafePointer<Float>, count: Int, into blocks: Int8Blocks,
                                          path: KernelPath = .automatic) {
        precondition(count % Int8Blocks.blockSize == 0 && count <= blocks.capacity,
                     "int8 blocks need a multiple of 32 elements within capacity \(blocks.capacity), got \(count)")
        ck_quantize_q8(x, Int64(count), blocks.values, blocks.scales, blocks.sums, path.code)
    }

    /// Whether ``matmulInt8BlocksInterleaved(_:_:cols:rows:_:path:allowVNNI:)`` handles an x8 matrix of `type`
    /// (Q4_1).
    public static func supportsInt8Blocks(_ type: GGMLType) -> Bool { type == .q4_1 }

    /// The product of a Q4_1 matrix in the x8 layout with int8-block vectors: `outputs[v][r]` for r in `rows`
    /// (whole groups of 8), exact integer block sums; each vector's result does not depend on the batch.
    public static func matmulInt8BlocksInterleaved(_ type: GGMLType, _ w: UnsafeRawPointer, cols: Int,
                                                   rows: Range<Int>, _ batch: Int8BlockBatch,
                                                   path: KernelPath = .automatic, allowVNNI: Bool = true) {
        precondition(supportsInt8Blocks(type) && cols % 32 == 0, "\(type) has no int8 x8 kernel")
        precondition(rows.lowerBound >= 0 && rows.lowerBound % interleavedGroupRows == 0
                     && rows.upperBound % interleavedGroupRows == 0, "x8 row ranges are whole groups of 8: \(rows)")
        precondition(batch.vectors.allSatisfy { cols <= $0.capacity }, "invalid int8-block matmul shape")
        ck_x8_matmul_q8(type.rawValue, w, Int64(cols), Int64(rows.lowerBound), Int64(rows.upperBound),
                        Int64(batch.count), batch.values, batch.scales, batch.sums, batch.outputs, path.code,
                        allowVNNI ? 1 : 0)
    }
}
