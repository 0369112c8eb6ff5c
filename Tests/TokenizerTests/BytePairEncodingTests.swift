import Testing
import Tokenizer

@Suite("Stage 4: BPE merges (hand-made vocabulary)")
struct BytePairEncodingTests {
    // Expected ids worked out by hand from SmallVocabulary's merge ranks.
    @Test("merge order", arguments: [
        ("ab", [4]),
        ("abc", [1, 5]),  // "b c" outranks "a b": a + bc, and "a bc" is no rule, so not abc
        ("abcab", [1, 5, 4]),
        ("aaa", [7, 1]),  // equal ranks: leftmost pair first
        ("aaaa", [7, 7]),
        (" a", [9]),
        ("a b", [1, 8, 2]),  // words "a", " b"; "Ġ b" is no rule
        ("d", []),  // byte without a token: dropped, as HF tokenizers and llama.cpp do
        ("adb", [1, 2]),
        ("é", [15]),  // C3 A9 spelled "Ã©"
        ("", []),
    ])
    func mergeOrder(text: String, expected: [Int]) throws {
        #expect(try SmallVocabulary.tokenizer().encode(text, addSpecial: false) == expected)
    }

    @Test("decode reverses merges and the byte alphabet")
    func decode() throws {
        let tokenizer = try SmallVocabulary.tokenizer()
        #expect(tokenizer.decode([1, 5, 9, 15]) == "abc aé")
        #expect(tokenizer.piece(13) == "\u{FFFD}")  // a lone C3 byte
        #expect(tokenizer.bytes(of: 13) == [0xC3])
        #expect(tokenizer.piece(8) == " ")
    }
}

@Suite("Stage 1: special-token splitting (hand-made vocabulary)")
struct SpecialTokenSplitterTests {
    @Test("longest match at the leftmost position")
    func longestMatch() throws {
        let splitter = try SmallVocabulary.tokenizer().specialTokens
        #expect(splitter.split("a<s>xb<s>") == [.text("a"), .special(id: 11), .text("b"), .special(id: 10)])
        #expect(splitter.split("<s><s>x<u>") == [.special(id: 10), .special(id: 11), .special(id: 12)])
        #expect(splitter.split("<s") == [.text("<s")])
        #expect(splitter.split("") == [])
    }

    @Test("control tokens are plain text without parseSpecial; user-defined ones are always tokens")
    func parseSpecialFlag() throws {
        let splitter = try SmallVocabulary.tokenizer().specialTokens
        #expect(splitter.split("a<s>x<u>", parseSpecial: false) == [.text("a<s>x"), .special(id: 12)])
    }

    @Test("leftmost beats longer-but-later")
    func leftmostFirst() throws {
        let vocabulary = TokenizerVocabulary(
            tokens: ["a", "b", "c", "d", "ab", "bcd"], tokenTypes: [1, 1, 1, 1, 3, 3], merges: [])
        let splitter = try Tokenizer(vocabulary: vocabulary).specialTokens
        #expect(splitter.split("abcd") == [.special(id: 4), .text("cd")])
        #expect(splitter.split("xbcd") == [.text("x"), .special(id: 5)])
    }

    @Test("special tokens are not merged with neighbours and cut pre-tokenization")
    func encodeAround() throws {
        let tokenizer = try SmallVocabulary.tokenizer()
        #expect(tokenizer.encode("a<s>b", addSpecial: false) == [1, 10, 2])
        #expect(tokenizer.encode("a<s>b", addSpecial: false, parseSpecial: false) == [1, 2])  // <, s, > have no tokens
        #expect(tokenizer.encode("ab", addSpecial: true) == [4])  // addBOS is false
    }
}
