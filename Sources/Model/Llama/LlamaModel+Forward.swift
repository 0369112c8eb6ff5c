import Numerics

extension LlamaModel {
    public func forward(_ tokens: [Int], cache: KVCache, logits selection: LogitsSelection) throws(ModelError) -> [[Float]] {
        let h = hyper
        let batch = tokens.count
        guard batch > 0 else { return [] }
        for token in tokens where token < 0 || token >= h.vocabularySize {
            throw .tokenOutOfRange(token: token, vocabularySize: h.vocabularySize)
        }
        let start = cache.count
        guard start + batch <= cache.capacity else { throw .contextFull(needed: start + batch, capacity: cache.capacity) }

        let dim = h.embeddingLength, kvDim = h.kvDimension, ffn = h.feedForwardLength
        let buffers = ForwardBuffers(batch: batch, dim: dim, kvDim: kvDim, ffn: ffn)
        defer { buffers.release() }

        for (b, token) in tokens.enumerated() { tokenEmbedding.dequantizeRow(token, into: buffers.x + b * dim) }
        let angles = (0..<batch).map { rope.table(position: start + $0) }

        for (index, layer) in layers.enumerated() {
            for b in 0..<batch {
                rmsNorm(buffers.x + b * dim, weight: layer.attentionNorm, epsilon: h.rmsEpsilon,
                        into: buffers.normed + b * dim, count: dim)
            }
            pool.run([MatrixProduct(layer.query, input: buffers.normed, output: buffers.q),
                      MatrixProduct(layer.key, input: buffers.normed, output: buffers.k),
                      MatrixProduct(layer.value, input: buffers.normed, output: buffers.v)],
                     batch: batch, activations: activations)
            let keys = cache.keys(layer: index), values = cache.values(layer: index)
            for b in 0..<batch {
                rope.apply(buffers.q + b * dim, heads: h.heads, headDimension: h.headDimension,
                           cos: angles[b].cos, sin: angles[b].sin)
                rope.apply(buffers.k + b * kvDim, heads: h.kvHeads, headDimension: h.headDimension,
                           cos: angles[b].cos, sin: angles[b].sin)
                (keys + (start + b) * kvDim).update(from: buffers.k + b * kvDim, count: kvDim)
                (values + (start + b) * kvDim).update(from: buffers.v + b * kvDim, count: kvDim)
            }
            attention(buffers: buffers, cache: cache, layer: index, start: start, batch: batch)
            pool.run([MatrixProduct(layer.attentionOutput, input: buffers.attended, output: buffers.normed)],
                     batch: batch, activations: activations)
            for i in 0..<batch * dim { buffers.x[i] += buffers.normed[i] }

            for b in 0..<batch {
                rmsNorm(buffers.x + b * dim, weight: layer.feedForwardNorm, epsilon: h.rmsEpsilon,
                        into: buffers.normed + b * dim, count: dim)
            }
            pool.run([MatrixProduct(layer.gate, input: buffers.normed, output: buffers.gate),
                      MatrixProduct(layer.up, input: buffers.normed, output: buffers.up)],
                     batch: batch, activations: activations)
            swiGLU(gate: buffers.gate, up: buffers.up, count: batch * ffn)
            pool.run([MatrixProduct(layer.down, input: buffers.gate, output: buffers.normed)],
                     batch: batch, activations: activations)
            for i in 0..<batch * dim { buffers.x[i] += buffers.normed[i] }
        }
        cache.advance(by: batch)

        let selected: [Int]
        switch selection {
        case .none: return []
        case .last: selected = [batch - 1]
        case .all: selected = Array(0..<batch)
        case let .suffix(n): selected = Array(max(0, batch - n)..<batch)
        }
        let vocabulary = h.vocabularySize
        let finals = UnsafeMutablePointer<Float>.allocate(capacity: selected.count * dim)
        let out = UnsafeMutablePointer<Float>.allocate(capacity: selected.count * vocabulary)
        defer { finals.deallocate(); out.deallocate() }
        for (row, b) in selected.enumerated() {
            rmsNorm(buffers.x + b * dim, weight: outputNorm, epsilon: h.rmsEpsilon, into: finals + row * dim, count: dim)
        }
        pool.run([MatrixProduct(output, input: finals, output: out)], batch: selected.count, activations: activations)
        return (0..<selected.count).map { Array(UnsafeBufferPointer(start: out + $0 * vocabulary, count: vocabulary)) }
    }

    /// Causal attention for every (token, head) pair of the batch, in parallel over pairs.
    private func attention(buffers: ForwardBuffers, cache: KVCache, layer: Int, start: Int, batch: Int) {
        let h = hyper
        let groupSize = h.heads / h.kvHeads
        let pairs = batch * h.heads
        let headsPerChunk = max(1, min(h.heads, 2048 / max(1, start + batch)))
        let chunks = (pairs + headsPerChunk - 1) / headsPerChunk
        let dim = h.embeddingLength, hd = h.headDimension, kvDim = h.kvDimension, capacity = start + batch
        pool.parallelFor(chunks: chunks) { chunk in
            let keys = cache.keys(layer: layer), values = cache.values(layer: layer)
            let scores = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
            defer { scores.deallocate() }
            for pair in chunk * headsPerChunk..<min(pairs, (chunk + 1) * headsPerChunk) {
                let b = pair / h.heads, head = pair % h.heads
                attendOneHead(query: buffers.q + b * dim + head * hd, keys: keys, values: values,
                              positions: start + b + 1, kvHead: head / groupSize, headDimension: hd, kvDimension: kvDim,
                              scores: scores, output: buffers.attended + b * dim + head * hd)
            }
        }
    }
}

/// Scratch activations of one forward pass, `batch` rows each.
struct ForwardBuffers: @unchecked Sendable {
    let x, normed, q, k, v, attended, gate, up: UnsafeMutablePointer<Float>

    init(batch: Int, dim: Int, kvDim: Int, ffn: Int) {
        x = .allocate(capacity: batch * dim)
        normed = .allocate(capacity: batch * dim)
        q = .allocate(capacity: batch * dim)
        k = .allocate(capacity: batch * kvDim)
        v = .allocate(capacity: batch * kvDim)
        attended = .allocate(capacity: batch * dim)
        gate = .allocate(capacity: batch * ffn)
        up = .allocate(capacity: batch * ffn)
    }

    func release() {
        for pointer in [x, normed, q, k, v, attended, gate, up] { pointer.deallocate() }
    }
}
