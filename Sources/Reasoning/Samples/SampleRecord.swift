/// One stored sample: what was generated for one seed of one problem, how long it was, and how it graded.
public struct SampleRecord: Sendable, Codable, Equatable {
    /// Problem index within the run.
    public var problem: Int
    /// Sample index within the problem (its position in the pool).
    public var sample: Int
    /// The sampler seed, `SampleSeed.derive(runSeed:problem:sample:)`.
    public var seed: UInt64
    /// The generated text.
    public var text: String
    /// Prompt tokens processed for this sample.
    public var promptTokens: Int
    /// Tokens generated.
    public var generatedTokens: Int
    /// `"eos"`, `"stop"`, `"length"` or `"stopped"` (`FinishReason.rawValue`).
    public var finishReason: String
    /// Mean natural log-probability per generated token (≤ 0; 0 when none were reported).
    public var meanLogProbability: Double
    /// `"correct"`, `"incorrect"` or `"unparseable"` (`VerdictKind.rawValue`).
    public var verdict: String
    /// The verifier's score in 0…1 (partial credit; 1 when correct).
    public var score: Double
    /// The answer text the verifier read, if any.
    public var extracted: String?
    /// The normalized answer used for voting: samples with equal keys vote together; `nil` abstains.
    public var answerKey: String?

    public init(
        problem: Int, sample: Int, seed: UInt64, text: String, promptTokens: Int, generatedTokens: Int,
        finishReason: String, meanLogProbability: Double, verdict: String, score: Double, extracted: String?,
        answerKey: String?
    ) {
        self.problem = problem
        self.sample = sample
        self.seed = seed
        self.text = text
        self.promptTokens = promptTokens
        self.generatedTokens = generatedTokens
        self.finishReason = finishReason
        self.meanLogProbability = meanLogProbability
        self.verdict = verdict
        self.score = score
        self.extracted = extracted
        self.answerKey = answerKey
    }

    /// Whether the verifier graded this sample correct.
    public var isCorrect: Bool { verdict == "correct" }
}
