import Engine
/// The parts of a `/v1/completions` response that a `GenerationResult` needs.
struct CompletionResponseBody: Decodable {
    struct Choice: Decodable {
        var text: String
        var finishReason: String?
        var stopReason: RemoteStopReason
        /// Position of the choice among the `n` asked for (servers may return them out of order).
        var index: Int?
        var logprobs: RemoteLogProbabilities?

        private enum CodingKeys: String, CodingKey {
            case index, text, finishReason = "finish_reason", stopReason = "stop_reason", logprobs
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            finishReason = try container.decodeIfPresent(String.self, forKey: .finishReason)
            stopReason = try RemoteStopReason(from: container, key: .stopReason)
            index = try container.decodeIfPresent(Int.self, forKey: .index)
            logprobs = try container.decodeIfPresent(RemoteLogProbabilities.self, forKey: .logprobs)
        }
    }

    var choices: [Choice]
    var usage: RemoteUsage
}
