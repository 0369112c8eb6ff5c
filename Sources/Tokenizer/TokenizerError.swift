/// Everything that can go wrong when building a tokenizer or choosing a chat template.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    /// `tokenizer.ggml.model` names a tokenizer model this module does not implement.
    case unsupportedModel(found: String, supported: [String])
    /// `tokenizer.ggml.pre` names a pre-tokenizer this module does not implement.
    case unsupportedPreTokenizer(found: String, supported: [String])
    /// The vocabulary has no tokens.
    case emptyVocabulary
    /// `tokenTypes` is neither empty nor one per token.
    case tokenTypeCountMismatch(tokens: Int, tokenTypes: Int)
    /// A merge rule is not `"left right"` or names a token that is not in the vocabulary.
    case invalidMerge(index: Int, rule: String, reason: String)
    /// A special token id (`bos`, `eos`, `unknown`, `padding`) is outside `0..<vocabularySize`.
    case specialTokenOutOfRange(name: String, id: Int, vocabularySize: Int)
    /// The model's chat template is not one of ``ChatTemplate``'s known shapes.
    case unknownChatTemplate(prefix: String)

    public var description: String {
        switch self {
        case .unsupportedModel(let found, let supported):
            return "unsupported tokenizer model \"\(found)\" (tokenizer.ggml.model); supported: "
                + supported.joined(separator: ", ") + ". Use a model whose tokenizer is one of these."
        case .unsupportedPreTokenizer(let found, let supported):
            return "unsupported pre-tokenizer \"\(found)\" (tokenizer.ggml.pre); supported: "
                + supported.joined(separator: ", ")
                + ". Tokenizing with a different pre-tokenizer would silently change token ids, so Reckon refuses;"
                + " add the pre-tokenizer to PreTokenizer.swift (with an oracle fixture) to use this model."
        case .emptyVocabulary:
            return "the tokenizer vocabulary has no tokens (tokenizer.ggml.tokens is empty); the model file is damaged or not a language model."
        case .tokenTypeCountMismatch(let tokens, let tokenTypes):
            return "expected one token type per token (\(tokens)) or none, found \(tokenTypes) token types (tokenizer.ggml.token_type); the model file is inconsistent."
        case .invalidMerge(let index, let rule, let reason):
            return "merge rule #\(index) \"\(rule)\" (tokenizer.ggml.merges) is invalid: \(reason). Expected \"left right\" with both parts and their concatenation in the vocabulary."
        case .specialTokenOutOfRange(let name, let id, let vocabularySize):
            return "\(name) token id \(id) is outside the vocabulary (0..<\(vocabularySize)); the model file is inconsistent."
        case .unknownChatTemplate(let prefix):
            return "the model's chat template is not one Reckon recognises (it begins \"\(prefix)\"); "
                + "choose one explicitly with --template chatml|raw."
        }
    }
}
