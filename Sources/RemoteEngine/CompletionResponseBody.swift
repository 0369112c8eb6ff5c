import Engine
/// The parts of a `/v1/completions` response that a `GenerationResult` needs.
struct CompletionResponseBody: Decodable {
    struct Choice: Decodable {
        var text: String
        var finishReason: String?
        var stopReason: RemoteStopReason
        var logprobs: RemoteLogProbabilities?

        private enum CodingKeys: String, CodingKey {
            case text, finishReason = "finish_reason", stopReason = "stop_reason", logprobs
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            finishReason = try container.decodeIfPresent(String.self, forKey: .finishReason)
            stopReason = try RemoteStopReason(from: container, key: .stopReason)
            logprobs = try container.decodeIfPresent(RemoteLogProbabilities.self, forKey: .logprobs)
        }
    }

    var choices: [Choice]
    var usage: RemoteUsage
}
