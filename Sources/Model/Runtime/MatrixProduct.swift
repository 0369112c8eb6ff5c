import Numerics

/// A product's input vectors in integer-block form, with their output rows.
enum QuantizedInputs: Sendable {
    case int16(Int16BlockBatch)
    case int8(Int8BlockBatch)
}

/// How a batch of activation vectors meets a weight matrix.
enum ProductSchedule: Sendable {
    /// Each vector goes through the single-vector kernels (int16 blocks or fp32), one row chunk at a time, so the
    /// chunk's weights are read from memory once for the whole batch and every vector gets exactly the arithmetic
    /// it would get alone: batch-invariant (generation, parallel sequences).
    case perToken
    /// Rows are dequantised to fp32 tiles once and multiplied with all vectors by a register-blocked GEMM (prefill).
    case tiled
}

/// One weight matrix applied to a batch of activations: `output[b][r] = Σ_c W[r][c] · input[b][c]`.
///
/// Activations are row-major batches: `input` holds `batch` vectors of `matrix.cols` floats, `output` holds `batch`
/// vectors of `matrix.rows` floats.
// Unchecked because of the raw pointers: a product is built for one `parallelFor` by the caller that owns `input` and
// `output` and outlives the call; chunks only read `input` and write disjoint row ranges of `output`.
public struct MatrixProduct: @unchecked Sendable {
    public let matrix: WeightMatrix
    public let input: UnsafePointer<Float>
    public let output: UnsafeMutablePointer<Float>

    public init(_ matrix: WeightMatrix, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        self.matrix = matrix
        self.input = input
        self.output = output
    }

    /// Computes rows `rows` of the product for all `batch` vectors. Per-token: every vector through the
    /// single-vector kernel (an integer one when `quantizedInputs` holds the vectors in int16- or int8-block form).
    /// Tiled: a tile of rows is dequantised once into `scratch` and reused for every vector.
    func compute(rows: Range<Int>, batch: Int, schedule: ProductSchedule, scratch: UnsafeMutablePointer<Float>?,
                 quantizedInputs: QuantizedInputs?, lmulMantissaBits: Int? = nil) {
        let cols = matrix.cols
        let outRows = matrix.rows
        if let m = lmulMantissaBits {
            computeLMul(rows: rows, batch: batch, mantissaBits: m, scratch: scratch!)  // L-Mul always gets scratch
            return
        }
        if schedule == .perToken || batch == 1 {
            if case .int8(let inputs) = quantizedInputs {
                Kernels.matmulInt8BlocksInterleaved(matrix.type, matrix.base, cols: cols, rows: rows, inputs)
            } else if case .int16(let inputs) = quantizedInputs {
                if matrix.interleaved {
                    Kernels.matmulInt16BlocksInterleaved(matrix.type, matrix.base, cols: cols, rows: rows, inputs)
                } else {
                    Kernels.matmulInt16Blocks(matrix.type, matrix.base, cols: cols, rows: rows, inputs)
                }
            } else if matrix.interleaved {
                // fp32 activations on an interleaved matrix (the reference path): the chunk's rows restored to the
                // file's layout, then the row-major kernel, so the arithmetic is the same as on the file.
                let rowBytes = matrix.rowBytes
                withUnsafeTemporaryAllocation(byteCount: rows.count * rowBytes, alignment: 32) { buffer in
                    let restored = buffer.baseAddress!
                    for (i, r) in rows.enumerated() {
                        Kernels.restoreInterleavedRow(matrix.type, matrix.base, cols: cols, row: r,
                                                      into: restored + i * rowBytes)
                    }
                    for b in 0..<batch {
                        Kernels.matvec(matrix.type, restored, cols: cols, rows: 0..<rows.count, input + b * cols,
                                       output + b * outRows + rows.lowerBound)
                    }
                }
            } else {
                for b in 0..<batch {
                    Kernels.matvec(matrix.type, matrix.base, cols: cols, rows: rows, input + b * cols, output + b * outRows)
                }
            }
            return
        }
        var r = rows.lowerBound
        while r < rows.upperBound {
            let tile = min(MatrixProduct.tileRows, rows.upperBound - r)
            let scratch = scratch!  // the tiled schedule always gets scratch
            for t in 0..<tile { matrix.dequantizeRow(r + t, into: scratch + t * cols) }
            Kernels.gemmF32(scratch, lda: cols, m: tile, input, ldb: cols, n: batch, k: cols, output + r, ldc: outRows)
            r += tile
        }
    }

