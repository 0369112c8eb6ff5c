import Foundation
import Numerics

/// Root-mean-square normalisation: `y = x / sqrt(mean(x²) + ε) · weight`, over `count` floats.
func rmsNorm(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, epsilon: Float,
             into y: UnsafeMutablePointer<Float>, count: Int) {
    let sumOfSquares = Kernels.dotF32(x, x, count: count)
    let scale = 1 / (sumOfSquares / Float(count) + epsilon).squareRoot()
    for i in 0..<count { y[i] = x[i] * scale * weight[i] }
}
