import GGUF
import Numerics

/// The `llama` architecture: RMSNorm, rotary embeddings (adjacent-pair layout), grouped-query attention, SwiGLU
/// feed-forward, and an output projection that falls back to the token embedding when `output.weight` is absent
/// (tied embeddings).
///
/// Weights stay memory-mapped in their stored format; the `file` is retained for as long as the model lives.
public final class LlamaModel: LanguageModel, Sendable {
    public let hyper: LlamaHyperparameters
    public let shape: ModelShape
    let file: GGUFFile
    let pool: WorkerPool
    /// How activations enter the products with quantised weights (``NumericsMode/activations`` of ``numerics``).
    public let activations: ActivationPrecision
    /// The arithmetic this model runs on (weights re-encoded on load, activation and KV rounding, L-Mul).
    public let numerics: NumericsMode
    let tokenEmbedding: WeightMatrix
    let outputNorm: [Float]
    let output: WeightMatrix
    let layers: [LlamaLayer]
    let rope: RotaryEmbedding

    public convenience init(file: GGUFFile, pool: WorkerPool, activations: ActivationPrecision = .default)
        throws(ModelError) {
        try self.init(file: file, pool: pool, numerics: NumericsMode(activations: activations))
    }

    /// Loads the model, re-encoding its weight matrices as `numerics.weights` asks (and, for L-Mul products, into
    /// fp32 rows rounded to the L-Mul mantissa; the token-embedding lookup keeps the re-encoded values).
    public init(file: GGUFFile, pool: WorkerPool, numerics: NumericsMode) throws(ModelError) {
        let embeddingInfo = file.tensor(named: "token_embd.weight")
        let h = try LlamaHyperparameters(
            metadata: file.metadata,
            vocabularyFallback: embeddingInfo.flatMap { $0.dimensions.count == 2 ? $0.dimensions[1] : nil })
        try Self.checkNumerics(numerics, hyper: h)
        hyper = h
        self.file = file
        self.pool = pool
        self.activations = numerics.activations
        self.numerics = numerics
        let weights = numerics.weights
        // Products read `forProducts` matrices: the re-encoded ones, as fp32 rows rounded for L-Mul when it is on.
        let forProducts: (WeightMatrix) throws(ModelError) -> WeightMatrix = { (matrix) throws(ModelError) in
            let encoded = try matrix.reencoded(as: weights)
            guard case .lmul(let m) = numerics.matmul else { return encoded }
            return encoded.preparedForLMul(mantissaBits: m)
        }
        tokenEmbedding = try WeightMatrix(
            file: file, name: "token_embd.weight", rows: h.vocabularySize, cols: h.embeddingLength
        ).reencoded(as: weights)
        outputNorm = try loadVector(file, "output_norm.weight", count: h.embeddingLength)
        if file.tensor(named: "output.weight") != nil {
            output = try forProducts(
                try WeightMatrix(file: file, name: "output.weight", rows: h.vocabularySize, cols: h.embeddingLength))
        } else if case .lmul(let m) = numerics.matmul {
            output = tokenEmbedding.preparedForLMul(mantissaBits: m)
        } else {
            output = tokenEmbedding
        }
        var blocks: [LlamaLayer] = []
        for index in 0..<h.layers {
            blocks.append(try LlamaLayer(file: file, index: index, hyper: h).mapMatrices(forProducts))
        }
        layers = blocks
        rope = RotaryEmbedding(dimension: h.ropeDimension, base: h.ropeBase)
        shape = ModelShape(
            architecture: "llama", vocabularySize: h.vocabularySize, trainedContextLength: h.contextLength,
            layers: h.layers, embeddingLength: h.embeddingLength, kvDimension: h.kvDimension,
            parameterCount: file.tensors.reduce(0) { $0 + $1.elementCount })
    }

    public func makeCache(capacity: Int) -> KVCache {
        KVCache(layers: hyper.layers, kvDimension: hyper.kvDimension, capacity: capacity)
    }
}