    /// Rows dequantized together in the batched path; `tileRows × cols` floats of scratch are needed per thread.
    static let tileRows = 16

    /// Floats of scratch ``computeLMul(rows:batch:mantissaBits:scratch:)`` needs for a matrix of `cols` columns.
    static func lmulScratchCount(cols: Int) -> Int { 2 * cols }

    /// Every multiplication by L-Mul (`Kernels.lmulMatvec`: the order of `Kernels.lmulDot` for each row and vector),
    /// fp32 accumulation; each vector alone, so the result is batch-invariant. F32 rows are read in place; rows of
    /// other types are decoded to fp32 one at a time.
    func computeLMul(rows: Range<Int>, batch: Int, mantissaBits m: Int, scratch: UnsafeMutablePointer<Float>) {
        let cols = matrix.cols, outRows = matrix.rows
        if matrix.type == .f32 {
            let w = matrix.base.assumingMemoryBound(to: Float.self)
            let rounded = matrix.roundedToMantissaBits == m
            for b in 0..<batch {
                Kernels.lmulMatvec(w, rowStride: cols, cols: cols, rows: rows, input + b * cols, output + b * outRows,
                                   mantissaBits: m, weightsRounded: rounded, scratch: scratch)
            }
            return
        }
        let row = scratch + cols
        for r in rows {
            matrix.dequantizeRow(r, into: row)
            for b in 0..<batch {
                output[b * outRows + r] = Kernels.lmulDot(row, input + b * cols, count: cols, mantissaBits: m)
            }
        }
    }
}

extension WorkerPool {
    /// Weight bytes per chunk of a per-token product (32 KiB: measured against 8, 16 and 64 KiB on SmolLM2 with 2
    /// threads). Small enough that stealing balances the tail of a 576-row matrix, large enough that the per-chunk
    /// overhead stays negligible.
    static let chunkBytes = 32 * 1024

    /// Rows per chunk for the per-token schedule: whole groups of 8 (the kernels' row block), about `chunkBytes`.
    static func rowsPerChunk(_ matrix: WeightMatrix) -> Int {
        max(8, chunkBytes / max(1, matrix.rowBytes) / 8 * 8)
    }

