import Foundation
import Testing
import Numerics

/// The attention kernel against a float64 softmax-attention written here, over random heads, position counts,
/// segment splits and head offsets, on both paths.
@Suite struct AttentionKernelTests {
    @Test(arguments: KernelsTests.paths)
    func matchesFloat64Attention(path: KernelPath) {
        for seed in UInt64(1)...12 {
            var rng = SplitMix64(seed: seed)
            let headDimension = [64, 32, 8, 128, 24][Int(seed) % 5]
            let heads = 3, stride = heads * headDimension
            let total = Int.random(in: 1...90, using: &rng)
            let positions = Int.random(in: 1...total, using: &rng)
            let kvHead = Int.random(in: 0..<heads, using: &rng)
            let query = (0..<headDimension).map { _ in Float.random(in: -2...2, using: &rng) }
            let keys = (0..<total * stride).map { _ in Float.random(in: -2...2, using: &rng) }
            let values = (0..<total * stride).map { _ in Float.random(in: -1...1, using: &rng) }
            // Split the rows into up to three runs at random cut points.
            var cuts = [0, Int.random(in: 0...total, using: &rng), Int.random(in: 0...total, using: &rng), total].sorted()
            if seed % 3 == 0 { cuts = [0, total] }
            let scale = 1 / Float(headDimension).squareRoot()

            var expected = [Double](repeating: 0, count: headDimension)
            let offset = kvHead * headDimension
            let logits = (0..<positions).map { p in
                (0..<headDimension).reduce(0.0) { $0 + Double(query[$1]) * Double(keys[p * stride + offset + $1]) } * Double(scale)
            }
            let top = logits.max()!
            let weights = logits.map { Foundation.exp($0 - top) }
            let sum = weights.reduce(0, +)
            for p in 0..<positions {
                for i in 0..<headDimension { expected[i] += weights[p] / sum * Double(values[p * stride + offset + i]) }
            }

            var output = [Float](repeating: .nan, count: headDimension)
            var scores = [Float](repeating: 0, count: total)
            keys.withUnsafeBufferPointer { k in
                values.withUnsafeBufferPointer { v in
                    let runs = zip(cuts, cuts.dropFirst()).map { ($0, $1 - $0) }
                    let keyStarts: [UnsafePointer<Float>?] = runs.map { k.baseAddress! + $0.0 * stride }
                    let valueStarts: [UnsafePointer<Float>?] = runs.map { v.baseAddress! + $0.0 * stride }
                    let counts = runs.map { Int64($0.1) }
                    Kernels.attendHead(query: query, segmentCount: runs.count, keys: keyStarts, values: valueStarts,
                                       counts: counts, positions: positions, offset: offset, stride: stride,
                                       headDimension: headDimension, scale: scale, scores: &scores, output: &output,
                                       path: path)
                }
            }
            for i in 0..<headDimension {
                #expect(abs(Double(output[i]) - expected[i]) < 1e-5,
                        "seed \(seed) \(path) hd \(headDimension) positions \(positions)/\(total) cuts \(cuts) [\(i)]")
            }
        }
    }
}
