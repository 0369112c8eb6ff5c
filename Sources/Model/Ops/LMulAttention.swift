import Foundation
import Numerics

/// Causal attention of one query head with every multiplication of its two products done by L-Mul
/// (``Multiplier/lmul(mantissaBits:)``), fp32 accumulation; the arithmetic `--attention lmul:m=M` selects.
///
/// Order of operations (a test reproduces it from scalar ``LMul/multiply(_:_:mantissaBits:)``):
/// 1. `s[n] = Kernels.lmulDot(q, k[n], count: headDimension) · scale` for the positions n in order (the score
///    products by L-Mul in `lmulDot`'s accumulation order; the scaling by `1/√d` exact);
/// 2. `e[n] = expf(s[n] − max s)`, `total = Σ e[n]` left to right, `inverse = 1 / total` (exact fp32);
/// 3. `out = 0`, then for n in order `out[i] += LMul(e[n] · inverse, v[n][i])` (the normalisation exact, the weighted
///    sum's products by L-Mul, one fp32 add each).
func attendOneHeadLMul(query: UnsafePointer<Float>, segments: AttentionSegments, positions: Int, kvHead: Int,
                       headDimension hd: Int, kvDimension: Int, mantissaBits m: Int,
                       scores: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
    let scale = 1 / Float(hd).squareRoot()
    let offset = kvHead * hd
    var count = 0
    var maximum = -Float.infinity
    forEachRow(segments, positions: positions, stride: kvDimension) { keys, _ in
        let score = Kernels.lmulDot(query, keys + offset, count: hd, mantissaBits: m) * scale
        scores[count] = score
        if score > maximum { maximum = score }
        count += 1
    }
    var total: Float = 0
    for n in 0..<count {
        scores[n] = expf(scores[n] - maximum)
        total += scores[n]
    }
    let inverse = 1 / total
    output.update(repeating: 0, count: hd)
    var n = 0
    forEachRow(segments, positions: positions, stride: kvDimension) { _, values in
        Kernels.lmulAxpy(scores[n] * inverse, values + offset, output, count: hd, mantissaBits: m)
        n += 1
    }
}

/// Calls `body(keyRow, valueRow)` for the first `positions` cached rows of `segments` (`stride` floats apart), in
/// position order.
private func forEachRow(_ segments: AttentionSegments, positions: Int, stride: Int,
                        _ body: (UnsafePointer<Float>, UnsafePointer<Float>) -> Void) {
    var seen = 0
    for s in 0..<segments.count where seen < positions {
        guard let keys = segments.keys[s], let values = segments.values[s] else { continue }
        let rows = min(Int(segments.rows[s]), positions - seen)
        for r in 0..<rows { body(keys + r * stride, values + r * stride) }
        seen += rows
    }
}
