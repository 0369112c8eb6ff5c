import Analysis
import Cost

/// Everything the HTML report draws, already computed. Build it from stored runs with
/// `ReportData.build(title:runs:)`, or fill it directly (tests, other front ends).
public struct ReportData: Sendable, Equatable {
    /// One labelled value of a run's description table.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A run's header and description.
    public struct RunInfo: Sendable, Equatable {
        public var title: String
        public var fields: [Field]
        public init(title: String, fields: [Field]) {
            self.title = title
            self.fields = fields
        }
    }

    /// Measured coverage c(k) and, when fittable, the exponentiated power law exp(a·k^b).
    public struct CoverageSeries: Sendable, Equatable {
        public var name: String
        public var points: [CoveragePoint]
        public var fit: PowerLawFit?
        /// The saturation point N* of the fitted curve, when there is a fit.
        public var saturation: Saturation?
        public init(name: String, points: [CoveragePoint], fit: PowerLawFit?, saturation: Saturation? = nil) {
            self.name = name
            self.points = points
            self.fit = fit
            self.saturation = saturation
        }
    }

    /// N*: the fewest samples per problem at which the fitted coverage reaches `target`
    /// (`PowerLawFit.saturationPoint(target:)`), or why the fit never does.
    public struct Saturation: Sendable, Equatable {
        /// Coverage the curve must reach, in (0, 1).
        public var target: Double
        /// N*, or `nil` when unreachable (then `reason` says why).
        public var samples: Int?
        /// Why there is no N* (empty when there is one).
        public var reason: String
        public init(target: Double, samples: Int?, reason: String = "") {
            self.target = target
            self.samples = samples
            self.reason = reason
        }
    }

    /// One setting of a strategy: mean cost per problem and accuracy (0…1).
    public struct StrategyPoint: Sendable, Equatable {
        /// The setting, e.g. `k=8`.
        public var setting: String
        /// Accuracy over problems, 0…1.
        public var accuracy: Double
        /// Mean samples charged per problem.
        public var samplesUsed: Double
        /// Mean prompt tokens charged per problem.
        public var promptTokens: Double
        /// Mean generated tokens charged per problem (the x axis of the strategy chart).
        public var generatedTokens: Double
        /// Mean FLOPs per problem, when a cost model was available.
        public var flops: Double?
        /// Mean peak KV-cache bytes per problem, when a cost model was available (an estimate).
        public var kvCacheBytes: Double?
        /// Confidence interval of `accuracy` (`Bootstrap.accuracy`: 95 % percentile bootstrap over problems).
        public var accuracyLow: Double?
        public var accuracyHigh: Double?
        /// Whether the costs were measured by running the strategy online (`false`: estimated by replay).
        public var measured: Bool
        /// Online: mean over problems of the most KV pages held at once.
        public var measuredPeakKVPages: Double?
        /// Online: mean over problems of the most KV bytes held at once.
        public var measuredPeakKVBytes: Double?
        /// Online: wall-clock seconds of the whole strategy.
        public var wallSeconds: Double?
        /// Estimated energy per problem in joules: (prompt + generated tokens) × the run's energy per token.
        public var energyJoules: Double?
        /// Whether the point is on its run's accuracy-vs-generated-tokens Pareto frontier.
        public var onFrontier: Bool
        public init(
            setting: String, accuracy: Double, samplesUsed: Double, promptTokens: Double, generatedTokens: Double,
            flops: Double? = nil, kvCacheBytes: Double? = nil, accuracyLow: Double? = nil, accuracyHigh: Double? = nil,
            measured: Bool = false, measuredPeakKVPages: Double? = nil, measuredPeakKVBytes: Double? = nil,
            wallSeconds: Double? = nil, energyJoules: Double? = nil, onFrontier: Bool = false
        ) {
            self.setting = setting
            self.accuracy = accuracy
            self.samplesUsed = samplesUsed
            self.promptTokens = promptTokens
            self.generatedTokens = generatedTokens
            self.flops = flops
            self.kvCacheBytes = kvCacheBytes
            self.accuracyLow = accuracyLow
            self.accuracyHigh = accuracyHigh
            self.measured = measured
            self.measuredPeakKVPages = measuredPeakKVPages
            self.measuredPeakKVBytes = measuredPeakKVBytes
            self.wallSeconds = wallSeconds
            self.energyJoules = energyJoules
            self.onFrontier = onFrontier
        }
    }

    /// A strategy's accuracy as its budget grows (points in increasing budget order).
    public struct StrategySeries: Sendable, Equatable {
        public var name: String
        public var points: [StrategyPoint]
        public init(name: String, points: [StrategyPoint]) {
            self.name = name
            self.points = points
        }
    }

    /// One accuracy-vs-tokens chart (one per run) and its cost table.
    public struct StrategyChartData: Sendable, Equatable {
        public var title: String
        public var series: [StrategySeries]
        /// The Pareto frontier over every point of `series` (cost: mean generated tokens per problem, measured
        /// online or estimated by replay), cost ascending.
        public var frontier: [StrategyPoint]
        public init(title: String, series: [StrategySeries], frontier: [StrategyPoint] = []) {
            self.title = title
            self.series = series
            self.frontier = frontier
        }
    }

    /// Accuracy of one difficulty setting.
    public struct DifficultyBar: Sendable, Equatable {
        public var label: String
        /// pass@1 (mean fraction of correct samples per problem), 0…1.
        public var accuracy: Double
        /// Problems behind the bar.
        public var problems: Int
        /// Confidence interval of `accuracy` (`Bootstrap.accuracy` over problems' pass@1).
        public var accuracyLow: Double?
        public var accuracyHigh: Double?
        public init(label: String, accuracy: Double, problems: Int, accuracyLow: Double? = nil, accuracyHigh: Double? = nil) {
            self.label = label
            self.accuracy = accuracy
            self.problems = problems
            self.accuracyLow = accuracyLow
            self.accuracyHigh = accuracyHigh
        }
    }

    public var title: String
    public var runs: [RunInfo]
    public var coverage: [CoverageSeries]
    /// Strategy charts, one per run.
    public var strategyCharts: [StrategyChartData]
    public var difficulty: [DifficultyBar]
    /// Remarks shown under the charts (e.g. why a fit is missing).
    public var notes: [String]

    public init(
        title: String, runs: [RunInfo] = [], coverage: [CoverageSeries] = [], strategyCharts: [StrategyChartData] = [],
        difficulty: [DifficultyBar] = [], notes: [String] = []
    ) {
        self.title = title
        self.runs = runs
        self.coverage = coverage
        self.strategyCharts = strategyCharts
        self.difficulty = difficulty
        self.notes = notes
    }
}
