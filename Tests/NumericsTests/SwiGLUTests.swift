import Foundation
import Testing
import Numerics

/// SwiGLU against a float64 evaluation of g / (1 + e^(−g)) · u, on every path: random inputs over the range hidden
/// states reach, every length 0…40 (vector bodies and masked tails), and the clamping edges of the vector exp.
@Suite struct SwiGLUTests {
    static func reference(_ g: Float, _ u: Float) -> Double {
        let g = Double(g)
        return g / (1 + exp(-g)) * Double(u)
    }

    static func run(_ gate: [Float], _ up: [Float], path: KernelPath) -> [Float] {
        var out = gate
        out.withUnsafeMutableBufferPointer { g in
            up.withUnsafeBufferPointer { u in
                Kernels.swiGLU(gate: g.baseAddress!, up: u.baseAddress!, count: gate.count, path: path)
            }
        }
        return out
    }

    /// Relative error at most 8 fp32 ulps (the exp series, the division and two products each round), or an absolute
    /// 1e-30 where the true value underflows towards zero.
    static func check(_ gate: [Float], _ up: [Float], path: KernelPath, _ context: String) {
        let out = run(gate, up, path: path)
        for i in gate.indices {
            let expected = reference(gate[i], up[i])
            let error = abs(Double(out[i]) - expected)
            #expect(error <= max(8 * Double(Float.ulpOfOne) * abs(expected), 1e-30),
                    "\(context) \(path) element \(i): silu(\(gate[i]))·\(up[i]) = \(out[i]), expected \(expected)")
        }
    }

    @Test(arguments: [KernelPath.automatic, .portable])
    func matchesFloat64(path: KernelPath) {
        var rng = SplitMix64(seed: 7)
        for count in 0...40 {
            let gate = (0..<count).map { _ in Float.random(in: -20...20, using: &rng) }
            let up = (0..<count).map { _ in Float.random(in: -3...3, using: &rng) }
            Self.check(gate, up, path: path, "length \(count)")
        }
        let gate = (0..<4096).map { _ in Float.random(in: -1...1, using: &rng) * Float.random(in: 0...12, using: &rng) }
        let up = (0..<4096).map { _ in Float.random(in: -4...4, using: &rng) }
        Self.check(gate, up, path: path, "4096 hidden-state-like values")
    }

    @Test(arguments: [KernelPath.automatic, .portable])
    func edgesOfTheExponentRange(path: KernelPath) {
        let gate: [Float] = [0, -0, 1e-30, -1e-30, 87, -87, 87.3, -87.3, 88.3, -88.3, 88.8, -88.8, 100, -100, 1e4, -1e4,
                             0.34657359, -0.34657359, 0.5 * Float(M_LN2), 1, -1]
        Self.check(gate, Array(repeating: 1.5, count: gate.count), path: path, "edge")
        let out = Self.run(gate, Array(repeating: 1, count: gate.count), path: path)
        #expect(out.allSatisfy { $0.isFinite })
    }
}
