import Sampling
import Tokenizer

/// What to generate from: raw text, pre-tokenized ids, or a conversation rendered with the model's chat template.
public enum Prompt: Sendable, Equatable {
    case text(String)
    case tokens([Int])
    case chat([ChatMessage])
}

/// A user's generation request: the prompt, limits and sampling settings. Validated by the engine.
public struct GenerationRequest: Sendable, Equatable {
    public var prompt: Prompt
    /// Most tokens to generate (≥ 0).
    public var maxTokens: Int
    public var sampling: SamplingParameters
    /// Generation stops when the text contains any of these; the stop string is not part of the result.
    public var stop: [String]
    /// Recognise special tokens such as `<|im_start|>` written in the prompt text.
    public var parseSpecial: Bool
    /// Add BOS/EOS around the prompt as the model's metadata asks.
    public var addSpecial: Bool
    /// Never end at an end-of-sequence or end-of-turn token: those tokens are masked out before sampling (their
    /// logits set to −∞), so generation runs to `maxTokens`, a stop string or the context's end (benchmarks).
    public var ignoreEndOfSequence: Bool = false
    /// Per generated token, report its log-probability and those of the `k` most likely tokens (0...k) through a
    /// live session's `advance(until:onToken:onLogProbabilities:)` (see ``TokenLogProbabilities`` for the
    /// distribution reported). nil (the default): nothing is computed beyond the chosen token's log-probability.
    public var topLogProbabilities: Int? = nil

    public init(prompt: Prompt, maxTokens: Int = 128, sampling: SamplingParameters = .greedy, stop: [String] = [],
                parseSpecial: Bool = true, addSpecial: Bool = true) {
        self.prompt = prompt
        self.maxTokens = maxTokens
        self.sampling = sampling
        self.stop = stop
        self.parseSpecial = parseSpecial
        self.addSpecial = addSpecial
    }
}

/// Why generation ended.
public enum FinishReason: String, Sendable, Codable {
    /// The model produced an end-of-sequence or end-of-turn token.
    case endOfSequence = "eos"
    /// A stop string appeared.
    case stop
    /// `maxTokens` was reached (or the context window filled).
    case length
    /// The sequence's owner stopped it before it ended by itself (a live-batch strategy or a client that left).
    case stopped
}

/// The outcome of one generation.
public struct GenerationResult: Sendable, Equatable, Codable {
    /// Prompt token ids (empty when a remote server reports only their count).
    public var promptTokens: [Int]
    /// Number of prompt tokens processed.
    public var promptTokenCount: Int
    /// Generated token ids (the end-of-sequence token, if any, is not included; empty when a remote server does not
    /// report them, see `generatedTokenCount`).
    public var tokens: [Int]
    /// Number of generated tokens.
    public var generatedTokenCount: Int
    public var text: String
    public var finishReason: FinishReason
    /// Natural log-probability of each generated token under the unmodified model distribution (may be empty when
    /// a remote server returns none).
    public var tokenLogProbabilities: [Double]

    public init(promptTokens: [Int], promptTokenCount: Int? = nil, tokens: [Int], generatedTokenCount: Int? = nil,
                text: String, finishReason: FinishReason, tokenLogProbabilities: [Double]) {
        self.promptTokens = promptTokens
        self.promptTokenCount = promptTokenCount ?? promptTokens.count
        self.tokens = tokens
        self.generatedTokenCount = generatedTokenCount ?? tokens.count
        self.text = text
        self.finishReason = finishReason
        self.tokenLogProbabilities = tokenLogProbabilities
    }

    /// Mean log-probability per generated token (0 when none were reported).
    public var meanLogProbability: Double {
        tokenLogProbabilities.isEmpty ? 0 : tokenLogProbabilities.reduce(0, +) / Double(tokenLogProbabilities.count)
    }
}
