/// Token counts of one response: prompt tokens once per prompt (whatever `n` is), completion tokens summed over
/// every choice. `prompt_tokens_details.cached_tokens` (OpenAI's field) counts the prompt tokens whose keys and
/// values came from the prefix cache; it is present only when the server has one.
public struct Usage: Codable, Sendable, Equatable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var promptTokensDetails: PromptTokensDetails?

    public init(promptTokens: Int, completionTokens: Int, cachedTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        totalTokens = promptTokens + completionTokens
        promptTokensDetails = cachedTokens.map { PromptTokensDetails(cachedTokens: $0) }
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", totalTokens = "total_tokens"
        case promptTokensDetails = "prompt_tokens_details"
    }

    /// `prompt_tokens_details`.
    public struct PromptTokensDetails: Codable, Sendable, Equatable {
        /// Prompt tokens taken from the prefix cache instead of computed.
        public var cachedTokens: Int
        public init(cachedTokens: Int) { self.cachedTokens = cachedTokens }
        enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
    }
}
