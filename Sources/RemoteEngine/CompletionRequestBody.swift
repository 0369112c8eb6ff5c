import Engine
/// The JSON body of `POST /v1/completions` (`n` choices, 1 by default).
///
/// `top_k`, `min_p` and `repetition_penalty` are not part of OpenAI's API but are accepted by vLLM and llama.cpp's
/// server; they are left out when they would have no effect, so a strict server sees only the usual fields.
struct CompletionRequestBody: Encodable, Equatable {
    /// Text, or pre-tokenized ids (vLLM and llama.cpp accept an array of integers).
    enum PromptField: Encodable, Equatable {
        case text(String)
        case tokens([Int])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .text(text): try container.encode(text)
            case let .tokens(ids): try container.encode(ids)
            }
        }
    }

    var model: String
    var prompt: PromptField
    var sampling: RemoteSamplingFields
    /// `1` asks for each generated token's log-probability (and its single most likely alternative).
    var logprobs: Int?

    private enum CodingKeys: String, CodingKey { case model, prompt, logprobs }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(prompt, forKey: .prompt)
        try container.encodeIfPresent(logprobs, forKey: .logprobs)
        try sampling.encode(to: encoder)
    }
}
