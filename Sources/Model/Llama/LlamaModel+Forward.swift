import Numerics

extension LlamaModel {
    public func forward(_ tokens: [Int], cache: KVCache, logits selection: LogitsSelection) throws(ModelError) -> [[Float]] {
        let batch = tokens.count
        guard batch > 0 else { return [] }
        try checkVocabulary(tokens)
        let start = cache.count
        guard start + batch <= cache.capacity else { throw .contextFull(needed: start + batch, capacity: cache.capacity) }
        let selected: [Int]
        switch selection {
        case .none: selected = []
        case .last: selected = [batch - 1]
        case .all: selected = Array(0..<batch)
        case let .suffix(n): selected = Array(max(0, batch - n)..<batch)
        }
        try cache.prepareAppend(batch)
        let rows = (0..<batch).map { ForwardRow(cache: cache, position: start + $0) }
        let logits = run(tokens, rows: rows, schedule: batch == 1 ? .perToken : .tiled, selected: selected)
        cache.advance(by: batch)
        return logits
    }

    public func forward(decoding tokens: [Int], caches: [KVCache]) throws(ModelError) -> [[Float]] {
        precondition(tokens.count == caches.count, "\(tokens.count) tokens for \(caches.count) caches")
        precondition(Set(caches.map(ObjectIdentifier.init)).count == caches.count, "each sequence needs its own cache")
        guard !tokens.isEmpty else { return [] }
        try checkVocabulary(tokens)
        for cache in caches where cache.count >= cache.capacity {
            throw .contextFull(needed: cache.count + 1, capacity: cache.capacity)
        }
        for cache in caches { try cache.prepareAppend(1) }
        let rows = caches.map { ForwardRow(cache: $0, position: $0.count) }
        let logits = run(tokens, rows: rows, schedule: .perToken, selected: Array(tokens.indices))
        for cache in caches { cache.advance(by: 1) }
        return logits
    }

    private func checkVocabulary(_ tokens: [Int]) throws(ModelError) {
        for token in tokens where token < 0 || token >= hyper.vocabularySize {
            throw .tokenOutOfRange(token: token, vocabularySize: hyper.vocabularySize)
        }
    }

    /// The transformer over `tokens`, row `b` being token `tokens[b]` at `rows[b].position` of `rows[b].cache`
    /// (its keys and values are written there; it attends to that cache's positions `0...position`). Returns the
    /// logits of the rows in `selected`. Caches are not advanced.
    private func run(_ tokens: [Int], rows: [ForwardRow], schedule: ProductSchedule, selected: [Int]) -> [[Float]] {
        let h = hyper
        let batch = tokens.count
        let dim = h.embeddingLength, kvDim = h.kvDimension, ffn = h.feedForwardLength
        let buffers = ForwardBuffers(batch: batch, dim: dim, kvDim: kvDim, ffn: ffn)
        defer { buffers.release() }
        func product(_ products: [MatrixProduct], rows count: Int = batch) {
            pool.run(products, batch: count, numerics: numerics, schedule: schedule)
        }

        for (b, token) in tokens.enumerated() { tokenEmbedding.dequantizeRow(token, into: buffers.x + b * dim) }
        let angles = rows.map { rope.table(position: $0.position) }

        for (index, layer) in layers.enumerated() {
            for b in 0..<batch {
                rmsNorm(buffers.x + b * dim, weight: layer.attentionNorm, epsilon: h.rmsEpsilon,
                        into: buffers.normed + b * dim, count: dim)
            }
            product([MatrixProduct(layer.query, input: buffers.normed, output: buffers.q),
                     MatrixProduct(layer.key, input: buffers.normed, output: buffers.k),
                     MatrixProduct(layer.value, input: buffers.normed, output: buffers.v)])
            for (b, row) in rows.enumerated() {
                rope.apply(buffers.q + b * dim, heads: h.heads, headDimension: h.headDimension,
                           cos: angles[b].cos, sin: angles[b].sin)
                rope.apply(buffers.k + b * kvDim, heads: h.kvHeads, headDimension: h.headDimension,
                           cos: angles[b].cos, sin: angles[b].sin)
                roundForCache(buffers.k + b * kvDim, buffers.v + b * kvDim, count: kvDim)
                let slot = row.cache.slot(layer: index, position: row.position)
                slot.key.update(from: buffers.k + b * kvDim, count: kvDim)
                slot.value.update(from: buffers.v + b * kvDim, count: kvDim)
            }
            attention(buffers: buffers, rows: rows, layer: index)
            product([MatrixProduct(layer.attentionOutput, input: buffers.attended, output: buffers.normed)])
            for i in 0..<batch * dim { buffers.x[i] += buffers.normed[i] }

            for b in 0..<batch {
                rmsNorm(buffers.x + b * dim, weight: layer.feedForwardNorm, epsilon: h.rmsEpsilon,
                        into: buffers.normed + b * dim, count: dim)
            }
            product([MatrixProduct(layer.gate, input: buffers.normed, output: buffers.gate),
                     MatrixProduct(layer.up, input: buffers.normed, output: buffers.up)])
            swiGLU(gate: buffers.gate, up: buffers.up, count: batch * ffn)
            product([MatrixProduct(layer.down, input: buffers.gate, output: buffers.normed)])
            for i in 0..<batch * dim { buffers.x[i] += buffers.normed[i] }
        }

        guard !selected.isEmpty else { return [] }
        let vocabulary = h.vocabularySize
        let finals = UnsafeMutablePointer<Float>.allocate(capacity: selected.count * dim)
        let out = UnsafeMutablePointer<Float>.allocate(capacity: selected.count * vocabulary)
        defer { finals.deallocate(); out.deallocate() }
        for (row, b) in selected.enumerated() {
            rmsNorm(buffers.x + b * dim, weight: outputNorm, epsilon: h.rmsEpsilon, into: finals + row * dim, count: dim)
        }
        product([MatrixProduct(output, input: finals, output: out)], rows: selected.count)
        return (0..<selected.count).map { Array(UnsafeBufferPointer(start: out + $0 * vocabulary, count: vocabulary)) }
    }

