/// `POST /v1/completions` request body (legacy text completions).
public struct CompletionRequest: Decodable, Sendable, Equatable {
    public var model: String
    public var prompt: PromptInput
    public var sampling: SamplingFields
    /// Reckon's reasoning extension (nil when absent).
    public var reckon: ReasoningField?

    enum CodingKeys: String, CodingKey { case model, prompt, reckon }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        prompt = try container.decode(PromptInput.self, forKey: .prompt)
        sampling = try SamplingFields(from: decoder)
        reckon = try container.decodeIfPresent(ReasoningField.self, forKey: .reckon)
    }
}
