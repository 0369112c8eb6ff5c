import Foundation
import Numerics

/// Causal grouped-query attention of one query head over cached positions `0...position`.
///
/// `query` is one head (`headDimension` floats); `keys`/`values` are cache rows of `kvDimension` floats, of which
/// this head reads the `kvHead`-th slice. Scores are scaled by 1/√headDimension and softmax-normalised in fp32.
func attendOneHead(query: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>,
                   positions: Int, kvHead: Int, headDimension: Int, kvDimension: Int,
                   scores: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
    let scale = 1 / Float(headDimension).squareRoot()
    let offset = kvHead * headDimension
    var maximum = -Float.infinity
    for p in 0..<positions {
        let s = Kernels.dotF32(query, keys + p * kvDimension + offset, count: headDimension) * scale
        scores[p] = s
        maximum = max(maximum, s)
    }
    var total: Float = 0
    for p in 0..<positions {
        let e = Foundation.exp(scores[p] - maximum)
        scores[p] = e
        total += e
    }
    output.update(repeating: 0, count: headDimension)
    let inverse = 1 / total
    for p in 0..<positions {
        Kernels.axpy(scores[p] * inverse, values + p * kvDimension + offset, output, count: headDimension)
    }
}
