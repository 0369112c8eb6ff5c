/// `POST /v1/chat/completions` request body.
public struct ChatCompletionRequest: Decodable, Sendable, Equatable {
    public var model: String
    public var messages: [Message]
    public var sampling: SamplingFields
    /// Reckon's reasoning extension (nil when absent).
    public var reckon: ReasoningField?
    /// Tool calling and structured output are not supported: present and non-null, they are refused with 400.
    public var hasTools: Bool
    public var hasResponseFormat: Bool

    /// One message: `role` (`system`, `developer`, `user`, `assistant` or `tool`) and its text.
    public struct Message: Decodable, Sendable, Equatable {
        public var role: String
        public var content: MessageContent
    }

    enum CodingKeys: String, CodingKey { case model, messages, tools, reckon, responseFormat = "response_format" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        messages = try container.decode([Message].self, forKey: .messages)
        hasTools = try container.contains(.tools) && !container.decodeNil(forKey: .tools)
        hasResponseFormat = try container.contains(.responseFormat) && !container.decodeNil(forKey: .responseFormat)
        sampling = try SamplingFields(from: decoder)
        reckon = try container.decodeIfPresent(ReasoningField.self, forKey: .reckon)
    }
}
