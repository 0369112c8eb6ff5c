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
    func compute(rows: Range<Int>, batch: Int, scratch: UnsafeMutablePointer<Float>) {
        let cols = matrix.cols
        let outRows = matrix.rows
        if batch == 1 {
            Kernels.matvec(matrix.type, matrix.base, cols: cols, rows: rows, input, output)
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
    func run(_ products: [MatrixProduct], batch: Int) {
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
            products[piece.product].compute(rows: piece.rows, batch: batch, scratch: scratch)
        }
    }
}
