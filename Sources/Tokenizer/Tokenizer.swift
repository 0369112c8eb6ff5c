/// A byte-level BPE tokenizer (GGUF `tokenizer.ggml.model = "gpt2"`), exact to the model's trained tokenizer.
///
/// Encoding is a pipeline of named stages, each usable alone:
/// 1. ``SpecialTokenSplitter`` cuts special tokens (`<|im_start|>`…) out of the text;
/// 2. ``PreTokenizer`` splits each remaining stretch into words;
/// 3. ``ByteLevelAlphabet`` spells each word's UTF-8 bytes as vocabulary characters;
/// 4. BPE merges the bytes of each word by merge rank into token ids.
/// Decoding maps ids back to bytes (the alphabet reversed; special tokens as their text) and reads UTF-8.
///
/// Immutable and `Sendable`; building one from the 49k-token SmolLM2 vocabulary takes about 0.1–0.3 s,
/// so build it once per model and share it.
public struct Tokenizer: Sendable {
    /// The vocabulary this tokenizer was built from.
    public let vocabulary: TokenizerVocabulary
    /// The pre-tokenizer in use.
    public let preTokenizer: PreTokenizer
    /// Stage 1, exposed for inspection and tests.
    public let specialTokens: SpecialTokenSplitter

    let tokenIDs: [String: Int]
    let types: [TokenType]
    let encoder: BytePairEncoder
    /// The bytes each token decodes to, concatenated; token `i` is `pieceBytes[pieceOffsets[i]..<pieceOffsets[i+1]]`.
    let pieceBytes: [UInt8]
    let pieceOffsets: [Int]

    /// The tokenizer models implemented here (GGUF `tokenizer.ggml.model`).
    public static let supportedModels = ["gpt2"]

    /// Validates `vocabulary` and builds the lookup tables.
    /// - Throws: ``TokenizerError`` naming an unsupported model or pre-tokenizer (and the supported ones), a bad
    ///   merge rule, a token-type count mismatch or a special id outside the vocabulary.
    public init(vocabulary: TokenizerVocabulary) throws(TokenizerError) {
        guard Self.supportedModels.contains(vocabulary.model) else {
            throw .unsupportedModel(found: vocabulary.model, supported: Self.supportedModels)
        }
        preTokenizer = try PreTokenizer(named: vocabulary.preTokenizer)
        let count = vocabulary.tokens.count
        guard count > 0 else { throw .emptyVocabulary }
        guard vocabulary.tokenTypes.isEmpty || vocabulary.tokenTypes.count == count else {
            throw .tokenTypeCountMismatch(tokens: count, tokenTypes: vocabulary.tokenTypes.count)
        }
        for (name, id) in [
            ("bos", vocabulary.bosID), ("eos", vocabulary.eosID), ("unknown", vocabulary.unknownID),
            ("padding", vocabulary.paddingID),
        ] {
            if let id, !(0..<count).contains(id) {
                throw .specialTokenOutOfRange(name: name, id: id, vocabularySize: count)
            }
        }
        self.vocabulary = vocabulary
        types = vocabulary.tokenTypes.isEmpty
            ? [TokenType](repeating: .normal, count: count)
            : vocabulary.tokenTypes.map { TokenType(rawValue: $0) ?? .undefined }

        var ids: [String: Int] = [:]
        ids.reserveCapacity(count)
        for (id, token) in vocabulary.tokens.enumerated() where ids[token] == nil {
            ids[token] = id
        }
        tokenIDs = ids
        encoder = try BytePairEncoder(tokenIDs: ids, mergeRules: vocabulary.merges)

        var specials: [(text: String, id: Int, isControl: Bool)] = []
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(count + 1)
        for (id, token) in vocabulary.tokens.enumerated() {
            switch types[id] {
            case .control, .userDefined:
                specials.append((token, id, types[id] == .control))
                bytes.append(contentsOf: token.utf8)
            default:
                bytes.append(contentsOf: ByteLevelAlphabet.decode(token))
            }
            offsets.append(bytes.count)
        }
        specialTokens = SpecialTokenSplitter(tokens: specials)
        pieceBytes = bytes
        pieceOffsets = offsets
    }

    /// Number of tokens in the vocabulary; valid ids are `0..<vocabularySize`.
    public var vocabularySize: Int { types.count }
    /// Beginning-of-sequence token id.
    public var bosID: Int? { vocabulary.bosID }
    /// End-of-sequence token id.
    public var eosID: Int? { vocabulary.eosID }

    /// True for control (special) tokens such as `<|im_start|>`; false for other and out-of-range ids.
    public func isControl(_ id: Int) -> Bool {
        types.indices.contains(id) && types[id] == .control
    }

    /// The GGUF type of token `id`, or nil when `id` is out of range.
    public func tokenType(_ id: Int) -> TokenType? {
        types.indices.contains(id) ? types[id] : nil
    }

    /// The id of the token spelled exactly `token` in the vocabulary (byte-level spelling for normal tokens).
    public func tokenID(_ token: String) -> Int? { tokenIDs[token] }

    /// Tokens that end an assistant turn: `eosID` plus any control or user-defined token among the usual
    /// end-of-turn spellings (`<|im_end|>`, `<|endoftext|>`, `<|eot_id|>`, `<|end|>`, `<end_of_turn>`…).
    public var endOfTurnIDs: Set<Int> {
        var ids = Set<Int>()
        if let eos = vocabulary.eosID { ids.insert(eos) }
        for spelling in Self.endOfTurnSpellings {
            if let id = tokenIDs[spelling], types[id] == .control || types[id] == .userDefined {
                ids.insert(id)
            }
        }
        return ids
    }

    /// Whether every byte of `text` has a token, so that `decode(encode(text)) == text`.
    /// (Bytes without a token are dropped by `encode`; for SmolLM2 that is only U+0004, U+0006, U+0013, U+0014,
    /// U+0016, U+001D and scalars in U+40000…U+BFFFF.)
    public func isLossless(_ text: String) -> Bool {
        text.utf8.allSatisfy { encoder.byteTokenIDs[Int($0)] >= 0 }
    }

    static let endOfTurnSpellings = [
        "<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end|>", "<end_of_turn>", "<|end_of_text|>", "<|eom_id|>",
    ]
}
