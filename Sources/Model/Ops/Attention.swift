import Foundation
import Numerics

/// Causal grouped-query attention of one query head over cached positions `0..<positions`.
///
/// `query` is one head (`headDimension` floats); the cached positions come as position-ordered `segments` (a shared
/// prompt prefix, then the sequence's own rows), each a run of rows of `kvDimension` floats of which this head
/// reads the `kvHead`-th slice. Scores are scaled by 1/√headDimension and softmax-normalised in fp32; the arithmetic
/// does not depend on how the positions are split into segments.
func attendOneHead(query: UnsafePointer<Float>, segments: [KVCache.Segment], positions: Int, kvHead: Int,
                   headDimension: Int, kvDimension: Int,
                   scores: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
    let scale = 1 / Float(headDimension).squareRoot()
    let offset = kvHead * headDimension
    var maximum = -Float.infinity
    for segment in segments where segment.start < positions {
        let keys = segment.keys + offset
        for row in 0..<min(segment.count, positions - segment.start) {
            let s = Kernels.dotF32(query, keys + row * kvDimension, count: headDimension) * scale
            scores[segment.start + row] = s
            maximum = max(maximum, s)
        }
    }
    var total: Float = 0
    for p in 0..<positions {
        let e = Foundation.exp(scores[p] - maximum)
        scores[p] = e
        total += e
    }
    output.update(repeating: 0, count: headDimension)
    let inverse = 1 / total
    for segment in segments where segment.start < positions {
        let values = segment.values + offset
        for row in 0..<min(segment.count, positions - segment.start) {
            Kernels.axpy(scores[segment.start + row] * inverse, values + row * kvDimension, output, count: headDimension)
        }
    }
}
