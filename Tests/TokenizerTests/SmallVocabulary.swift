import Tokenizer

/// A tiny hand-made byte-level vocabulary for testing BPE and special tokens without the model.
///
///     id:  0 <unk> (control)  1 a  2 b  3 c  4 ab  5 bc  6 abc  7 aa  8 Ġ  9 Ġa  10 <s> (control)
///          11 <s>x (control)  12 <u> (user-defined)  13 Ã (byte C3)  14 © (byte A9)  15 Ã© ("é")
///     merges, highest priority first: "b c", "a b", "a a", "ab c", "Ġ a", "Ã ©"
enum SmallVocabulary {
    static let vocabulary = TokenizerVocabulary(
        tokens: ["<unk>", "a", "b", "c", "ab", "bc", "abc", "aa", "Ġ", "Ġa", "<s>", "<s>x", "<u>", "Ã", "©", "Ã©"],
        tokenTypes: [3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 4, 1, 1, 1],
        merges: ["b c", "a b", "a a", "ab c", "Ġ a", "Ã ©"],
        bosID: 10, eosID: 0, unknownID: 0, preTokenizer: "gpt2", model: "gpt2")

    static func tokenizer() throws -> Tokenizer { try Tokenizer(vocabulary: vocabulary) }
}
