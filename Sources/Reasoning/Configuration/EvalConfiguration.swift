/// Everything that defines an evaluation run: which problems, how many samples each, how they are generated, and
/// which model generates them. Two runs with the same ``identityHash()`` produce the same samples, so a run is
/// found again (and resumed) by that hash. `strategies` are applied after the fact and are not part of the identity.
public struct EvalConfiguration: Sendable, Codable, Equatable {
    /// Task family id (see `TaskRegistry`).
    public var task: String
    /// Difficulty overrides, e.g. `["digits_a": "3"]` (parameters not named take the family's defaults).
    public var difficulty: [String: String]
    /// Number of problems, indices `0..<problems` (≥ 1).
    public var problems: Int
    /// Samples generated per problem (≥ 1).
    public var samples: Int
    /// Run seed: problem i is `family.generate(seed: seed, difficulty:, index: i)`, and sample j of problem i uses
    /// `SampleSeed.derive(runSeed: seed, problem: i, sample: j)`.
    public var seed: UInt64
    /// Most tokens generated per sample (≥ 1).
    public var maxTokens: Int
    /// Sampling temperature (≥ 0; 0 is greedy, which makes every sample of a problem identical).
    public var temperature: Double
    /// Nucleus mass in (0, 1] (1 disables).
    public var topP: Double
    /// Top-k cut (0 disables).
    public var topK: Int
    /// Min-p cut in [0, 1) (0 disables).
    public var minP: Double
    /// `"plain"` (the instance's `prompt`) or `"boxed"` (its `boxedPrompt`, asking for `\boxed{}`).
    public var promptStyle: String
    /// Whether the prompt is sent as one user message rendered with the model's chat template.
    public var chat: Bool
    /// The generator's `modelIdentifier`.
    public var model: String
    /// Strategies to report; not part of the identity hash.
    public var strategies: [StrategySpec]

    /// The prompt styles understood by ``EvalRunner``.
    public static let promptStyles = ["plain", "boxed"]

    public init(
        task: String, difficulty: [String: String] = [:], problems: Int = 20, samples: Int = 8, seed: UInt64 = 0,
        maxTokens: Int = 256, temperature: Double = 0.8, topP: Double = 0.95, topK: Int = 40, minP: Double = 0.05,
        promptStyle: String = "boxed", chat: Bool = true, model: String, strategies: [StrategySpec] = []
    ) {
        self.task = task
        self.difficulty = difficulty
        self.problems = problems
        self.samples = samples
        self.seed = seed
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.minP = minP
        self.promptStyle = promptStyle
        self.chat = chat
        self.model = model
        self.strategies = strategies
    }

    /// Checks every field's range.
    /// - Throws: ``ReasoningError/invalidConfiguration(field:value:requirement:)`` naming the first bad field.
    public func validate() throws(ReasoningError) {
        func fail(_ field: String, _ value: String, _ requirement: String) -> ReasoningError {
            .invalidConfiguration(field: field, value: value, requirement: requirement)
        }
        guard problems >= 1 else { throw fail("problems", "\(problems)", "an integer ≥ 1") }
        guard samples >= 1 else { throw fail("samples", "\(samples)", "an integer ≥ 1") }
        guard maxTokens >= 1 else { throw fail("max-tokens", "\(maxTokens)", "an integer ≥ 1") }
        guard temperature.isFinite, temperature >= 0 else {
            throw fail("temperature", "\(temperature)", "a finite number ≥ 0")
        }
        guard topP > 0, topP <= 1 else { throw fail("top-p", "\(topP)", "a number in (0, 1]") }
        guard topK >= 0 else { throw fail("top-k", "\(topK)", "an integer ≥ 0") }
        guard minP >= 0, minP < 1 else { throw fail("min-p", "\(minP)", "a number in [0, 1)") }
        guard Self.promptStyles.contains(promptStyle) else {
            throw fail("prompt-style", promptStyle, "one of \(Self.promptStyles.joined(separator: ", "))")
        }
    }
}
