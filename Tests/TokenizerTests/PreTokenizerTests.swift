import Testing
import Tokenizer

@Suite("Stage 2: pre-tokenizers")
struct PreTokenizerTests {
    // Expected words worked out by hand from the regex
    // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+ (smollm: digits isolated first).
    static let cases: [(text: String, gpt2: [String], smollm: [String])] = [
        ("Hello world", ["Hello", " world"], ["Hello", " world"]),
        ("Hello  world", ["Hello", " ", " world"], ["Hello", " ", " world"]),
        ("a\t\tb", ["a", "\t", "\t", "b"], ["a", "\t", "\t", "b"]),
        ("x  ", ["x", "  "], ["x", "  "]),
        ("\n\nHi", ["\n", "\n", "Hi"], ["\n", "\n", "Hi"]),
        ("I'm you'RE", ["I", "'m", " you", "'", "RE"], ["I", "'m", " you", "'", "RE"]),
        ("  ''s", [" ", " ''", "s"], [" ", " ''", "s"]),
        ("we'll they've", ["we", "'ll", " they", "'ve"], ["we", "'ll", " they", "'ve"]),
        ("a1b22", ["a", "1", "b", "22"], ["a", "1", "b", "2", "2"]),
        (" 123", [" 123"], [" ", "1", "2", "3"]),
        ("x 1", ["x", " 1"], ["x", " ", "1"]),
        ("x½y²", ["x", "½", "y", "²"], ["x", "½", "y", "²"]),
        ("...!? ;)", ["...!?", " ;)"], ["...!?", " ;)"]),
        ("a \u{A0}b", ["a", " ", "\u{A0}", "b"], ["a", " ", "\u{A0}", "b"]),
        ("日本語です。", ["日本語です", "。"], ["日本語です", "。"]),
        ("e\u{301}!", ["e", "\u{301}!"], ["e", "\u{301}!"]),
        ("👍🏽! ok", ["👍🏽!", " ok"], ["👍🏽!", " ok"]),
        ("", [], []),
    ]

    @Test("hand-worked splits", arguments: cases.indices)
    func handWorked(_ index: Int) {
        let (text, gpt2, smollm) = Self.cases[index]
        #expect(PreTokenizer.gpt2.split(text) == gpt2, "gpt2 on \(String(reflecting: text))")
        #expect(PreTokenizer.smollm.split(text) == smollm, "smollm on \(String(reflecting: text))")
    }

    @Test("words tile the text (2000 random strings per pre-tokenizer)")
    func wordsTileText() {
        let seed: UInt64 = 0x5EED_0002
        var generator = SplitMix64(seed: seed)
        for index in 0..<2000 {
            let text = RandomText.string(using: &generator)
            for preTokenizer in PreTokenizer.allCases {
                let words = preTokenizer.split(text)
                #expect(words.joined() == text, "seed \(seed), string #\(index) \(String(reflecting: text))")
                #expect(!words.contains(""), "seed \(seed), string #\(index): empty word")
            }
        }
    }

    @Test("names follow GGUF tokenizer.ggml.pre")
    func names() throws {
        #expect(try PreTokenizer(named: "smollm") == .smollm)
        #expect(try PreTokenizer(named: "gpt2") == .gpt2)
        #expect(throws: TokenizerError.unsupportedPreTokenizer(found: "llama-bpe", supported: ["gpt2", "smollm"])) {
            try PreTokenizer(named: "llama-bpe")
        }
    }
}
