import Analysis

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
        public init(name: String, points: [CoveragePoint], fit: PowerLawFit?) {
            self.name = name
            self.points = points
            self.fit = fit
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
        /// Mean peak KV-cache bytes per problem, when a cost model was available.
        public var kvCacheBytes: Double?
        public init(
            setting: String, accuracy: Double, samplesUsed: Double, promptTokens: Double, generatedTokens: Double,
            flops: Double? = nil, kvCacheBytes: Double? = nil
        ) {
            self.setting = setting
            self.accuracy = accuracy
            self.samplesUsed = samplesUsed
            self.promptTokens = promptTokens
            self.generatedTokens = generatedTokens
            self.flops = flops
            self.kvCacheBytes = kvCacheBytes
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
        public init(title: String, series: [StrategySeries]) {
            self.title = title
            self.series = series
        }
    }

    /// Accuracy of one difficulty setting.
    public struct DifficultyBar: Sendable, Equatable {
        public var label: String
        /// pass@1 (mean fraction of correct samples per problem), 0…1.
        public var accuracy: Double
        /// Problems behind the bar.
        public var problems: Int
        public init(label: String, accuracy: Double, problems: Int) {
            self.label = label
            self.accuracy = accuracy
            self.problems = problems
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
