import Testing
import Tokenizer

@Suite("Chat templates")
struct ChatTemplateTests {
    @Test("SmolLM2's template is ChatML with its default system prompt")
    func detectSmolLM2() throws {
        let golden = try Fixtures.chatTemplateGolden()
        #expect(try ChatTemplate.detect(from: golden.template) == .chatml)
        #expect(ChatTemplate.defaultSystemPrompt(inJinja: golden.template) == golden.default_system_prompt)
        #expect(
            ChatTemplate.defaultSystemPrompt(inJinja: golden.template)
                == "You are a helpful AI assistant named SmolLM, trained by Hugging Face")
    }

    @Test("renders exactly what jinja2 renders from the model's template")
    func rendersLikeJinja() throws {
        let golden = try Fixtures.chatTemplateGolden()
        let systemPrompt = ChatTemplate.defaultSystemPrompt(inJinja: golden.template)
        #expect(golden.cases.count >= 4)
        for (index, testCase) in golden.cases.enumerated() {
            let messages = testCase.messages.map { ChatMessage(role: $0.role, content: $0.content) }
            let rendered = ChatTemplate.chatml.render(
                messages, addGenerationPrompt: testCase.add_generation_prompt, defaultSystemPrompt: systemPrompt)
            #expect(rendered == testCase.expected, "case #\(index)")
        }
    }

    @Test(
        "rendered conversations tokenize like the oracle",
        .enabled(if: DefaultTokenizer.shouldRun, DefaultTokenizer.skipReason))
    func renderedTokenIDs() throws {
        let tokenizer = try DefaultTokenizer.require()
        let golden = try Fixtures.chatTemplateGolden()
        #expect(try ChatTemplate.detect(from: tokenizer.vocabulary.chatTemplate) == .chatml)
        for (index, testCase) in golden.cases.enumerated() {
            #expect(tokenizer.encode(testCase.expected) == testCase.ids, "case #\(index)")
        }
    }

    @Test("detection variants")
    func detection() throws {
        #expect(try ChatTemplate.detect(from: nil) == .raw)
        #expect(try ChatTemplate.detect(from: " \n") == .raw)
        let qwenLike = "{%- for message in messages %}{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}{%- endfor %}"
        #expect(try ChatTemplate.detect(from: qwenLike) == .chatml)
        #expect(ChatTemplate.defaultSystemPrompt(inJinja: qwenLike) == nil)
        let escaped = "{%- if messages[0]['role'] == 'system' %}{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}"
            + "{%- else %}{{- '<|im_start|>system\\nYou are Qwen.\\nBe brief.<|im_end|>\\n' }}{%- endif %}"
        #expect(ChatTemplate.defaultSystemPrompt(inJinja: escaped) == "You are Qwen.\nBe brief.")
        #expect(ChatTemplate(rawValue: "chatml") == .chatml && ChatTemplate.allCases.count == 2)
    }

    @Test("hand-written renderings")
    func handRendered() {
        let messages = [ChatMessage(role: "user", content: "Hi"), ChatMessage(role: "assistant", content: "Hello!")]
        #expect(
            ChatTemplate.chatml.render(messages, addGenerationPrompt: false, defaultSystemPrompt: nil)
                == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n")
        #expect(
            ChatTemplate.chatml.render(messages, addGenerationPrompt: true, defaultSystemPrompt: "Be nice")
                == "<|im_start|>system\nBe nice<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>assistant\n")
        #expect(ChatTemplate.raw.render(messages, addGenerationPrompt: true, defaultSystemPrompt: "x") == "Hi\nHello!")
        #expect(ChatTemplate.chatml.render([], addGenerationPrompt: true, defaultSystemPrompt: "x") == "<|im_start|>assistant\n")
    }
}
