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
    }
}
