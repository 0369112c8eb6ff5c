import Testing
import Numerics

/// The int8-block activation option: quantisation against its definition computed here, the x8 Q4_1 kernel against
/// a float64 product of the dequantised weights and activation blocks, and batch invariance on every tier.
@Suite struct Int8BlocksTests {
    static func quantize(_ x: [Float], path: KernelPath) -> Int8Blocks {
        let blocks = Int8Blocks(capacity: x.count)
        x.withUnsafeBufferPointer { Kernels.quantizeInt8Blocks($0.baseAddress!, count: x.count, into: blocks, path: path) }
        return blocks
    }

    @Test(arguments: Int16BlocksTests.paths)
    func quantizationFollowsItsDefinition(path: KernelPath) {
        for seed in UInt64(1)...20 {
            var rng = SplitMix64(seed: seed)
            let n = 32 * Int.random(in: 1...12, using: &rng)
            var x = Int16BlocksTests.activations(n, using: &rng)
            if seed == 1 { for i in 0..<32 { x[i] = 0 } }  // an all-zero block
            let blocks = Self.quantize(x, path: path)
            for b in 0..<n / 32 {
                let amax = x[32 * b..<32 * b + 32].map { abs($0) }.max()!
                #expect(blocks.scales[b] == amax / 127, "seed \(seed) block \(b)")
                var sum = 0
                for i in 32 * b..<32 * b + 32 {
                    let expected = amax > 0 ? Int((x[i] * (127 / amax)).rounded(.toNearestOrEven)) : 0
                    #expect(Int(blocks.values[i]) == expected, "seed \(seed) element \(i)")
                    #expect(abs(blocks.value(at: i) - x[i]) <= blocks.scales[b] * 0.501 + abs(x[i]) * 3 * Float.ulpOfOne)
                    sum += Int(blocks.values[i])
                }
                #expect(blocks.sums[b] == blocks.scales[b] * Float(sum), "seed \(seed) block \(b)")
            }
        }
    }

    @Test func everyPathQuantizesIdentically() {
        for seed in UInt64(1)...20 {
            var rng = SplitMix64(seed: seed)
            let x = Int16BlocksTests.activations(32 * 9, using: &rng)
            let a = Self.quantize(x, path: .automatic), b = Self.quantize(x, path: .portable)
            for i in 0..<x.count { #expect(a.values[i] == b.values[i], "seed \(seed) element \(i)") }
            for k in 0..<9 { #expect(a.scales[k] == b.scales[k] && a.sums[k] == b.sums[k], "seed \(seed) block \(k)") }
        }
    }

    /// Against float64 Σ w·x̃ (x̃ the dequantised int8 blocks), for every tier and batch size, and each vector's
    /// result the same bits whatever the batch around it.
    @Test(arguments: [0, 1, 2])
    func productsMatchFloat64AndDoNotDependOnTheBatch(tier: Int) {
        let (path, allowVNNI) = InterleavedRowsTests.tiers[tier]
        for (seed, (rows, blocksPerRow, vectors)) in zip(UInt64(1)..., [(8, 1, 1), (16, 3, 2), (24, 18, 5), (32, 48, 3)]) {
            var rng = SplitMix64(seed: seed &* 29)
            let cols = 32 * blocksPerRow
            let w = randomRow(.q4_1, count: rows * cols, using: &rng)
            let weights = referenceDequantize(.q4_1, w, count: rows * cols)
            let packed = InterleavedRowsTests.interleaved(.q4_1, w, rows: rows, cols: cols)
            let xs = (0..<vectors).map { _ in Self.quantize(Int16BlocksTests.activations(cols, using: &rng), path: .portable) }
            let range = (rows > 16 ? 8 : 0)..<rows
            let together = (0..<vectors).map { _ in UnsafeMutablePointer<Float>.allocate(capacity: rows) }
            let alone = UnsafeMutablePointer<Float>.allocate(capacity: rows)
            defer { together.forEach { $0.deallocate() }; alone.deallocate() }
            packed.withUnsafeBytes { pp in
                Kernels.matmulInt8BlocksInterleaved(.q4_1, pp.baseAddress!, cols: cols, rows: range,
                                                    Int8BlockBatch(vectors: xs, outputs: together), path: path,
                                                    allowVNNI: allowVNNI)
                for v in 0..<vectors {
                    Kernels.matmulInt8BlocksInterleaved(.q4_1, pp.baseAddress!, cols: cols, rows: range,
                                                        Int8BlockBatch(vectors: [xs[v]], outputs: [alone]), path: path,
                                                        allowVNNI: allowVNNI)
                    for r in range {
                        #expect(together[v][r].bitPattern == alone[r].bitPattern, "seed \(seed) vector \(v) row \(r)")
                        var exact = 0.0, magnitude = 0.0
                        for c in 0..<cols {
                            let term = Double(weights[r * cols + c]) * Double(xs[v].value(at: c))
                            exact += term
                            magnitude += abs(term)
                        }
                        let error = abs(Double(together[v][r]) - exact) / max(magnitude, 1e-30)
                        #expect(error < 1e-5, "seed \(seed) tier \(tier) vector \(v) row \(r): \(together[v][r]) vs \(exact)")
                    }
                }
            }
        }
    }
}
