import Numerics

/// One weight matrix applied to a batch of activations: `output[b][r] = Σ_c W[r][c] · input[b][c]`.
///
/// Activations are row-major batches: `input` holds `batch` vectors of `matrix.cols` floats, `output` holds `batch`
/// vectors of `matrix.rows` floats.
public struct MatrixProduct: @unchecked Sendable {
    public let matrix: WeightMatrix
    public let input: UnsafePointer<Float>
    public let output: UnsafeMutablePointer<Float>

    public init(_ matrix: WeightMatrix, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        self.matrix = matrix
        self.input = input
        self.output = output
    }

    /// Computes rows `rows` of the product for all `batch` vectors. For a batch of one it streams the stored rows
    /// through the fused dequantize-and-dot kernel; for larger batches it dequantizes a tile of rows once into
    /// `scratch` and reuses it for every vector (prefill).
    /// With `quantizedInput` (the input in int16-block form, batch of one), the integer kernel is used.
    func compute(rows: Range<Int>, batch: Int, scratch: UnsafeMutablePointer<Float>, quantizedInput: Int16Blocks?) {
        let cols = matrix.cols
        let outRows = matrix.rows
        if batch == 1 {
            if let quantizedInput {
                Kernels.matvecInt16Blocks(matrix.type, matrix.base, cols: cols, rows: rows, quantizedInput, output)
            } else {
                Kernels.matvec(matrix.type, matrix.base, cols: cols, rows: rows, input, output)
            }
            return
        }
        var r = rows.lowerBound
        while r < rows.upperBound {
            let tile = min(MatrixProduct.tileRows, rows.upperBound - r)
            for t in 0..<tile { matrix.dequantizeRow(r + t, into: scratch + t * cols) }
            Kernels.gemmF32(scratch, lda: cols, m: tile, input, ldb: cols, n: batch, k: cols, output + r, ldc: outRows)
            r += tile
        }
    }

    /// Rows dequantized together in the batched path; `tileRows × cols` floats of scratch are needed per thread.
    static let tileRows = 16
}

extension WorkerPool {
    /// Runs several independent matrix products (for example Q, K and V) as one parallel region, splitting their
    /// concatenated rows into chunks of whole tiles.
    /// With `activations == .int16` and a batch of one, each distinct input is quantised once to int16 blocks and
    /// products whose weight type has an integer kernel use it.
    func run(_ products: [MatrixProduct], batch: Int, activations: ActivationPrecision) {
        var quantized: [Int16Blocks?] = Array(repeating: nil, count: products.count)
        if batch == 1 && activations == .int16 {
            var byInput: [UnsafePointer<Float>: Int16Blocks] = [:]
            for (index, product) in products.enumerated() where Kernels.supportsInt16Blocks(product.matrix.type) {
                if let blocks = byInput[product.input] {
                    quantized[index] = blocks
                    continue
                }
                let blocks = Int16Blocks(capacity: product.matrix.cols)
                Kernels.quantizeInt16Blocks(product.input, count: product.matrix.cols, into: blocks)
                byInput[product.input] = blocks
                quantized[index] = blocks
            }
        }
        let inputs = quantized
        let maxCols = products.map(\.matrix.cols).max() ?? 0
        let rowsPerChunk = batch == 1 ? 64 : MatrixProduct.tileRows * 2
        var pieces: [(product: Int, rows: Range<Int>)] = []
        for (index, product) in products.enumerated() {
            var start = 0
            while start < product.matrix.rows {
                let end = min(start + rowsPerChunk, product.matrix.rows)
                pieces.append((index, start..<end))
                start = end
            }
        }
        let plan = pieces
        let scratchCount = batch == 1 ? 0 : MatrixProduct.tileRows * maxCols
        parallelFor(chunks: plan.count) { chunk in
            let piece = plan[chunk]
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: max(1, scratchCount))
            defer { scratch.deallocate() }
            products[piece.product].compute(rows: piece.rows, batch: batch, scratch: scratch,
                                            quantizedInput: inputs[piece.product])
        }
    }
}
