/// `chat.completion`: the answer of `POST /v1/chat/completions` without streaming.
public struct ChatCompletionResponse: Codable, Sendable, Equatable {
    public var id: String
    public var object = "chat.completion"
    public var created: Int
    public var model: String
    public var systemFingerprint: String
    public var choices: [Choice]
    public var usage: Usage

    public struct Choice: Codable, Sendable, Equatable {
        public var index: Int
        public var message: AssistantMessage
        /// `stop` (end of turn or a stop string) or `length` (max tokens or the context's end).
        public var finishReason: String

        enum CodingKeys: String, CodingKey { case index, message, finishReason = "finish_reason" }
    }

    public struct AssistantMessage: Codable, Sendable, Equatable {
        public var role = "assistant"
        public var content: String
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage, systemFingerprint = "system_fingerprint"
    }
}
