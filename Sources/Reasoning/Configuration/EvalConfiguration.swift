import Sampling

/// Everything that defines an evaluation run: which problems, how many samples each, how they are generated, and
/// which model generates them. Two runs with the same ``identityHash()`` produce the same samples, so a run is
/// found again (and resumed) by that hash. `strategies` are applied after the fact and are not part of the identity.
public struct EvalConfiguration: Sendable, Equatable {
    /// Task family id (see `TaskRegistry`).
    public var task: String
    /// The family's `version` when the run was configured (`reckon eval` always records it; nil only in
    /// configurations stored before versions were). Part of the identity: a family whose generator changed makes
    /// a new run instead of resuming one whose problems differ.
    public var taskVersion: Int?
    /// Difficulty overrides, e.g. `["digits_a": "3"]` (parameters not named take the family's defaults).
    public var difficulty: [String: String]
    /// Number of problems, indices `0..<problems` (1...``maximumProblems``).
    public var problems: Int
    /// Samples generated per problem (1...``maximumSamples``).
    public var samples: Int
    /// Run seed: problem i is `family.generate(seed: seed, difficulty:, index: i)`, and sample j of problem i uses
    /// `SampleSeed.derive(runSeed: seed, problem: i, sample: j)`.
    public var seed: UInt64
    /// Most tokens generated per sample (≥ 1).
    public var maxTokens: Int
    /// How each token is drawn: temperature (0 is greedy, which makes every sample of a problem identical), top-k,
    /// top-p, min-p and the repetition penalty. `sampling.seed` is not used (always 0): sample seeds derive from
    /// ``seed``.
    public var sampling: SamplingParameters
    /// Generation of a sample stops when its text contains one of these (the stop string is not kept).
    public var stop: [String]
    /// `"plain"` (the instance's `prompt`) or `"boxed"` (its `boxedPrompt`, asking for `\boxed{}`).
    public var promptStyle: String
    /// Whether the prompt is sent as one user message rendered with the model's chat template.
    public var chat: Bool
    /// The generator's `modelIdentifier`.
    public var model: String
    /// Strategies to report; not part of the identity hash.
    public var strategies: [StrategySpec]

    /// Most problems in one run: the runner keeps one pool of samples per problem in memory.
    public static let maximumProblems = 1_000_000
    /// Most samples per problem: a problem's samples are generated, graded and stored together.
    public static let maximumSamples = 100_000
    /// Most samples in one run (problems × samples): the report is computed from all of them in memory.
    public static let maximumTotalSamples = 10_000_000

    /// The prompt styles understood by ``EvalRunner``.
    public static let promptStyles = ["plain", "boxed"]

    public init(
        task: String, taskVersion: Int? = nil, difficulty: [String: String] = [:], problems: Int = 20,
        samples: Int = 8, seed: UInt64 = 0, maxTokens: Int = 256, sampling: SamplingParameters = SamplingParameters(),
        stop: [String] = [], promptStyle: String = "boxed", chat: Bool = true, model: String,
        strategies: [StrategySpec] = []
    ) {
        self.task = task
        self.taskVersion = taskVersion
        self.difficulty = difficulty
        self.problems = problems
        self.samples = samples
        self.seed = seed
        self.maxTokens = maxTokens
        self.sampling = sampling
        self.sampling.seed = 0
        self.stop = stop
        self.promptStyle = promptStyle
        self.chat = chat
        self.model = model
        self.strategies = strategies
    }

    /// The configuration with the common sampling settings given one by one (no repetition penalty).
    public init(
        task: String, taskVersion: Int? = nil, difficulty: [String: String] = [:], problems: Int = 20,
        samples: Int = 8, seed: UInt64 = 0, maxTokens: Int = 256, temperature: Double, topP: Double = 0.95,
        topK: Int = 40, minP: Double = 0.05, promptStyle: String = "boxed", chat: Bool = true, model: String,
        strategies: [StrategySpec] = []
    ) {
        self.init(
            task: task, taskVersion: taskVersion, difficulty: difficulty, problems: problems, samples: samples,
            seed: seed, maxTokens: maxTokens,
            sampling: SamplingParameters(temperature: temperature, topK: topK, topP: topP, minP: minP),
            promptStyle: promptStyle, chat: chat, model: model, strategies: strategies)
    }

    /// Sampling temperature (≥ 0; 0 is greedy).
    public var temperature: Double {
        get { sampling.temperature }
        set { sampling.temperature = newValue }
    }
    /// Nucleus mass in (0, 1] (1 disables).
    public var topP: Double {
        get { sampling.topP }
        set { sampling.topP = newValue }
    }
    /// Top-k cut (0 disables).
    public var topK: Int {
        get { sampling.topK }
        set { sampling.topK = newValue }
    }
    /// Min-p cut in [0, 1) (0 disables).
    public var minP: Double {
        get { sampling.minP }
        set { sampling.minP = newValue }
    }

    /// Checks every field's range.
    /// - Throws: ``ReasoningError/invalidConfiguration(field:value:requirement:)`` naming the first bad field.
    public func validate() throws(ReasoningError) {
        func fail(_ field: String, _ value: String, _ requirement: String) -> ReasoningError {
            .invalidConfiguration(field: field, value: value, requirement: requirement)
        }
        guard (1...Self.maximumProblems).contains(problems) else {
            throw fail("problems", "\(problems)", "an integer in 1...\(Self.maximumProblems) (split a larger evaluation into runs with different seeds)")
        }
        guard (1...Self.maximumSamples).contains(samples) else {
            throw fail("samples", "\(samples)", "an integer in 1...\(Self.maximumSamples)")
        }
        let (total, overflow) = problems.multipliedReportingOverflow(by: samples)
        guard !overflow, total <= Self.maximumTotalSamples else {
            throw fail("problems × samples", "\(problems) × \(samples)",
                       "at most \(Self.maximumTotalSamples) samples in one run (fewer problems or samples, or several runs)")
        }
        guard maxTokens >= 1 else { throw fail("max-tokens", "\(maxTokens)", "an integer ≥ 1") }
        do { _ = try sampling.validated() } catch {
            guard case let .outOfRange(name, value, expected) = error else { throw fail("sampling", "\(sampling)", "valid settings") }
            throw fail(name, value, expected)
        }
        guard !stop.contains("") else { throw fail("stop", "\"\"", "non-empty stop strings") }
        guard Self.promptStyles.contains(promptStyle) else {
            throw fail("prompt-style", promptStyle, "one of \(Self.promptStyles.joined(separator: ", "))")
        }
    }
}
