import Foundation

/// Rotary position embedding in the layout GGUF uses for `llama` (adjacent pairs: element 2i rotates with 2i+1).
///
/// Pair i of a head at position p is rotated by the angle p · base^(−2i/dimension). Angles are computed in Double
/// for each position, so long contexts lose no precision.
struct RotaryEmbedding: Sendable {
    let dimension: Int
    let inverseFrequencies: [Double]

    init(dimension: Int, base: Float) {
        self.dimension = dimension
        inverseFrequencies = (0..<dimension / 2).map { i in pow(Double(base), -2 * Double(i) / Double(dimension)) }
    }

    /// cos and sin of every pair's angle at `position` (each `dimension / 2` floats).
    func table(position: Int) -> (cos: [Float], sin: [Float]) {
        var c = [Float](repeating: 0, count: dimension / 2)
        var s = c
        for i in 0..<dimension / 2 {
            let angle = Double(position) * inverseFrequencies[i]
            c[i] = Float(Foundation.cos(angle))
            s[i] = Float(Foundation.sin(angle))
        }
        return (c, s)
    }

    /// Rotates `heads` consecutive heads of `headDimension` floats in place.
    func apply(_ x: UnsafeMutablePointer<Float>, heads: Int, headDimension: Int, cos c: [Float], sin s: [Float]) {
        for h in 0..<heads {
            let head = x + h * headDimension
            for i in 0..<dimension / 2 {
                let a = head[2 * i], b = head[2 * i + 1]
                head[2 * i] = a * c[i] - b * s[i]
                head[2 * i + 1] = a * s[i] + b * c[i]
            }
        }
    }
}
