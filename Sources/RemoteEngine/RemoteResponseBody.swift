import Engine

/// Where a choice's text lives: `text` in `/v1/completions`, `message.content` in `/v1/chat/completions`.
protocol RemoteChoiceText {
    static func decode(from container: KeyedDecodingContainer<RemoteResponseBody<Self>.Choice.CodingKeys>) throws -> String
}

/// `/v1/completions`: the choice's `text` (required).
enum CompletionChoiceText: RemoteChoiceText {
    static func decode(from container: KeyedDecodingContainer<RemoteResponseBody<Self>.Choice.CodingKeys>) throws -> String {
        try container.decode(String.self, forKey: .text)
    }
}

/// `/v1/chat/completions`: the choice's `message` (required); its `content` is `null` when the model produced no
/// visible text (e.g. only a tool call), read as "".
enum ChatChoiceText: RemoteChoiceText {
    private struct Message: Decodable { var content: String? }

    static func decode(from container: KeyedDecodingContainer<RemoteResponseBody<Self>.Choice.CodingKeys>) throws -> String {
        try container.decode(Message.self, forKey: .message).content ?? ""
    }
}

/// The parts of a completions or chat-completions response that a `GenerationResult` needs.
struct RemoteResponseBody<Text: RemoteChoiceText>: Decodable {
    struct Choice: Decodable {
        var text: String
        var finishReason: String?
        var stopReason: RemoteStopReason
        /// Position of the choice among the `n` asked for (servers may return them out of order).
        var index: Int?
        var logprobs: RemoteLogProbabilities?

        enum CodingKeys: String, CodingKey {
            case index, text, message, finishReason = "finish_reason", stopReason = "stop_reason", logprobs
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try Text.decode(from: container)
            finishReason = try container.decodeIfPresent(String.self, forKey: .finishReason)
            stopReason = try RemoteStopReason(from: container, key: .stopReason)
            index = try container.decodeIfPresent(Int.self, forKey: .index)
            logprobs = try container.decodeIfPresent(RemoteLogProbabilities.self, forKey: .logprobs)
        }
    }

    var choices: [Choice]
    var usage: RemoteUsage
}
