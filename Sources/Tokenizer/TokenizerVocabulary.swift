/// Everything a tokenizer needs, as read from a model file (GGUF `tokenizer.*` keys) or built by hand.
///
/// This is plain data: it is validated only when a ``Tokenizer`` is made from it.
/// - `tokens[i]` is the text of token id `i`. For byte-level BPE (`model == "gpt2"`) normal tokens are
///   written in the GPT-2 byte-to-unicode alphabet (a space is `Ġ`); control and user-defined tokens are
///   written as plain text (`<|im_end|>`).
/// - `tokenTypes[i]` uses the GGUF codes (see ``TokenType``); an empty array means "all normal".
/// - `merges` are BPE merge rules `"left right"`, highest priority first.
public struct TokenizerVocabulary: Sendable, Equatable {
    /// Token texts, indexed by token id.
    public var tokens: [String]
    /// GGUF token types (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte), one per token, or empty.
    public var tokenTypes: [Int]
    /// BPE merge rules, `"left right"`, in priority order (index 0 merges first).
    public var merges: [String]
    /// Beginning-of-sequence token id.
    public var bosID: Int?
    /// End-of-sequence token id.
    public var eosID: Int?
    /// Unknown-token id, used when a byte has no token of its own.
    public var unknownID: Int?
    /// Padding token id.
    public var paddingID: Int?
    /// Whether `encode(_:addSpecial: true)` puts `bosID` first.
    public var addBOS: Bool
    /// Whether `encode(_:addSpecial: true)` puts `eosID` last.
    public var addEOS: Bool
    /// Pre-tokenizer name (GGUF `tokenizer.ggml.pre`), e.g. `"smollm"` or `"gpt2"`.
    public var preTokenizer: String
    /// Tokenizer model name (GGUF `tokenizer.ggml.model`), e.g. `"gpt2"` (byte-level BPE).
    public var model: String
    /// The model's chat template (Jinja source, GGUF `tokenizer.chat_template`), if it has one.
    public var chatTemplate: String?

    public init(
        tokens: [String],
        tokenTypes: [Int] = [],
        merges: [String],
        bosID: Int? = nil,
        eosID: Int? = nil,
        unknownID: Int? = nil,
        paddingID: Int? = nil,
        addBOS: Bool = false,
        addEOS: Bool = false,
        preTokenizer: String = "gpt2",
        model: String = "gpt2",
        chatTemplate: String? = nil
    ) {
        self.tokens = tokens
        self.tokenTypes = tokenTypes
        self.merges = merges
        self.bosID = bosID
        self.eosID = eosID
        self.unknownID = unknownID
        self.paddingID = paddingID
        self.addBOS = addBOS
        self.addEOS = addEOS
        self.preTokenizer = preTokenizer
        self.model = model
        self.chatTemplate = chatTemplate
    }
}

/// GGUF token types (`tokenizer.ggml.token_type`).
public enum TokenType: Int, Sendable, CaseIterable {
    case undefined = 0
    case normal = 1
    case unknown = 2
    /// Special tokens such as `<|im_start|>`: recognised in text only when asked to, skippable on decode.
    case control = 3
    /// Added tokens that are always recognised in text and decode to their plain text.
    case userDefined = 4
    case unused = 5
    case byte = 6
}
