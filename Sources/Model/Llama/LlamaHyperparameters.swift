import GGUF

/// Hyper-parameters of a `llama`-architecture model, read from `llama.*` metadata keys.
public struct LlamaHyperparameters: Sendable, Equatable {
    public var vocabularySize: Int
    public var contextLength: Int
    public var embeddingLength: Int
    public var feedForwardLength: Int
    public var layers: Int
    public var heads: Int
    public var kvHeads: Int
    /// Floats per attention head (embeddingLength / heads).
    public var headDimension: Int
    /// Leading dimensions of each head that are rotated (≤ headDimension, even).
    public var ropeDimension: Int
    /// RoPE frequency base θ (the angle of pair i at position p is p · θ^(−2i/ropeDimension)).
    public var ropeBase: Float
    /// ε added to the mean square in RMSNorm.
    public var rmsEpsilon: Float

    public var kvDimension: Int { kvHeads * headDimension }

    public init(metadata: GGUFMetadata, vocabularyFallback: Int?) throws(ModelError) {
        let prefix = "llama."
        func integer(_ key: String) throws(ModelError) -> Int {
            guard let value = metadata.int(prefix + key) else {
                throw .missingMetadata(key: prefix + key, expected: "a positive integer")
            }
            guard value > 0 else { throw .invalidMetadata(key: prefix + key, value: "\(value)", expected: "a positive integer") }
            return value
        }
        embeddingLength = try integer("embedding_length")
        feedForwardLength = try integer("feed_forward_length")
        layers = try integer("block_count")
        heads = try integer("attention.head_count")
        kvHeads = metadata.int(prefix + "attention.head_count_kv") ?? heads
        contextLength = metadata.int(prefix + "context_length") ?? 2048
        guard embeddingLength % heads == 0 else {
            throw .invalidMetadata(key: prefix + "attention.head_count", value: "\(heads)",
                                   expected: "a divisor of embedding_length \(embeddingLength)")
        }
        guard kvHeads > 0, heads % kvHeads == 0 else {
            throw .invalidMetadata(key: prefix + "attention.head_count_kv", value: "\(kvHeads)",
                                   expected: "a positive divisor of head_count \(heads)")
        }
        headDimension = embeddingLength / heads
        ropeDimension = metadata.int(prefix + "rope.dimension_count") ?? headDimension
        guard ropeDimension <= headDimension, ropeDimension % 2 == 0 else {
            throw .invalidMetadata(key: prefix + "rope.dimension_count", value: "\(ropeDimension)",
                                   expected: "an even number ≤ the head dimension \(headDimension)")
        }
        ropeBase = Float(metadata.float(prefix + "rope.freq_base") ?? 10_000)
        rmsEpsilon = Float(metadata.float(prefix + "attention.layer_norm_rms_epsilon") ?? 1e-5)
        if let size = metadata.int(prefix + "vocab_size") ?? vocabularyFallback {
            vocabularySize = size
        } else {
            throw .missingMetadata(key: prefix + "vocab_size", expected: "the vocabulary size (or a token_embd tensor)")
        }
    }
}
