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
        /// Present when the request set `logprobs` (written as null otherwise).
        public var logprobs: CompletionLogprobs?

        public init(index: Int, text: String, finishReason: String, logprobs: CompletionLogprobs? = nil) {
            self.index = index
            self.text = text
            self.finishReason = finishReason
            self.logprobs = logprobs
        }

        enum CodingKeys: String, CodingKey { case index, text, logprobs, finishReason = "finish_reason" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(text, forKey: .text)
            try container.encode(logprobs, forKey: .logprobs)
            try container.encode(finishReason, forKey: .finishReason)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage, systemFingerprint = "system_fingerprint"
    }
}
