import Numerics
/// The arithmetic whose cost is asked: the formats of weights, activations and KV cache, and how products are
/// multiplied. This is the cost model's own input; a run's inference mode maps onto it (by format names).
public struct ArithmeticCost: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Weight format; `nil` keeps each matrix in the format the model file stores it in.
    public var weights: OperandFormat?
    /// Format of the activations entering every product (and the queries and attention weights in attention).
    public var activations: OperandFormat
    /// Format of the cached keys and values.
    public var kv: OperandFormat
    /// How the weight products are multiplied.
    public var matmul: Multiplier
    /// How the attention products (QKᵀ and the weighted sum of V) are multiplied.
    public var attention: Multiplier

    public init(weights: OperandFormat?, activations: OperandFormat, kv: OperandFormat, matmul: Multiplier = .exact,
                attention: Multiplier = .exact) {
        self.weights = weights
        self.activations = activations
        self.kv = kv
        self.matmul = matmul
        self.attention = attention
    }

    /// `weights=q4_1 activations=fp32 kv=fp32 matmul=exact attention=exact` (`weights=native` when `nil`).
    public var description: String {
        "weights=\(weights?.name ?? "native") activations=\(activations.name) kv=\(kv.name) matmul=\(matmul) attention=\(attention)"
    }
}
