import Testing
import Tokenizer

/// The golden fixture itself (needs no model).
@Suite("Golden fixture")
struct GoldenFixtureTests {
    @Test("fixture has the required variety", .tags(.golden))
    func fixtureVariety() throws {
        let golden = try Fixtures.goldenTokenizations()
        #expect(golden.count >= 40)
        let texts = golden.map(\.text)
        #expect(texts.contains { $0.contains("<|im_start|>") })
        #expect(texts.contains { $0.contains("\u{200D}") })  // ZWJ emoji
        #expect(texts.contains { $0.utf8.count >= 10_000 })
        #expect(golden.contains { $0.ids != $0.ids_no_special_parsing })
        #expect(golden.contains { $0.ids != $0.ids_gpt2_pretokenizer })
    }
}

/// Token ids of the default model's tokenizer against HF `tokenizers` (the oracle script), text by text.
@Suite("Golden tokenization (oracle: HF tokenizers)", .enabled(if: DefaultTokenizer.shouldRun, DefaultTokenizer.skipReason))
struct GoldenTokenizationTests {
    @Test("encode with special tokens parsed", .tags(.golden), arguments: try Fixtures.goldenTokenizations())
    func specialParsing(_ golden: GoldenTokenization) throws {
        let tokenizer = try DefaultTokenizer.require()
        #expect(tokenizer.encode(golden.text, addSpecial: false, parseSpecial: true) == golden.ids)
    }

    @Test("encode with special tokens as plain text", .tags(.golden), arguments: try Fixtures.goldenTokenizations())
    func noSpecialParsing(_ golden: GoldenTokenization) throws {
        let tokenizer = try DefaultTokenizer.require()
        #expect(tokenizer.encode(golden.text, addSpecial: false, parseSpecial: false) == golden.ids_no_special_parsing)
    }

    @Test("encode with the plain gpt2 pre-tokenizer", .tags(.golden), arguments: try Fixtures.goldenTokenizations())
    func gpt2PreTokenizer(_ golden: GoldenTokenization) throws {
        let tokenizer = try GPT2Variant.cached.get()
        #expect(tokenizer.encode(golden.text, addSpecial: false) == golden.ids_gpt2_pretokenizer)
    }

    @Test("decode of the oracle's ids gives the text back", .tags(.golden), arguments: try Fixtures.goldenTokenizations())
    func decodeOracleIDs(_ golden: GoldenTokenization) throws {
        let tokenizer = try DefaultTokenizer.require()
        let expected = String(golden.text.unicodeScalars.filter { tokenizer.isLossless(String($0)) }.map(Character.init))
        #expect(tokenizer.decode(golden.ids) == expected)
        #expect(tokenizer.decode(golden.ids_no_special_parsing) == expected)
    }

    @Test("addSpecial follows the vocabulary's BOS/EOS flags")
    func addSpecialFlags() throws {
        let tokenizer = try DefaultTokenizer.require()
        // SmolLM2: add_bos_token = false, no add_eos_token.
        #expect(tokenizer.encode("Hi", addSpecial: true) == tokenizer.encode("Hi", addSpecial: false))
        var vocabulary = tokenizer.vocabulary
        vocabulary.addBOS = true
        vocabulary.addEOS = true
        let both = try Tokenizer(vocabulary: vocabulary)
        #expect(both.encode("Hi", addSpecial: true) == [1] + tokenizer.encode("Hi", addSpecial: false) + [2])
        #expect(both.encode("Hi", addSpecial: false) == tokenizer.encode("Hi", addSpecial: false))
    }

    /// The ids, pieces and token types below are printed by Scripts/oracle/model_facts.py (gguf-py).
    @Test("special ids, control tokens and end-of-turn set of SmolLM2")
    func specialIDs() throws {
        let tokenizer = try DefaultTokenizer.require()
        #expect(tokenizer.vocabularySize == 49152)
        #expect(tokenizer.bosID == 1)
        #expect(tokenizer.eosID == 2)
        #expect(tokenizer.endOfTurnIDs == [0, 2])  // <|endoftext|>, <|im_end|>
        #expect(tokenizer.isControl(1))
        #expect(!tokenizer.isControl(17))
        #expect(!tokenizer.isControl(-1) && !tokenizer.isControl(49152))
        #expect(tokenizer.piece(2) == "<|im_end|>")
        #expect(tokenizer.tokenID("<|im_start|>") == 1)
        #expect(tokenizer.decode([1, 4093, 198, 2], skipSpecial: true) == "user\n")
        #expect(tokenizer.decode([1, 4093, 198, 2], skipSpecial: false) == "<|im_start|>user\n<|im_end|>")
        #expect(tokenizer.decode([49152, -3]) == "\u{FFFD}\u{FFFD}")
    }
}

/// The gpt2-pre-tokenizer variant of the default vocabulary, built once.
enum GPT2Variant {
    static let cached: Result<Tokenizer, any Error> = Result {
        var vocabulary = try DefaultTokenizer.require().vocabulary
        vocabulary.preTokenizer = "gpt2"
        return try Tokenizer(vocabulary: vocabulary)
    }
}

extension Tag {
    @Tag static var golden: Self
}
