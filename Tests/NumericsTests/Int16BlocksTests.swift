import Testing
import Numerics

/// The int16-block activation path: quantisation against an independent Swift computation, and the integer matvec
/// kernels against a float64 product of the dequantised weights and the dequantised activation blocks.
@Suite struct Int16BlocksTests {
    static let paths: [KernelPath] = [.automatic, .portable]
    static let types: [GGMLType] = [.q4_1, .q8_0, .q4_0]

    /// Activations with the outliers real hidden states have: mostly small, a few elements 50× larger.
    static func activations(_ n: Int, using rng: inout SplitMix64) -> [Float] {
        (0..<n).map { i in
            let v = Float.random(in: -1...1, using: &rng)
            return i % 97 == 3 ? v * 50 : (i % 41 == 0 ? 0 : v)
        }
    }

    static func quantize(_ x: [Float], path: KernelPath) -> Int16Blocks {
        let blocks = Int16Blocks(capacity: x.count)
        x.withUnsafeBufferPointer { Kernels.quantizeInt16Blocks($0.baseAddress!, count: x.count, into: blocks, path: path) }
        return blocks
    }

    @Test(arguments: paths)
    func quantizationFollowsItsDefinition(path: KernelPath) {
        for seed in UInt64(1)...20 {
            var rng = SplitMix64(seed: seed)
            let n = 32 * Int.random(in: 1...12, using: &rng)
            var x = Self.activations(n, using: &rng)
            if seed == 1 { for i in 0..<32 { x[i] = 0 } }  // an all-zero block
            let blocks = Self.quantize(x, path: path)
            for b in 0..<n / 32 {
                let block = x[32 * b..<32 * b + 32]
                let amax = block.map { abs($0) }.max()!
                #expect(blocks.scales[b] == amax / 32767, "seed \(seed) block \(b)")
                var sum = 0
                for i in 32 * b..<32 * b + 32 {
                    let expected = amax > 0 ? Int((x[i] * (32767 / amax)).rounded(.toNearestOrEven)) : 0
                    #expect(Int(blocks.values[i]) == expected, "seed \(seed) element \(i)")
                    // Reconstruction error at most half a step, plus fp32 rounding of the scaled value and of d·q.
                    let bound = blocks.scales[b] * 0.501 + abs(x[i]) * 3 * Float.ulpOfOne
                    #expect(abs(blocks.value(at: i) - x[i]) <= bound, "seed \(seed) element \(i)")
                    sum += Int(blocks.values[i])
                }
                #expect(blocks.sums[b] == blocks.scales[b] * Float(sum), "seed \(seed) block \(b)")
            }
        }
    }

