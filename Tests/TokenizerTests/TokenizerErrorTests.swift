import Testing
import Tokenizer

@Suite("Error messages")
struct TokenizerErrorTests {
    static func vocabulary(
        model: String = "gpt2", pre: String = "gpt2", tokens: [String] = ["a", "b", "ab"],
        types: [Int] = [], merges: [String] = ["a b"], bos: Int? = nil
    ) -> TokenizerVocabulary {
        TokenizerVocabulary(tokens: tokens, tokenTypes: types, merges: merges, bosID: bos, preTokenizer: pre, model: model)
    }

    static func message(_ vocabulary: TokenizerVocabulary) -> String? {
        do {
            _ = try Tokenizer(vocabulary: vocabulary)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("unsupported model names it and the supported ones")
    func unsupportedModel() {
        #expect(
            Self.message(Self.vocabulary(model: "llama"))
                == "unsupported tokenizer model \"llama\" (tokenizer.ggml.model); supported: gpt2. "
                + "Use a model whose tokenizer is one of these.")
    }

    @Test("unsupported pre-tokenizer names it and the supported ones")
    func unsupportedPreTokenizer() throws {
        let message = try #require(Self.message(Self.vocabulary(pre: "qwen2")))
        #expect(message.hasPrefix("unsupported pre-tokenizer \"qwen2\" (tokenizer.ggml.pre); supported: gpt2, smollm."))
        #expect(message.contains("PreTokenizer.swift"))
    }

    @Test("bad merge rules say which rule and why")
    func invalidMerges() throws {
        let missing = try #require(Self.message(Self.vocabulary(merges: ["a b", "a z"])))
        #expect(missing.hasPrefix("merge rule #1 \"a z\" (tokenizer.ggml.merges) is invalid: \"z\" is not in the vocabulary."))
        let noSpace = try #require(Self.message(Self.vocabulary(merges: ["ab"])))
        #expect(noSpace.contains("merge rule #0 \"ab\""))
        #expect(noSpace.contains("not two tokens separated by one space"))
        let noResult = try #require(Self.message(Self.vocabulary(tokens: ["a", "b"], merges: ["a b"])))
        #expect(noResult.contains("\"ab\" is not in the vocabulary"))
    }

    @Test("inconsistent vocabularies")
    func inconsistent() {
        #expect(
            Self.message(Self.vocabulary(types: [1, 1]))
                == "expected one token type per token (3) or none, found 2 token types (tokenizer.ggml.token_type); the model file is inconsistent.")
        #expect(
            Self.message(Self.vocabulary(bos: 3))
                == "bos token id 3 is outside the vocabulary (0..<3); the model file is inconsistent.")
        #expect(Self.message(Self.vocabulary(tokens: [], merges: []))?.contains("no tokens") == true)
    }

    @Test("unknown chat template quotes its start and names --template")
    func unknownChatTemplate() {
        let jinja = "{% for message in messages %}[INST] {{ message['content'] }} [/INST]{% endfor %}"  // 80 characters
            + "{% if add_generation_prompt %}{% endif %}"
        #expect(throws: TokenizerError.unknownChatTemplate(prefix: String(jinja.prefix(80)))) {
            try ChatTemplate.detect(from: jinja)
        }
        let error = TokenizerError.unknownChatTemplate(prefix: String(jinja.prefix(80)))
        #expect(
            error.description
                == "the model's chat template is not one Reckon recognises (it begins \"{% for message in messages %}[INST] {{ message['content'] }} [/INST]{% endfor %}\"); "
                + "choose one explicitly with --template chatml|raw.")
    }
}
