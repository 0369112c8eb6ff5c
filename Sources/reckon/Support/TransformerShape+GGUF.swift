import Cost
import GGUF

extension TransformerShape {
    /// The per-token cost shape of a GGUF model, from its header only (no weights are read): layers and attention
    /// widths from `<arch>.block_count`, `<arch>.attention.head_count(_kv)`, `<arch>.embedding_length` (and
    /// `<arch>.attention.key_length` when present); the product matrices from the tensor directory: every tensor of
    /// two dimensions except the token embedding (a lookup), which counts as the output head when the file has no
    /// `output.weight` (tied embeddings). Each matrix keeps the ggml type it is stored in.
    /// - Throws: `CommandFailure` (unusable data) when a key is missing or a size is degenerate.
    static func of(_ file: GGUFFile, path: String) throws -> TransformerShape {
        let architecture = file.metadata.string("general.architecture") ?? "llama"
        func integer(_ key: String) throws -> Int {
            guard let value = file.metadata.int("\(architecture).\(key)"), value > 0 else {
                throw CommandFailure(
                    "\(path) has no positive '\(architecture).\(key)' in its header; the cost model needs it (is this a "
                        + "decoder-only language model?)", status: .dataError)
            }
            return value
        }
        let layers = try integer("block_count")
        let embedding = try integer("embedding_length")
        let heads = try integer("attention.head_count")
        let kvHeads = file.metadata.int("\(architecture).attention.head_count_kv") ?? heads
        let headDim = file.metadata.int("\(architecture).attention.key_length") ?? embedding / heads
        let hasOutput = file.tensor(named: "output.weight") != nil
        let matrices = file.tensors.filter { info in
            info.dimensions.count == 2 && (info.name != "token_embd.weight" || !hasOutput)
        }.map { info in
            Matrix(name: info.name == "token_embd.weight" ? "output (tied token_embd)" : info.name,
                   rows: info.rowCount, columns: info.rowLength, stored: OperandFormat(ggml: info.type))
        }
        do {
            return try TransformerShape(layers: layers, attentionDim: heads * headDim, kvDim: kvHeads * headDim,
                                        matrices: matrices)
        } catch {
            throw CommandFailure("\(path): \(error)", status: .dataError)
        }
    }
}
