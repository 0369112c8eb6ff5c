import Foundation
import Numerics

/// The cached positions of one sequence for one layer, as the C attention kernel reads them: position-ordered runs
/// (a shared prompt prefix, then the sequence's own rows) of key and value rows.
// Unchecked because of the raw pointer tables: they are filled once in init and only read afterwards (by the chunks
// of one attention call, while the caches they point into are not being written).
final class AttentionSegments: @unchecked Sendable {
    let count: Int
    let keys: UnsafeMutablePointer<UnsafePointer<Float>?>
    let values: UnsafeMutablePointer<UnsafePointer<Float>?>
    let rows: UnsafeMutablePointer<Int64>

    init(_ segments: [KVCache.Segment]) {
        count = segments.count
        keys = .allocate(capacity: max(1, count))
        values = .allocate(capacity: max(1, count))
        rows = .allocate(capacity: max(1, count))
        for (i, segment) in segments.enumerated() {
            keys[i] = segment.keys
            values[i] = segment.values
            rows[i] = Int64(segment.count)
        }
    }

    deinit {
        keys.deallocate()
        values.deallocate()
        rows.deallocate()
    }
}

/// Causal grouped-query attention of one query head over cached positions `0..<positions`.
///
/// `query` is one head (`headDimension` floats); the cached rows (`kvDimension` floats each) come from `segments`,
/// of which this head reads the `kvHead`-th slice. Scores are scaled by 1/√headDimension and softmax-normalised in
/// fp32; the arithmetic does not depend on how the positions are split into segments.
/// With `multiplier` L-Mul, ``attendOneHeadLMul(query:segments:positions:kvHead:headDimension:kvDimension:mantissaBits:scores:output:)``
/// does it instead.
func attendOneHead(query: UnsafePointer<Float>, segments: AttentionSegments, positions: Int, kvHead: Int,
                   headDimension: Int, kvDimension: Int,
                   scores: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
                   multiplier: Multiplier = .exact) {
    if case .lmul(let m) = multiplier {
        attendOneHeadLMul(query: query, segments: segments, positions: positions, kvHead: kvHead,
                          headDimension: headDimension, kvDimension: kvDimension, mantissaBits: m, scores: scores,
                          output: output)
        return
    }
    Kernels.attendHead(query: query, segmentCount: segments.count, keys: segments.keys, values: segments.values,
                       counts: segments.rows, positions: positions, offset: kvHead * headDimension, stride: kvDimension,
                       headDimension: headDimension, scale: 1 / Float(headDimension).squareRoot(),
                       scores: scores, output: output)
}
