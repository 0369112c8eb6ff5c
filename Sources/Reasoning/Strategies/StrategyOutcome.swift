/// What a strategy decided for one problem and what it cost ("as if" it had run alone: a strategy that would
/// have stopped after 5 samples is charged for 5).
public struct StrategyOutcome: Sendable, Codable, Equatable {
    /// The chosen answer's key (`nil`: no answer).
    public var answerKey: String?
    /// Whether the chosen answer was graded correct.
    public var correct: Bool
    /// Samples started.
    public var samplesUsed: Int
    /// Prompt tokens processed (once when the prompt is shared between samples, see ``CostContext``).
    public var promptTokens: Int
    /// Tokens generated, counting partial samples up to where they were stopped.
    public var generatedTokens: Int
    /// Estimated forward FLOPs (0 without a cost model).
    public var flops: Double
    /// KV-cache bytes held if the used samples ran together (0 without a cost model).
    public var kvCacheBytes: Double
    /// What running the strategy online really used on this problem; `nil` for a replay, whose costs above are
    /// estimates. Online, `generatedTokens` and `promptTokens` above equal the measured ones.
    public var measured: MeasuredCompute?

    public init(
        answerKey: String?, correct: Bool, samplesUsed: Int, promptTokens: Int, generatedTokens: Int, flops: Double,
        kvCacheBytes: Double
    ) {
        self.answerKey = answerKey
        self.correct = correct
        self.samplesUsed = samplesUsed
        self.promptTokens = promptTokens
        self.generatedTokens = generatedTokens
        self.flops = flops
        self.kvCacheBytes = kvCacheBytes
        self.measured = nil
    }
}

/// Compute an online run really spent on one problem (or a whole strategy), counted by the live batch.
public struct MeasuredCompute: Sendable, Codable, Equatable {
    /// Prompt tokens prefilled (a prompt shared by the samples counts once).
    public var promptTokens: Int
    /// Tokens generated, stopped samples included up to where they were stopped.
    public var generatedTokens: Int
    /// Batched forward passes taken part in (each prefill counts one).
    public var forwardPasses: Int
    /// Most KV pages held at once.
    public var peakKVPages: Int
    /// `peakKVPages` in bytes (pages × positions per page × bytes per position).
    public var peakKVBytes: Double
    /// Wall-clock seconds from the first prefill to the decision.
    public var wallSeconds: Double

    public init(promptTokens: Int, generatedTokens: Int, forwardPasses: Int, peakKVPages: Int, peakKVBytes: Double,
                wallSeconds: Double) {
        self.promptTokens = promptTokens
        self.generatedTokens = generatedTokens
        self.forwardPasses = forwardPasses
        self.peakKVPages = peakKVPages
        self.peakKVBytes = peakKVBytes
        self.wallSeconds = wallSeconds
    }
}
