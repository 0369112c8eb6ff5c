/// The generation fields `/v1/completions` and `/v1/chat/completions` share, as the client sent them (nil when
/// absent). `top_k`, `min_p` and `repetition_penalty` are extensions under vLLM's names (send them with the Python
/// client's `extra_body`). Unknown fields are ignored.
public struct SamplingFields: Decodable, Sendable, Equatable {
    public var n: Int?
    /// Any 64-bit integer, signed or unsigned (``RequestSeed``).
    public var seed: RequestSeed?
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var minP: Double?
    public var repetitionPenalty: Double?
    public var maxTokens: Int?
    public var maxCompletionTokens: Int?
    public var stop: StopInput?
    public var stream: Bool?
    public var streamOptions: StreamOptions?
    /// Chat: a boolean (with `top_logprobs` 0...20 alternatives); completions: an integer 0...5 (alternatives).
    public var logprobs: LogprobsField?
    /// Chat only: alternatives per token (0...20), allowed only with `logprobs: true`.
    public var topLogprobs: Int?
    public var echo: Bool?
    public var bestOf: Int?
    public var suffix: String?
    /// vLLM's and llama-server's extension: `true` generates exactly `max_tokens` tokens, never stopping at an
    /// end-of-sequence token (stop strings still stop); for benchmarks that need a fixed output length.
    public var ignoreEOS: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case n, seed, temperature, stop, stream, logprobs, echo, suffix
        case topP = "top_p", topK = "top_k", minP = "min_p", repetitionPenalty = "repetition_penalty"
        case maxTokens = "max_tokens", maxCompletionTokens = "max_completion_tokens"
        case streamOptions = "stream_options", topLogprobs = "top_logprobs", bestOf = "best_of"
        case ignoreEOS = "ignore_eos"
    }
}

/// `logprobs`: an integer in `/v1/completions`, a boolean in `/v1/chat/completions`; either is accepted here.
public enum LogprobsField: Decodable, Sendable, Equatable {
    case count(Int)
    case flag(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let count = try? container.decode(Int.self) {
            self = .count(count)
        } else {
            throw DecodingError.typeMismatch(Int.self, .init(
                codingPath: decoder.codingPath, debugDescription: "expected an integer or a boolean"))
        }
    }

    /// Whether any log-probabilities are asked for.
    public var isRequested: Bool {
        switch self {
        case let .count(count): return count > 0
        case let .flag(flag): return flag
        }
    }
}
