import Engine
/// `usage` in a completion response: token counts as the server's tokenizer sees them.
struct RemoteUsage: Decodable, Equatable {
    var promptTokens: Int
    var completionTokens: Int

    private enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
    }
}
