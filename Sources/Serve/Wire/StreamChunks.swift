/// One server-sent event of a streamed `/v1/completions` answer (`object: text_completion`). The last chunk,
/// sent only when `stream_options.include_usage` is true, has no choices and carries `usage`.
public struct CompletionChunk: Codable, Sendable, Equatable {
    public var id: String
    public var object = "text_completion"
    public var created: Int
    public var model: String
    public var choices: [Choice]
    public var usage: Usage?

    public struct Choice: Codable, Sendable, Equatable {
        public var index: Int
        public var text: String
        /// nil until the choice's last chunk.
        public var finishReason: String?
        /// The log-probabilities of the tokens this chunk's text came from (with `logprobs`; null otherwise).
        public var logprobs: CompletionLogprobs?

        public init(index: Int, text: String, finishReason: String? = nil, logprobs: CompletionLogprobs? = nil) {
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
}

/// One server-sent event of a streamed `/v1/chat/completions` answer (`object: chat.completion.chunk`): a choice's
/// first chunk has `delta.role`, then `delta.content` pieces, then an empty delta with `finish_reason`. The last
/// chunk, only with `stream_options.include_usage`, has no choices and carries `usage`.
public struct ChatCompletionChunk: Codable, Sendable, Equatable {
    public var id: String
    public var object = "chat.completion.chunk"
    public var created: Int
    public var model: String
    public var choices: [Choice]
    public var usage: Usage?

    public struct Choice: Codable, Sendable, Equatable {
        public var index: Int
        public var delta: Delta
        public var finishReason: String?
        /// The log-probabilities of the tokens this chunk's content came from (with `logprobs`; null otherwise).
        public var logprobs: ChatLogprobs?

        public init(index: Int, delta: Delta, finishReason: String? = nil, logprobs: ChatLogprobs? = nil) {
            self.index = index
            self.delta = delta
            self.finishReason = finishReason
            self.logprobs = logprobs
        }

        enum CodingKeys: String, CodingKey { case index, delta, logprobs, finishReason = "finish_reason" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(delta, forKey: .delta)
            try container.encode(logprobs, forKey: .logprobs)
            try container.encode(finishReason, forKey: .finishReason)
        }
    }

    public struct Delta: Codable, Sendable, Equatable {
        public var role: String?
        public var content: String?
    }
}
