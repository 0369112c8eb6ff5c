/// `text_completion`: the answer of `POST /v1/completions` without streaming.
public struct CompletionResponse: Codable, Sendable, Equatable {
    public var id: String
    public var object = "text_completion"
    public var created: Int
    public var model: String
    public var systemFingerprint: String
    public var choices: [Choice]
    public var usage: Usage

    public struct Choice: Codable, Sendable, Equatable {
        public var index: Int
        public var text: String
        /// `stop` (end of sequence or a stop string) or `length` (max tokens or the context's end).
        public var finishReason: String

        enum CodingKeys: String, CodingKey { case index, text, finishReason = "finish_reason" }
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage, systemFingerprint = "system_fingerprint"
    }
}
