import GGUF
import Numerics

/// The weights of one transformer block of a `llama` model.
struct LlamaLayer: Sendable {
    let attentionNorm: [Float]
    var query: WeightMatrix
    var key: WeightMatrix
    var value: WeightMatrix
    var attentionOutput: WeightMatrix
    let feedForwardNorm: [Float]
    var gate: WeightMatrix
    var up: WeightMatrix
    var down: WeightMatrix

    init(file: GGUFFile, index: Int, hyper h: LlamaHyperparameters) throws(ModelError) {
        let p = "blk.\(index)."
        attentionNorm = try loadVector(file, p + "attn_norm.weight", count: h.embeddingLength)
        query = try WeightMatrix(file: file, name: p + "attn_q.weight", rows: h.embeddingLength, cols: h.embeddingLength)
        key = try WeightMatrix(file: file, name: p + "attn_k.weight", rows: h.kvDimension, cols: h.embeddingLength)
        value = try WeightMatrix(file: file, name: p + "attn_v.weight", rows: h.kvDimension, cols: h.embeddingLength)
        attentionOutput = try WeightMatrix(
            file: file, name: p + "attn_output.weight", rows: h.embeddingLength, cols: h.embeddingLength)
        feedForwardNorm = try loadVector(file, p + "ffn_norm.weight", count: h.embeddingLength)
        gate = try WeightMatrix(file: file, name: p + "ffn_gate.weight", rows: h.feedForwardLength, cols: h.embeddingLength)
        up = try WeightMatrix(file: file, name: p + "ffn_up.weight", rows: h.feedForwardLength, cols: h.embeddingLength)
        down = try WeightMatrix(file: file, name: p + "ffn_down.weight", rows: h.embeddingLength, cols: h.feedForwardLength)
    }

    /// This layer with `transform` applied to each of its weight matrices (numerics modes re-encode them).
    func mapMatrices(_ transform: (WeightMatrix) throws(ModelError) -> WeightMatrix) throws(ModelError) -> LlamaLayer {
        var layer = self
        layer.query = try transform(query)
        layer.key = try transform(key)
        layer.value = try transform(value)
        layer.attentionOutput = try transform(attentionOutput)
        layer.gate = try transform(gate)
        layer.up = try transform(up)
        layer.down = try transform(down)
        return layer
    }
}

/// Reads a 1-D tensor of `count` elements (any supported type) into fp32; used for small norm weights only.
func loadVector(_ file: GGUFFile, _ name: String, count: Int) throws(ModelError) -> [Float] {
    guard let info = file.tensor(named: name) else { throw .missingTensor(name) }
    guard info.elementCount == count else {
        throw .tensorShapeMismatch(name: name, expected: "[\(count)]", found: "\(info.dimensions)")
    }
    guard count % info.type.traits.blockSize == 0 else {
        throw .unsupportedTensorType(name: name, type: info.type.description)
    }
    let data = file.data(for: info)
    var result = [Float](repeating: 0, count: count)
    result.withUnsafeMutableBufferPointer { out in
        Numerics.Kernels.dequantize(info.type, data.baseAddress!, into: out.baseAddress!, count: count)
    }
    return result
}
