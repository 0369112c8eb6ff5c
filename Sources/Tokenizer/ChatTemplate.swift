/// Chat prompt formats, recognised from a model's Jinja chat template and rendered natively (no Jinja engine).
///
/// - `chatml`: `<|im_start|>{role}\n{content}<|im_end|>\n` per message, then `<|im_start|>assistant\n` when a
///   generation prompt is asked for. When the first message is not a system message and a default system
///   prompt is given, a system message with it comes first (SmolLM2's template does this).
/// - `raw`: the message contents joined by `"\n"`, with nothing added (for base models).
public enum ChatTemplate: String, Sendable, CaseIterable {
    case chatml
    case raw

    /// The format `jinja` (GGUF `tokenizer.chat_template`) implements.
    ///
    /// A template using `<|im_start|>` / `<|im_end|>` around each message's role and content is `chatml`; a
    /// missing or blank template is `raw`.
    /// - Throws: ``TokenizerError/unknownChatTemplate(prefix:)`` quoting its first 80 characters.
    public static func detect(from jinja: String?) throws(TokenizerError) -> ChatTemplate {
        guard let jinja, jinja.contains(where: { !$0.isWhitespace }) else { return .raw }
        let mentionsRole = ["message['role']", "message[\"role\"]", "message.role"].contains { jinja.contains($0) }
        let mentionsContent = ["message['content']", "message[\"content\"]", "message.content"].contains {
            jinja.contains($0)
        }
        if jinja.contains("<|im_start|>"), jinja.contains("<|im_end|>"), mentionsRole, mentionsContent {
            return .chatml
        }
        throw .unknownChatTemplate(prefix: String(jinja.prefix(80)))
    }

    /// The system prompt a ChatML `jinja` template inserts when the conversation has none, e.g. SmolLM2's
    /// "You are a helpful AI assistant named SmolLM, trained by Hugging Face"; nil when it inserts none.
    ///
    /// Found as a literal `<|im_start|>system\n…<|im_end|>` inside the template (Jinja `\n` escapes undone).
    public static func defaultSystemPrompt(inJinja jinja: String?) -> String? {
        guard let jinja else { return nil }
        for header in ["<|im_start|>system\n", "<|im_start|>system\\n"] {
            var searchStart = jinja.startIndex
            while let headerRange = jinja[searchStart...].firstRange(of: header) {
                searchStart = headerRange.upperBound
                guard let endRange = jinja[headerRange.upperBound...].firstRange(of: "<|im_end|>")
                else { break }
                let literal = jinja[headerRange.upperBound..<endRange.lowerBound]
                let isLiteral = !["{", "}", "'", "\"", "+"].contains { literal.contains($0) }
                if isLiteral, !literal.isEmpty {
                    return String(literal.replacing("\\n", with: "\n"))
                }
            }
        }
        return nil
    }

    /// The prompt text for `messages`.
    /// - Parameters:
    ///   - addGenerationPrompt: end with the header of an assistant turn, so the model writes the reply.
    ///   - defaultSystemPrompt: system text to put first when `messages` does not start with a system message.
    public func render(_ messages: [ChatMessage], addGenerationPrompt: Bool, defaultSystemPrompt: String?) -> String {
        switch self {
        case .chatml:
            var text = ""
            for (index, message) in messages.enumerated() {
                if index == 0, message.role != "system", let defaultSystemPrompt {
                    text += "<|im_start|>system\n" + defaultSystemPrompt + "<|im_end|>\n"
                }
                text += "<|im_start|>" + message.role + "\n" + message.content + "<|im_end|>\n"
            }
            if addGenerationPrompt { text += "<|im_start|>assistant\n" }
            return text
        case .raw:
            return messages.map(\.content).joined(separator: "\n")
        }
    }
}
