/// Which positions' logits a forward pass returns.
public enum LogitsSelection: Sendable, Equatable {
    /// Only the last token's logits (generation).
    case last
    /// Every token's logits (scoring).
    case all
    /// The logits of the last `n` tokens (perplexity scores only the second half of each chunk).
    case suffix(Int)
    /// None: the pass only fills the KV cache.
    case none
}

/// Size facts every decoder model has, read from the file's metadata.
public struct ModelShape: Sendable, Equatable {
    public var architecture: String
    public var vocabularySize: Int
    /// Context length the model was trained with (positions).
    public var trainedContextLength: Int
    public var layers: Int
    public var embeddingLength: Int
    /// Floats per position per layer in the KV cache (keys or values alone).
    public var kvDimension: Int
    /// Parameters of the model, counted from its tensors.
    public var parameterCount: Int
}

/// A decoder-only language model that runs token batches against a KV cache.
///
/// Implementations are immutable after loading and safe to share between threads; each sequence owns its cache.
public protocol LanguageModel: AnyObject, Sendable {
    var shape: ModelShape { get }

    /// A cache able to hold `capacity` positions, with a page pool of its own (no limit). Caches that should share
    /// pages or a memory budget are made with `KVCache(pool:capacity:)` from one ``KVPagePool``.
    func makeCache(capacity: Int) -> KVCache

    /// Runs `tokens` at positions `cache.count ..< cache.count + tokens.count`, appending their keys and values to
    /// `cache`, and returns the logits selected (each `shape.vocabularySize` floats).
    /// Incremental use (one call per token) gives the same logits as one call over the whole sequence, up to
    /// floating-point reassociation. New positions take pages from the cache's pool; when its limit is reached the
    /// call throws ``ModelError/kvPagesExhausted(positionsPerPage:limit:bytesPerPage:)`` and fills nothing.
    func forward(_ tokens: [Int], cache: KVCache, logits: LogitsSelection) throws(ModelError) -> [[Float]]

    /// One decoding step of several sequences at once: `tokens[i]` is appended to `caches[i]` (distinct caches,
    /// for example ones sharing a prompt prefix) and the logits of every sequence are returned, in order. The
    /// weights are streamed once for the whole batch, and each sequence gets exactly the logits a single-token
    /// `forward` would give it (batch-invariant), whatever pages the caches share. Throws, filling nothing, on a
    /// full context or an exhausted page pool.
    func forward(decoding tokens: [Int], caches: [KVCache]) throws(ModelError) -> [[Float]]
}
