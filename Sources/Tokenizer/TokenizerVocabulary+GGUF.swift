import GGUF

extension TokenizerVocabulary {
    /// Reads the tokenizer of a GGUF model from its `tokenizer.ggml.*` and `tokenizer.chat_template` keys.
    /// A file without `tokenizer.ggml.tokens` gives ``TokenizerError/emptyVocabulary``; a file without
    /// `tokenizer.ggml.pre` gets the plain GPT-2 pre-tokenizer.
    public init(gguf file: GGUFFile) throws(TokenizerError) {
        let m = file.metadata
        guard let tokens = m.stringArray("tokenizer.ggml.tokens"), !tokens.isEmpty else { throw .emptyVocabulary }
        self.init(
            tokens: tokens,
            tokenTypes: m.intArray("tokenizer.ggml.token_type") ?? [],
            merges: m.stringArray("tokenizer.ggml.merges") ?? [],
            bosID: m.int("tokenizer.ggml.bos_token_id"),
            eosID: m.int("tokenizer.ggml.eos_token_id"),
            unknownID: m.int("tokenizer.ggml.unknown_token_id"),
            paddingID: m.int("tokenizer.ggml.padding_token_id"),
            addBOS: m.bool("tokenizer.ggml.add_bos_token") ?? false,
            addEOS: m.bool("tokenizer.ggml.add_eos_token") ?? false,
            preTokenizer: m.string("tokenizer.ggml.pre") ?? "gpt2",
            model: m.string("tokenizer.ggml.model") ?? "gpt2",
            chatTemplate: m.string("tokenizer.chat_template"))
    }
}