    @Test func everyPathQuantizesIdentically() {
        for seed in UInt64(1)...20 {
            var rng = SplitMix64(seed: seed)
            let x = Self.activations(32 * 9, using: &rng)
            let a = Self.quantize(x, path: .automatic), b = Self.quantize(x, path: .portable)
            for i in 0..<x.count { #expect(a.values[i] == b.values[i], "seed \(seed) element \(i)") }
            for k in 0..<9 { #expect(a.scales[k] == b.scales[k] && a.sums[k] == b.sums[k], "seed \(seed) block \(k)") }
        }
    }

    @Test(arguments: types, paths)
    func matvecMatchesFloat64Product(type: GGMLType, path: KernelPath) {
        #expect(Kernels.supportsInt16Blocks(type))
        // Row counts cover the 8-row kernel, its tails and row ranges that start off a multiple of 8.
        for (seed, (rows, blocksPerRow)) in zip(UInt64(1)..., [(1, 1), (8, 2), (9, 3), (17, 18), (24, 5), (37, 48)]) {
            var rng = SplitMix64(seed: seed &* 31 &+ UInt64(type.rawValue))
            let cols = 32 * blocksPerRow
            let w = randomRow(type, count: rows * cols, using: &rng)
            let x = Self.activations(cols, using: &rng)
            let blocks = Self.quantize(x, path: .portable)
            let dequantizedX = (0..<cols).map { Double(blocks.value(at: $0)) }
            let weights = referenceDequantize(type, w, count: rows * cols)
            let range = (rows > 9 ? 3 : 0)..<rows
            var y = [Float](repeating: -12345, count: rows)
            w.withUnsafeBytes { wp in
                y.withUnsafeMutableBufferPointer {
                    Kernels.matvecInt16Blocks(type, wp.baseAddress!, cols: cols, rows: range, blocks, $0.baseAddress!,
                                              path: path)
                }
            }
            for r in 0..<rows {
                guard range.contains(r) else {
                    #expect(y[r] == -12345, "seed \(seed): row \(r) outside the range was written")
                    continue
                }
                var exact = 0.0, magnitude = 0.0
                for c in 0..<cols {
                    exact += Double(weights[r * cols + c]) * dequantizedX[c]
                    magnitude += abs(Double(weights[r * cols + c]) * dequantizedX[c])
                }
                let error = abs(Double(y[r]) - exact) / max(magnitude, 1e-30)
                #expect(error < 1e-5, "seed \(seed) \(type) \(path) rows \(rows) cols \(cols) row \(r): \(y[r]) vs \(exact)")
            }
        }
    }

    /// Against the fp32 activations themselves, the product moves by at most Σ|w| · (half a quantisation step).
    @Test(arguments: types)
    func matvecStaysWithinTheQuantizationBound(type: GGMLType) {
        var rng = SplitMix64(seed: 404)
        let rows = 16, cols = 32 * 18
        let w = randomRow(type, count: rows * cols, using: &rng)
        let x = Self.activations(cols, using: &rng)
        let blocks = Self.quantize(x, path: .automatic)
        let weights = referenceDequantize(type, w, count: rows * cols)
        var y = [Float](repeating: 0, count: rows)
        w.withUnsafeBytes { wp in
            y.withUnsafeMutableBufferPointer {
                Kernels.matvecInt16Blocks(type, wp.baseAddress!, cols: cols, rows: 0..<rows, blocks, $0.baseAddress!)
            }
        }
        for r in 0..<rows {
            var exact = 0.0, bound = 0.0
            for c in 0..<cols {
                let weight = Double(weights[r * cols + c])
                exact += weight * Double(x[c])
                bound += abs(weight) * Double(blocks.scales[c / 32]) * 0.5
            }
            #expect(abs(Double(y[r]) - exact) <= bound * 1.01 + 1e-6, "\(type) row \(r): \(y[r]) vs \(exact), bound \(bound)")
        }
    }
}

/// The multi-vector kernel: each vector's result is bit-identical to the single-vector kernel's (batch invariance),
/// including row ranges with tails and rows longer than the kernel's decode scratch (128 blocks).
@Suite struct Int16BlocksMatmulTests {
    @Test(arguments: [GGMLType.q4_1, .q8_0, .q4_0], KernelsTests.paths)
    func everyVectorMatchesTheSingleVectorKernel(type: GGMLType, path: KernelPath) {
        for (seed, (rows, blocksPerRow, vectors)) in zip(UInt64(1)..., [(8, 1, 1), (16, 3, 2), (21, 18, 5), (9, 130, 3)]) {
            var rng = SplitMix64(seed: seed &* 7 &+ UInt64(type.rawValue))
            let cols = 32 * blocksPerRow
            let w = randomRow(type, count: rows * cols, using: &rng)
            let xs = (0..<vectors).map { _ in
                Int16BlocksTests.quantize(Int16BlocksTests.activations(cols, using: &rng), path: .portable)
            }
            let range = (rows > 16 ? 2 : 0)..<rows
            let outputs = (0..<vectors).map { _ in UnsafeMutablePointer<Float>.allocate(capacity: rows) }
            defer { outputs.forEach { $0.deallocate() } }
            var single = [Float](repeating: 0, count: rows)
            w.withUnsafeBytes { wp in
                Kernels.matmulInt16Blocks(type, wp.baseAddress!, cols: cols, rows: range, xs, outputs, path: path)
                for v in 0..<vectors {
                    single.withUnsafeMutableBufferPointer {
                        Kernels.matvecInt16Blocks(type, wp.baseAddress!, cols: cols, rows: range, xs[v], $0.baseAddress!,
                                                  path: path)
                    }
                    for r in range {
                        #expect(outputs[v][r].bitPattern == single[r].bitPattern,
                                "seed \(seed) \(type) \(path) vector \(v) row \(r): \(outputs[v][r]) vs \(single[r])")
                    }
                }
            }
        }
    }
}