    /// Runs several independent matrix products (for example Q, K and V) as one parallel region, splitting their
    /// concatenated rows into chunks. With the per-token schedule and integer-block activations (and no activation
    /// rounding or L-Mul in `numerics`), each distinct input vector is quantised once to int16 blocks (or, with
    /// `.int8` and an x8 Q4_1 matrix, int8 blocks) and products whose weight type has an integer kernel use it. With an activation format, each distinct input is rounded
    /// once (per vector) into a copy that the products read; with L-Mul products every multiplication is L-Mul.
    func run(_ products: [MatrixProduct], batch: Int, numerics: NumericsMode, schedule: ProductSchedule) {
        var products = products
        var roundedInputs: [UnsafeMutablePointer<Float>] = []
        defer { for pointer in roundedInputs { pointer.deallocate() } }
        if !numerics.activationFormat.isIdentity {
            var byInput: [UnsafePointer<Float>: UnsafeMutablePointer<Float>] = [:]
            for (index, product) in products.enumerated() {
                let cols = product.matrix.cols
                let rounded: UnsafeMutablePointer<Float>
                if let done = byInput[product.input] {
                    rounded = done
                } else {
                    rounded = .allocate(capacity: batch * cols)
                    rounded.update(from: product.input, count: batch * cols)
                    for b in 0..<batch {
                        numerics.activationFormat.round(rounded + b * cols, count: cols, rowLength: cols)
                    }
                    byInput[product.input] = rounded
                    roundedInputs.append(rounded)
                }
                products[index] = MatrixProduct(product.matrix, input: rounded, output: product.output)
            }
        }
        var lmulBits: Int? = nil
        if case .lmul(let m) = numerics.matmul { lmulBits = m }
        let perToken = schedule == .perToken || batch == 1
        var quantized: [QuantizedInputs?] = Array(repeating: nil, count: products.count)
        if perToken && numerics.activations != .float32 && numerics.activationFormat.isIdentity && lmulBits == nil {
            var byInput: [UnsafePointer<Float>: [Int16Blocks]] = [:]
            var byInput8: [UnsafePointer<Float>: [Int8Blocks]] = [:]
            /// The product input's `batch` vectors quantised once per distinct input (`cache`), by `make`.
            func vectors<Blocks>(_ product: MatrixProduct, _ cache: inout [UnsafePointer<Float>: [Blocks]],
                                 _ make: (UnsafePointer<Float>, Int) -> Blocks) -> [Blocks] {
                let cols = product.matrix.cols
                let blocks = cache[product.input] ?? (0..<batch).map { make(product.input + $0 * cols, cols) }
                cache[product.input] = blocks
                return blocks
            }
            for (index, product) in products.enumerated() {
                let matrix = product.matrix
                let outputs = (0..<batch).map { product.output + $0 * matrix.rows }
                if numerics.activations == .int8 && matrix.interleaved && Kernels.supportsInt8Blocks(matrix.type) {
                    let blocks = vectors(product, &byInput8) { input, cols in
                        let vector = Int8Blocks(capacity: cols)
                        Kernels.quantizeInt8Blocks(input, count: cols, into: vector)
                        return vector
                    }
                    quantized[index] = .int8(Int8BlockBatch(vectors: blocks, outputs: outputs))
                } else if Kernels.supportsInt16Blocks(matrix.type) {
                    let blocks = vectors(product, &byInput) { input, cols in
                        let vector = Int16Blocks(capacity: cols)
                        Kernels.quantizeInt16Blocks(input, count: cols, into: vector)
                        return vector
                    }
                    quantized[index] = .int16(Int16BlockBatch(vectors: blocks, outputs: outputs))
                }
            }
        }
        let inputs = quantized
        let maxCols = products.map(\.matrix.cols).max() ?? 0
        var pieces: [(product: Int, rows: Range<Int>)] = []
        for (index, product) in products.enumerated() {
            let rowsPerChunk = perToken ? Self.rowsPerChunk(product.matrix) : MatrixProduct.tileRows * 2
            var start = 0
            while start < product.matrix.rows {
                let end = min(start + rowsPerChunk, product.matrix.rows)
                pieces.append((index, start..<end))
                start = end
            }
        }
        let plan = pieces
        let scratchCount = lmulBits != nil ? MatrixProduct.lmulScratchCount(cols: maxCols)
            : (perToken ? 0 : MatrixProduct.tileRows * maxCols)
        let finalProducts = products
        let lmul = lmulBits
        parallelFor(chunks: plan.count) { chunk in
            let piece = plan[chunk]
            // The per-token kernels need no scratch: skip the allocation on their (thousands per token) chunks.
            let scratch: UnsafeMutablePointer<Float>? = scratchCount > 0 ? .allocate(capacity: scratchCount) : nil
            defer { scratch?.deallocate() }
            finalProducts[piece.product].compute(rows: piece.rows, batch: batch, schedule: schedule, scratch: scratch,
                                                 quantizedInputs: inputs[piece.product], lmulMantissaBits: lmul)
        }
    }
}
