import Analysis

/// One value of a curve over samples per problem.
public struct CurvePoint: Sendable, Codable, Equatable {
    /// Samples per problem.
    public var k: Int
    /// The curve's value at k (a fraction of problems).
    public var value: Double

    public init(k: Int, value: Double) {
        self.k = k
        self.value = value
    }
}

/// The fitted coverage scaling law c(k) ≈ exp(a·k^b) (Brown et al. 2024), fitted by `PowerLawFit.coverageLaw(of:)`
/// (the same fit the HTML report draws).
public struct CoverageFitSummary: Sendable, Codable, Equatable {
    public var a: Double
    public var b: Double
    /// R² of the curve on coverage.
    public var rSquared: Double
    /// Points with 0 < c < 1 that the fit used.
    public var usablePoints: Int

    public init(a: Double, b: Double, rSquared: Double, usablePoints: Int) {
        self.a = a
        self.b = b
        self.rSquared = rSquared
        self.usablePoints = usablePoints
    }
}

/// Means over problems of one strategy's outcomes.
public struct StrategySummary: Sendable, Codable, Equatable {
    /// Fraction of problems answered correctly.
    public var accuracy: Double
    public var meanSamplesUsed: Double
    public var meanPromptTokens: Double
    public var meanGeneratedTokens: Double
    /// Mean estimated FLOPs per problem (0 without a cost model).
    public var meanFLOPs: Double
    /// Mean KV-cache bytes per problem (0 without a cost model).
    public var meanKVCacheBytes: Double
    /// Online only (`nil` for a replay): wall-clock seconds the whole strategy took, every problem included.
    public var wallSeconds: Double?
    /// Online only: mean measured batched forward passes per problem.
    public var meanForwardPasses: Double?
    /// Online only: mean over problems of the most KV pages held at once.
    public var meanPeakKVPages: Double?
    /// Lower end of the confidence interval of `accuracy`: `Bootstrap.accuracy` (95 % percentile bootstrap over
    /// problems, 2,000 resamples, fixed seed); `nil` with no outcomes.
    public var accuracyLow: Double?
    /// Upper end of that interval.
    public var accuracyHigh: Double?

    /// Means of `outcomes` (all 0 for none).
    public init(_ outcomes: [StrategyOutcome]) {
        let n = Double(max(1, outcomes.count))
        func mean(_ value: (StrategyOutcome) -> Double) -> Double { outcomes.reduce(0) { $0 + value($1) } / n }
        accuracy = mean { $0.correct ? 1 : 0 }
        meanSamplesUsed = mean { Double($0.samplesUsed) }
        meanPromptTokens = mean { Double($0.promptTokens) }
        meanGeneratedTokens = mean { Double($0.generatedTokens) }
        meanFLOPs = mean(\.flops)
        meanKVCacheBytes = mean(\.kvCacheBytes)
        if let interval = try? Bootstrap.accuracy.meanInterval(outcomes.map { $0.correct ? 1 : 0 }) {
            accuracyLow = interval.lower
            accuracyHigh = interval.upper
        }
        let measured = outcomes.compactMap(\.measured)
        if !outcomes.isEmpty, measured.count == outcomes.count {
            meanForwardPasses = measured.reduce(0) { $0 + Double($1.forwardPasses) } / n
            meanPeakKVPages = measured.reduce(0) { $0 + Double($1.peakKVPages) } / n
        }
    }
}

/// One strategy applied to every problem of a run.
public struct StrategyReport: Sendable, Codable, Equatable {
    /// The spec as given.
    public var spec: StrategySpec
    /// The resolved strategy's label, e.g. `majority:k=8`.
    public var label: String
    /// One outcome per reported problem (those with samples), in problem order.
    public var outcomes: [StrategyOutcome]
    public var summary: StrategySummary
    /// Whether the costs were measured by running the strategy online (`true`) or estimated by replaying it over
    /// the stored sample pool (`false`).
    public var measured: Bool

    public init(spec: StrategySpec, label: String, outcomes: [StrategyOutcome], measured: Bool = false) {
        self.spec = spec
        self.label = label
        self.outcomes = outcomes
        self.summary = StrategySummary(outcomes)
        self.measured = measured
    }
}

/// The result of an evaluation: per-strategy outcomes per problem and aggregates over the stored samples.
public struct EvalReport: Sendable, Codable, Equatable {
    public var configuration: EvalConfiguration
    /// `configuration.identityHash()`.
    public var identityHash: String
    /// Problems reported (every problem of the run that has samples).
    public var problems: Int
    /// Smallest pool size over those problems (the largest k of the curves).
    public var samplesPerProblem: Int
    public var strategies: [StrategyReport]
    /// Unbiased pass@k averaged over problems, k = 1…`samplesPerProblem` (the coverage curve).
    public var passAtK: [CurvePoint]
    /// Exact expected majority-vote accuracy maj@k (ties split evenly), k = 1…`samplesPerProblem`.
    public var majorityAtK: [CurvePoint]
    /// The coverage power law fitted to `passAtK`, when it has at least two points strictly between 0 and 1.
    public var coverageFit: CoverageFitSummary?

    public init(
        configuration: EvalConfiguration, identityHash: String, problems: Int, samplesPerProblem: Int,
        strategies: [StrategyReport], passAtK: [CurvePoint], majorityAtK: [CurvePoint], coverageFit: CoverageFitSummary?
    ) {
        self.configuration = configuration
        self.identityHash = identityHash
        self.problems = problems
        self.samplesPerProblem = samplesPerProblem
        self.strategies = strategies
        self.passAtK = passAtK
        self.majorityAtK = majorityAtK
        self.coverageFit = coverageFit
    }
}
