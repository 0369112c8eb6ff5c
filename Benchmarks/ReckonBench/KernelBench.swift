import Foundation
import GGUF
import Model
import Numerics

/// `reckon-bench --kernels`: GFLOP/s of one matrix-vector product per weight matrix shape of the model, on one
/// thread, for the fp32-activation kernel and the int16-block kernel (activation quantisation included).
enum KernelBench {
    static func run(modelPath: String) throws {
        let file = try GGUFFile(path: modelPath, loading: .resident)
        let names = ["blk.0.attn_q.weight", "blk.0.attn_k.weight", "blk.0.ffn_up.weight", "blk.0.ffn_down.weight",
                     "token_embd.weight"]
        let matrices = try names.compactMap { name -> WeightMatrix? in
            guard let info = file.tensor(named: name), info.dimensions.count == 2 else { return nil }
            return try WeightMatrix(file: file, name: name, rows: info.dimensions[1], cols: info.dimensions[0])
        }
        run(matrices: matrices)
        let interleaved = try GGUFFile(path: modelPath, loading: .resident, interleaveRows: true)
        for vectors in [1, 16] {
            stream(file: file, vectors: vectors)
            stream(file: interleaved, vectors: vectors)
        }
    }

    /// Every weight matrix of the model in forward order (as one token's products read them), one thread: the
    /// achieved GB/s of weights and GFLOP/s, against the machine's read bandwidth.
    static func stream(file: GGUFFile, vectors: Int) {
        let matrices = file.tensors.filter { $0.dimensions.count == 2 && Kernels.supportsInt16Blocks($0.type) }
            .compactMap { info in
                try? WeightMatrix(file: file, name: info.name, rows: info.dimensions[1], cols: info.dimensions[0])
            }
        let maxCols = matrices.map(\.cols).max() ?? 0, maxRows = matrices.map(\.rows).max() ?? 0
        let x = UnsafeMutablePointer<Float>.allocate(capacity: maxCols)
        let ys = (0..<vectors).map { _ in UnsafeMutablePointer<Float>.allocate(capacity: maxRows) }
        defer { x.deallocate(); ys.forEach { $0.deallocate() } }
        for i in 0..<maxCols { x[i] = Float(sin(Double(i) * 0.37)) }
        let blocks = (0..<vectors).map { _ in Int16Blocks(capacity: maxCols) }
        let bytes = Double(matrices.reduce(0) { $0 + $1.rows * $1.rowBytes })
        let flops = Double(matrices.reduce(0) { $0 + 2 * $1.rows * $1.cols })
        var best = Double.infinity
        let batches = matrices.map { _ in Int16BlockBatch(vectors: blocks, outputs: ys) }
        for _ in 0..<20 {
            let seconds = Workloads.seconds {
                for (matrix, batch) in zip(matrices, batches) {
                    for vector in blocks { Kernels.quantizeInt16Blocks(x, count: matrix.cols, into: vector) }
                    if matrix.interleaved {
                        Kernels.matmulInt16BlocksInterleaved(matrix.type, matrix.base, cols: matrix.cols,
                                                             rows: 0..<matrix.rows, batch)
                    } else {
                        Kernels.matmulInt16Blocks(matrix.type, matrix.base, cols: matrix.cols, rows: 0..<matrix.rows,
                                                  batch)
                    }
                }
            }
            best = min(best, seconds)
        }
        let layout = file.interleavedTensors.isEmpty ? "row-major" : "x8"
        print(String(format: "\(layout), \(vectors) vector(s): all %d matrices streamed (%.1f MB): %.2f ms per pass, %.2f GB/s, %.1f GFLOP/s; machine read %.2f GB/s",
                     matrices.count, bytes / 1e6, best * 1e3, bytes / best / 1e9, flops / best / 1e9,
                     ReadBandwidth.measure(threads: 1)))
    }

    static func run(matrices: [WeightMatrix]) {
        print(String(format: "%-28@ %-6@ %12@ %14@ %8@", "matrix" as NSString, "type" as NSString,
                     "fp32 GFLOP/s" as NSString, "int16 GFLOP/s" as NSString, "speedup" as NSString))
        for matrix in matrices {
            let x = UnsafeMutablePointer<Float>.allocate(capacity: matrix.cols)
            let y = UnsafeMutablePointer<Float>.allocate(capacity: matrix.rows)
            let blocks = Int16Blocks(capacity: matrix.cols)
            defer { x.deallocate(); y.deallocate() }
            for i in 0..<matrix.cols { x[i] = Float(sin(Double(i) * 0.37)) }
            let flops = 2.0 * Double(matrix.rows * matrix.cols)
            let fp32 = bestRate(flops: flops) {
                Kernels.matvec(matrix.type, matrix.base, cols: matrix.cols, rows: 0..<matrix.rows, x, y)
            }
            var int16 = Double.nan
            if Kernels.supportsInt16Blocks(matrix.type) {
                int16 = bestRate(flops: flops) {
                    Kernels.quantizeInt16Blocks(x, count: matrix.cols, into: blocks)
                    Kernels.matvecInt16Blocks(matrix.type, matrix.base, cols: matrix.cols, rows: 0..<matrix.rows,
                                              blocks, y)
                }
            }
            print(String(format: "%-28@ %-6@ %12.1f %14.1f %8.2f", "\(matrix.name) \(matrix.rows)x\(matrix.cols)" as NSString,
                         "\(matrix.type)" as NSString, fp32, int16, int16 / fp32))
        }
    }

    /// Best of several timed batches, in GFLOP/s.
    static func bestRate(flops: Double, _ body: () -> Void) -> Double {
        var best = 0.0
        for _ in 0..<7 {
            let repeats = 20
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<repeats { body() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = max(best, flops * Double(repeats) / seconds / 1e9)
        }
        return best
    }
}
