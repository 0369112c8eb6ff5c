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
    /// How activations enter the products with quantised weights.
    public let activations: ActivationPrecision
    let tokenEmbedding: WeightMatrix
    let outputNorm: [Float]
    let output: WeightMatrix
    let layers: [LlamaLayer]
    let rope: RotaryEmbedding

    public init(file: GGUFFile, pool: WorkerPool, activations: ActivationPrecision = .default) throws(ModelError) {
        let embeddingInfo = file.tensor(named: "token_embd.weight")
        let h = try LlamaHyperparameters(
            metadata: file.metadata,
            vocabularyFallback: embeddingInfo.flatMap { $0.dimensions.count == 2 ? $0.dimensions[1] : nil })
        hyper = h
        self.file = file
        self.pool = pool
        self.activations = activations
        tokenEmbedding = try WeightMatrix(
            file: file, name: "token_embd.weight", rows: h.vocabularySize, cols: h.embeddingLength)
        outputNorm = try loadVector(file, "output_norm.weight", count: h.embeddingLength)
        if file.tensor(named: "output.weight") != nil {
            output = try WeightMatrix(file: file, name: "output.weight", rows: h.vocabularySize, cols: h.embeddingLength)
        } else {
            output = tokenEmbedding
        }
        var blocks: [LlamaLayer] = []
        for index in 0..<h.layers { blocks.append(try LlamaLayer(file: file, index: index, hyper: h)) }
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
