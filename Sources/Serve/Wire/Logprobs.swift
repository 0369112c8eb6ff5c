/// Log-probabilities in OpenAI's two shapes. Values are natural logs of the model's raw distribution (log-softmax of
/// the logits at temperature 1, whatever sampling settings were used; see `TokenLogProbabilities`), floored at
/// ``floor`` because JSON has no −∞.
public enum Logprobs {
    /// The lowest value written (vLLM's floor).
    public static let floor = -9999.0

    static func clamped(_ value: Double) -> Double { value.isNaN || value < floor ? floor : value }
}

/// `choices[i].logprobs` of `/v1/chat/completions` (and of each streamed chunk): one entry per generated token.
public struct ChatLogprobs: Codable, Sendable, Equatable {
    public var content: [ChatTokenLogprob]

    public init(content: [ChatTokenLogprob]) { self.content = content }

    enum CodingKeys: String, CodingKey { case content, refusal }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        content = try container.decode([ChatTokenLogprob].self, forKey: .content)
    }

    /// `{"content": [...], "refusal": null}` as OpenAI writes it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(content, forKey: .content)
        try container.encodeNil(forKey: .refusal)
    }
}

/// One generated token of ``ChatLogprobs``: its text, log-probability, UTF-8 bytes, and the most likely tokens of
/// its position (`top_logprobs`, `[]` when none were asked for).
public struct ChatTokenLogprob: Codable, Sendable, Equatable {
    /// The token's text (its bytes read as UTF-8; a token holding part of a character shows U+FFFD, and `bytes`
    /// keeps the exact bytes).
    public var token: String
    public var logprob: Double
    public var bytes: [UInt8]
    public var topLogprobs: [Alternative]

    public struct Alternative: Codable, Sendable, Equatable {
        public var token: String
        public var logprob: Double
        public var bytes: [UInt8]
    }

    enum CodingKeys: String, CodingKey { case token, logprob, bytes, topLogprobs = "top_logprobs" }
}

/// `choices[i].logprobs` of `/v1/completions` (legacy): parallel arrays, one entry per generated token.
/// `top_logprobs[i]` maps token text to log-probability for the `logprobs` most likely tokens plus the chosen one
/// (so up to `logprobs + 1` entries; tokens with the same text keep the higher value). `text_offset[i]` is where
/// token `i` starts in the choice's text, in Unicode scalars (Python's string indices) of the tokens' bytes before it.
public struct CompletionLogprobs: Codable, Sendable, Equatable {
    public var tokens: [String]
    public var tokenLogprobs: [Double]
    public var topLogprobs: [[String: Double]]
    public var textOffset: [Int]

    public init(tokens: [String] = [], tokenLogprobs: [Double] = [], topLogprobs: [[String: Double]] = [],
                textOffset: [Int] = []) {
        self.tokens = tokens
        self.tokenLogprobs = tokenLogprobs
        self.topLogprobs = topLogprobs
        self.textOffset = textOffset
    }

    enum CodingKeys: String, CodingKey {
        case tokens, tokenLogprobs = "token_logprobs", topLogprobs = "top_logprobs", textOffset = "text_offset"
    }
}
