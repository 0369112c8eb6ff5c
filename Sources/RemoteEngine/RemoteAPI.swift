import Engine
/// Which OpenAI-compatible endpoint a `RemoteGenerator` calls.
public enum RemoteAPI: String, Sendable, CaseIterable, Codable {
    /// `POST {baseURL}/completions`: the prompt is text or token ids, sent as is (no chat template).
    case completions
    /// `POST {baseURL}/chat/completions`: the prompt is a list of messages; the server applies its chat template.
    case chat

    /// The endpoint path relative to the base URL (which usually ends in `/v1`).
    public var path: String {
        switch self {
        case .completions: return "completions"
        case .chat: return "chat/completions"
        }
    }
}
