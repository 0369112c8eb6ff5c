import Numerics

/// SwiGLU gate: `gate[i] = silu(gate[i]) · up[i]`, with silu(x) = x / (1 + e^(−x)) (vectorised: see
/// ``Kernels/swiGLU(gate:up:count:path:)``).
func swiGLU(gate: UnsafeMutablePointer<Float>, up: UnsafePointer<Float>, count: Int) {
    Kernels.swiGLU(gate: gate, up: up, count: count)
}
