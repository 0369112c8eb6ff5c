/// The shape of a decoder-only transformer as far as per-token cost goes: the weight matrices that take part in
/// a product for every token, and the attention widths.
public struct TransformerShape: Sendable, Hashable, Codable {
    /// One weight matrix used in a matrix-vector product per token: `rows` outputs, each a dot product of
    /// `columns` inputs (ggml stores it as `rows` rows of `columns` elements).
    public struct Matrix: Sendable, Hashable, Codable {
        public var name: String
        public var rows: Int
        public var columns: Int
        /// The format the model file stores it in.
        public var stored: OperandFormat

        public init(name: String, rows: Int, columns: Int, stored: OperandFormat) {
            self.name = name
            self.rows = rows
            self.columns = columns
            self.stored = stored
        }

        /// Multiply-accumulates per token: rows · columns.
        public var macs: Int { rows * columns }
    }

    /// Transformer blocks L.
    public var layers: Int
    /// Query width per layer, d_attn = heads · headDim.
    public var attentionDim: Int
    /// K (or V) width per layer, d_kv = kvHeads · headDim.
    public var kvDim: Int
    /// Every product matrix: each block's projections and the output head (the embedding lookup is not a product;
    /// with tied embeddings the output head is the embedding matrix).
    public var matrices: [Matrix]

    /// - Throws: ``CostError/invalidSize(name:value:requirement:)`` for a size below 1 or no matrices.
    public init(layers: Int, attentionDim: Int, kvDim: Int, matrices: [Matrix]) throws(CostError) {
        for (name, value) in [("layers", layers), ("attention width", attentionDim), ("KV width", kvDim),
                              ("matrix count", matrices.count)] where value < 1 {
            throw .invalidSize(name: name, value: value, requirement: "≥ 1")
        }
        for matrix in matrices where matrix.rows < 1 || matrix.columns < 1 {
            throw .invalidSize(name: "size of matrix \(matrix.name)", value: min(matrix.rows, matrix.columns), requirement: "≥ 1")
        }
        self.layers = layers
        self.attentionDim = attentionDim
        self.kvDim = kvDim
        self.matrices = matrices
    }

    /// Σ rows · columns over the product matrices (P, the weights used per token).
    public var matmulParameters: Int { matrices.reduce(0) { $0 + $1.macs } }
}
