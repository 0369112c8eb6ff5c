/// Back-of-envelope compute and memory costs of a decoder-only transformer (inference, no training).
///
/// Forward FLOPs for one token at a position that attends over `context` cached positions (itself included):
///
///     F(context) = 2·P  +  4·L·context·d_attn
///
/// - 2·P: one multiply and one add per weight that takes part in a matrix product (`matmulParameters`: all
///   layer weights plus the output head; the embedding lookup is not a product).
/// - 4·L·context·d_attn: per layer, the logits QKᵀ (2·context·d_attn) and the weighted sum of V
///   (2·context·d_attn), with d_attn = heads·headDim (Kaplan et al. 2020 count the first term of these two).
///   Softmax, norms and activations are ignored (lower order).
///
/// KV-cache bytes per token: 2·L·d_kv·bytesPerElement (K and V, each d_kv = kvHeads·headDim per layer).
public struct CostModel: Sendable, Hashable, Codable {
    /// P: weights used in matrix products per token.
    public let matmulParameters: Int
    /// L: transformer layers.
    public let layers: Int
    /// d_attn = heads · headDim (query width).
    public let attentionDim: Int
    /// d_kv = kvHeads · headDim (K or V width per layer; smaller than d_attn under grouped-query attention).
    public let kvDim: Int
    /// Bytes per cached K or V element (2 for fp16/bf16, 1 for 8-bit).
    public let bytesPerKVElement: Double

    /// - Throws: `.invalidCount` for non-positive sizes; `.invalidValue` for a non-positive element size.
    public init(matmulParameters: Int, layers: Int, attentionDim: Int, kvDim: Int, bytesPerKVElement: Double = 2) throws(AnalysisError) {
        for (name, value) in [("matmulParameters", matmulParameters), ("layers", layers), ("attentionDim", attentionDim), ("kvDim", kvDim)] where value < 1 {
            throw .invalidCount(name: name, value: value, requirement: "≥ 1")
        }
        guard bytesPerKVElement.isFinite, bytesPerKVElement > 0 else {
            throw .invalidValue(name: "bytesPerKVElement", value: bytesPerKVElement, requirement: "finite and > 0")
        }
        self.matmulParameters = matmulParameters
        self.layers = layers
        self.attentionDim = attentionDim
        self.kvDim = kvDim
        self.bytesPerKVElement = bytesPerKVElement
    }

    /// F(context) = 2·P + 4·L·context·d_attn FLOPs for one token attending over `context` positions (≥ 1).
    public func forwardFLOPs(context: Int) -> Double {
        2 * Double(matmulParameters) + 4 * Double(layers) * Double(context) * Double(attentionDim)
    }

    /// Total FLOPs to process a prompt of `prompt` tokens and then generate `generated` tokens, one sequence:
    /// Σ_{t=1…prompt+generated} F(t) = 2·P·T + 4·L·d_attn·T(T+1)/2 with T = prompt + generated
    /// (the last generated token is also run, as a sampler would before stopping).
    public func sequenceFLOPs(prompt: Int, generated: Int) -> Double {
        let total = Double(prompt + generated)
        return 2 * Double(matmulParameters) * total + 4 * Double(layers) * Double(attentionDim) * total * (total + 1) / 2
    }

    /// KV-cache bytes per cached token: 2·L·d_kv·bytesPerElement.
    public var kvCacheBytesPerToken: Double { 2 * Double(layers) * Double(kvDim) * bytesPerKVElement }

    /// KV-cache bytes for `tokens` cached tokens.
    public func kvCacheBytes(tokens: Int) -> Double { Double(tokens) * kvCacheBytesPerToken }
}
