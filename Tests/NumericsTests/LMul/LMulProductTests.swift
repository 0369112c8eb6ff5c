import Testing
@testable import Numerics

/// The L-Mul matrix-vector and axpy kernels against scalar ``LMul/multiply(_:_:mantissaBits:)`` in the documented
/// order (``LMulTests/laneOrderedSum(_:_:m:)``).
@Suite struct LMulProductTests {
    static func randomMatrix(rows: Int, cols: Int, using rng: inout SplitMix64) -> [Float] {
        var w = (0..<rows * cols).map { _ in Float.random(in: -2...2, using: &rng) }
        if w.count > 20 { w[3] = 0; w[7] = -0.0; w[11] = 1e-30; w[13] = 3e30 }
        return w
    }

    @Test(arguments: [23, 4, 3])
    func matvecEqualsScalarProducts(m: Int) {
        var rng = SplitMix64(seed: UInt64(m))
        for (rows, cols) in [(1, 1), (3, 31), (5, 64), (9, 100), (4, 576)] {
            let w = Self.randomMatrix(rows: rows, cols: cols, using: &rng)
            var x = (0..<cols).map { _ in Float.random(in: -3...3, using: &rng) }
            if cols > 10 { x[2] = 0; x[9] = 1e-20 }
            let rounded = w.map { LMul.roundToMantissaBits($0, m) }
            for path in KernelPath.allCases {
                for (weights, promise) in [(w, false), (rounded, true)] {
                    var y = [Float](repeating: .nan, count: rows + 1)
                    var scratch = [Float](repeating: 0, count: cols)
                    weights.withUnsafeBufferPointer { pw in
                        x.withUnsafeBufferPointer { px in
                            y.withUnsafeMutableBufferPointer { py in
                                scratch.withUnsafeMutableBufferPointer { ps in
                                    Kernels.lmulMatvec(pw.baseAddress!, rowStride: cols, cols: cols, rows: 1..<rows,
                                                       px.baseAddress!, py.baseAddress!, mantissaBits: m,
                                                       weightsRounded: promise, scratch: ps.baseAddress!, path: path)
                                }
                            }
                        }
                    }
                    #expect(y[0].isNaN && y[rows].isNaN, "rows outside the range are not written")
                    for r in 1..<rows {
                        let expected = LMulTests.laneOrderedSum(Array(w[r * cols..<(r + 1) * cols]), x, m: m)
                        #expect(y[r].bitPattern == expected.bitPattern,
                                "m=\(m) \(rows)×\(cols) row \(r) \(path) rounded=\(promise): \(y[r]) vs \(expected)")
                    }
                }
            }
        }
    }

    @Test func matvecWithNonFiniteInputFallsBack() {
        let cols = 40
        let w = [Float](repeating: 1.5, count: 2 * cols)
        var x = [Float](repeating: 1, count: cols)
        x[4] = .infinity
        for path in KernelPath.allCases {
            var y = [Float](repeating: 0, count: 2)
            var scratch = [Float](repeating: 0, count: cols)
            Kernels.lmulMatvec(w, rowStride: cols, cols: cols, rows: 0..<2, x, &y, mantissaBits: 3, weightsRounded: true,
                               scratch: &scratch, path: path)
            #expect(y == [.infinity, .infinity], "\(path)")
        }
    }

    @Test(arguments: [23, 3])
    func axpyEqualsScalarLoop(m: Int) {
        var rng = SplitMix64(seed: 99)
        for count in [0, 1, 7, 8, 17, 64] {
            let x = (0..<count).map { _ in Float.random(in: -3...3, using: &rng) }
            let start = (0..<count).map { _ in Float.random(in: -1...1, using: &rng) }
            for alpha: Float in [0.37, -1.5, 0, 1e-30] {
                let expected = zip(start, x).map { $0 + LMul.multiply(alpha, $1, mantissaBits: m) }
                for path in KernelPath.allCases {
                    var y = start
                    Kernels.lmulAxpy(alpha, x, &y, count: count, mantissaBits: m, path: path)
                    #expect(y.map(\.bitPattern) == expected.map(\.bitPattern), "m=\(m) n=\(count) α=\(alpha) \(path)")
                }
            }
        }
    }
}
