/// One turn of a conversation.
public struct ChatMessage: Sendable, Codable, Equatable, Hashable {
    /// `"system"`, `"user"` or `"assistant"` (any string is passed through to the template).
    public var role: String
    /// The message text.
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
