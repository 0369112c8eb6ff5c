import Testing
import Numerics

/// Fast kernels against the scalar reference: many sizes and seeds, both the automatic and the portable path.
/// Error measure for dots: |fast − reference| / Σ|wᵢxᵢ| (condition-aware), required < 1e-5.
@Suite struct KernelsTests {
    static let paths: [KernelPath] = [.automatic, .portable]

    @Test func reportsISA() {
        #expect(["avx2+fma+f16c", "portable"].contains(Kernels.isaDescription))
    }

    @Test(arguments: GGMLType.allCases, paths)
    func dotMatchesReference(type: GGMLType, path: KernelPath) {
        let blockSize = type.traits.blockSize
        let blockCounts = blockSize == 1 ? [1, 3, 7, 8, 9, 31, 32, 33, 64, 100, 257, 1000] : [1, 2, 3, 5, 8, 13]
        for seed in UInt64(1)...8 {
            var rng = SplitMix64(seed: seed &* 1000 &+ UInt64(type.rawValue))
            for blocks in blockCounts {
                let n = blocks * blockSize
                let row = randomRow(type, count: n, using: &rng)
                let x = (0..<n).map { _ in Float.random(in: -1...1, using: &rng) }
                row.withUnsafeBytes { w in
                    let reference = ReferenceKernels.dotWithMagnitude(type, w.baseAddress!, x, count: n)
                    let fast = Kernels.dot(type, w.baseAddress!, x, count: n, path: path)
                    let error = abs(Double(fast) - reference.dot) / max(reference.magnitude, 1e-30)
                    #expect(error < 1e-5, "seed \(seed) \(type) \(path) n=\(n): fast \(fast) reference \(reference.dot)")
                }
            }
        }
    }

    @Test(arguments: GGMLType.allCases, paths)
    func dequantizeIsBitExact(type: GGMLType, path: KernelPath) {
        let seed: UInt64 = 99
        var rng = SplitMix64(seed: seed)
        let n = type.traits.blockSize * (type.traits.blockSize == 1 ? 77 : 4)
        let row = randomRow(type, count: n, using: &rng)
        let reference = referenceDequantize(type, row, count: n)
        var fast = [Float](repeating: .nan, count: n)
        row.withUnsafeBytes { w in
            fast.withUnsafeMutableBufferPointer { Kernels.dequantize(type, w.baseAddress!, into: $0.baseAddress!, count: n, path: path) }
        }
        #expect(fast.map(\.bitPattern) == reference.map(\.bitPattern), "seed \(seed) \(type) \(path)")
    }

    @Test(arguments: [GGMLType.q4_1, .q8_0, .q4_0, .f32, .f16, .q6_K], paths)
    func matvecMatchesRowDots(type: GGMLType, path: KernelPath) {
        let seed: UInt64 = 5
        var rng = SplitMix64(seed: seed)
        let cols = type.traits.blockSize == 256 ? 512 : 96, rows = 9
        let w = randomRow(type, count: rows * cols, using: &rng)
        let x = (0..<cols).map { _ in Float.random(in: -1...1, using: &rng) }
        var y = [Float](repeating: -12345, count: rows)
        let rowBytes = type.rowByteCount(elements: cols)
        w.withUnsafeBytes { wp in
            y.withUnsafeMutableBufferPointer {
                Kernels.matvec(type, wp.baseAddress!, cols: cols, rows: 2..<7, x, $0.baseAddress!, path: path)
            }
            for r in 0..<rows {
                if (2..<7).contains(r) {
                    let reference = ReferenceKernels.dotWithMagnitude(type, wp.baseAddress! + r * rowBytes, x, count: cols)
                    #expect(abs(Double(y[r]) - reference.dot) / reference.magnitude < 1e-5, "seed \(seed) \(type) row \(r)")
                } else {
                    #expect(y[r] == -12345, "row \(r) outside the range must be untouched")
                }
            }
        }
    }

    /// Q4_1 matvec has its own AVX2 path (x block sums shared across rows): many shapes and seeds, including a row
    /// longer than its stack buffer (1025 blocks), which falls back to per-row dots.
    @Test(arguments: paths)
    func q4_1MatvecProperty(path: KernelPath) {
        let shapes = [(32, 3), (64, 5), (576, 7), (1536, 4), (32 * 1025, 2)]
        for seed in UInt64(1)...6 {
            var rng = SplitMix64(seed: seed)
            for (cols, rows) in shapes {
                let w = randomRow(.q4_1, count: rows * cols, using: &rng)
                let x = (0..<cols).map { _ in Float.random(in: -1...1, using: &rng) }
                var y = [Float](repeating: .nan, count: rows)
                let rowBytes = GGMLType.q4_1.rowByteCount(elements: cols)
                w.withUnsafeBytes { wp in
                    y.withUnsafeMutableBufferPointer {
                        Kernels.matvec(.q4_1, wp.baseAddress!, cols: cols, rows: 0..<rows, x, $0.baseAddress!, path: path)
                    }
                    for r in 0..<rows {
                        let reference = ReferenceKernels.dotWithMagnitude(.q4_1, wp.baseAddress! + r * rowBytes, x, count: cols)
                        let error = abs(Double(y[r]) - reference.dot) / reference.magnitude
                        #expect(error < 1e-5, "seed \(seed) cols \(cols) row \(r) \(path): \(y[r]) vs \(reference.dot)")
                    }
                }
            }
        }
    }

    @Test(arguments: paths)
    func dotF32AndAxpy(path: KernelPath) {
        for seed in UInt64(1)...20 {
            var rng = SplitMix64(seed: seed)
            let n = Int.random(in: 0...300, using: &rng)
            let a = (0..<n).map { _ in Float.random(in: -1...1, using: &rng) }
            let b = (0..<n).map { _ in Float.random(in: -1...1, using: &rng) }
            var exact = 0.0, magnitude = 0.0
            for i in 0..<n {
                exact += Double(a[i]) * Double(b[i])
                magnitude += abs(Double(a[i]) * Double(b[i]))
            }
            let got = Kernels.dotF32(a, b, count: n, path: path)
            #expect(abs(Double(got) - exact) <= 1e-5 * magnitude, "seed \(seed) n=\(n)")

            let alpha = Float.random(in: -2...2, using: &rng)
            var y = b
            y.withUnsafeMutableBufferPointer { Kernels.axpy(alpha, a, $0.baseAddress!, count: n, path: path) }
            for i in 0..<n {
                let expected = Double(b[i]) + Double(alpha) * Double(a[i])
                #expect(abs(Double(y[i]) - expected) <= 2e-7 * (abs(Double(b[i])) + abs(Double(alpha * a[i]))) + 1e-30,
                        "seed \(seed) i \(i)")
            }
        }
    }

    /// The T4 blocks through the fast path: ones give the exact sums.
    @Test(arguments: paths)
    func t4SumsThroughFastPath(path: KernelPath) {
        for vector in ReferenceKernelsTests.vectors {
            let block = bytes(hex: vector.hex)
            let n = vector.type.traits.blockSize
            let ones = [Float](repeating: 1, count: n)
            block.withUnsafeBytes { row in
                #expect(Double(Kernels.dot(vector.type, row.baseAddress!, ones, count: n, path: path)) == vector.sum, "\(vector.type)")
            }
        }
    }
}