    /// Causal attention for every (row, head) pair, in parallel over pairs.
    private func attention(buffers: ForwardBuffers, rows: [ForwardRow], layer: Int) {
        let h = hyper
        let groupSize = h.heads / h.kvHeads
        let pairs = rows.count * h.heads
        let longest = (rows.map(\.position).max() ?? 0) + 1
        // Enough chunks for every thread (a single token has only `heads` pairs), each small enough to stay in cache.
        let headsPerChunk = max(1, min(h.heads, 2048 / longest, (pairs + pool.threadCount - 1) / pool.threadCount))
        let chunks = (pairs + headsPerChunk - 1) / headsPerChunk
        let dim = h.embeddingLength, hd = h.headDimension, kvDim = h.kvDimension
        // One segment list per distinct cache, covering its furthest row (each row then stops at its own position).
        var furthest: [ObjectIdentifier: (cache: KVCache, position: Int)] = [:]
        for row in rows {
            let key = ObjectIdentifier(row.cache)
            furthest[key] = (row.cache, max(furthest[key]?.position ?? 0, row.position))
        }
        let byCache = furthest.mapValues { AttentionSegments($0.cache.segments(layer: layer, positions: $0.position + 1)) }
        let segments = rows.map { byCache[ObjectIdentifier($0.cache)]! }
        let positions = rows.map(\.position)
        pool.parallelFor(chunks: chunks) { chunk in
            let scores = UnsafeMutablePointer<Float>.allocate(capacity: longest)
            defer { scores.deallocate() }
            for pair in chunk * headsPerChunk..<min(pairs, (chunk + 1) * headsPerChunk) {
                let b = pair / h.heads, head = pair % h.heads
                attendOneHead(query: buffers.q + b * dim + head * hd, segments: segments[b], positions: positions[b] + 1,
                              kvHead: head / groupSize, headDimension: hd, kvDimension: kvDim,
                              scores: scores, output: buffers.attended + b * dim + head * hd,
                              multiplier: self.numerics.attention)
            }
        }
    }
}

/// One row of a forward pass: where its token sits.
struct ForwardRow: Sendable {
    let cache: KVCache
    let position: Int
}

/// Scratch activations of one forward pass, `batch` rows each.
// Unchecked because of the raw pointers: the buffers belong to one forward pass (allocated and released by it, never
// shared with another call); inside it, parallel chunks write disjoint rows/slices and read them only after the
// `parallelFor` that wrote them has returned.
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
