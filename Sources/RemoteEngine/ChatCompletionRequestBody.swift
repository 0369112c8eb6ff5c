import Engine
import Tokenizer

/// The JSON body of `POST /v1/chat/completions` (`n` choices, 1 by default).
struct ChatCompletionRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        var content: String
    }

    var model: String
    var messages: [Message]
    var sampling: RemoteSamplingFields
    /// `true` asks for each generated token's log-probability (`choices[].logprobs.content[].logprob`).
    var logprobs: Bool?

    init(model: String, messages: [ChatMessage], sampling: RemoteSamplingFields, logprobs: Bool?) {
        self.model = model
        self.messages = messages.map { Message(role: $0.role, content: $0.content) }
        self.sampling = sampling
        self.logprobs = logprobs
    }

    private enum CodingKeys: String, CodingKey { case model, messages, logprobs }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(messages, forKey: .messages)
        try container.encodeIfPresent(logprobs, forKey: .logprobs)
        try sampling.encode(to: encoder)
    }
}
