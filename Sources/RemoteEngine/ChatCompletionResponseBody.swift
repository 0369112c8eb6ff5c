import Engine
/// The parts of a `/v1/chat/completions` response that a `GenerationResult` needs.
struct ChatCompletionResponseBody: Decodable {
    struct Message: Decodable {
        /// `null` when the model produced no visible text (e.g. only a tool call); read as "".
        var content: String?
    }

    struct Choice: Decodable {
        var message: Message
        var finishReason: String?
        var stopReason: RemoteStopReason
        var logprobs: RemoteLogProbabilities?

        private enum CodingKeys: String, CodingKey {
            case message, finishReason = "finish_reason", stopReason = "stop_reason", logprobs
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try container.decode(Message.self, forKey: .message)
            finishReason = try container.decodeIfPresent(String.self, forKey: .finishReason)
            stopReason = try RemoteStopReason(from: container, key: .stopReason)
            logprobs = try container.decodeIfPresent(RemoteLogProbabilities.self, forKey: .logprobs)
        }
    }

    var choices: [Choice]
    var usage: RemoteUsage
}
