import Foundation

/// SwiGLU gate: `gate[i] = silu(gate[i]) · up[i]`, with silu(x) = x / (1 + e^(−x)).
func swiGLU(gate: UnsafeMutablePointer<Float>, up: UnsafePointer<Float>, count: Int) {
    for i in 0..<count {
        let g = gate[i]
        gate[i] = g / (1 + Foundation.exp(-g)) * up[i]
    }
}
