/// Where an online evaluation stands, reported after each problem of each strategy.
public struct OnlineProgress: Sendable, Equatable {
    /// The strategy running, its position (0-based) and how many run in all.
    public var strategy: String
    public var strategyIndex: Int
    public var strategiesTotal: Int
    /// Problems of this strategy decided, and in all.
    public var problemsDone: Int
    public var problemsTotal: Int
    /// Samples this strategy started on the decided problems, and the most it may start on all of them.
    public var samplesStarted: Int
    public var samplesMost: Int
    /// Tokens this strategy generated (measured) on the decided problems.
    public var generatedTokens: Int
    /// Fraction of the decided problems this strategy answered correctly (0 before any).
    public var accuracy: Double
    /// Seconds since this strategy started.
    public var elapsedSeconds: Double

    /// Accumulates progress over one strategy at a time.
    struct Tracker {
        let strategies: Int
        let problems: Int
        let samplesPerProblem: Int
        private var current = OnlineProgress(
            strategy: "", strategyIndex: 0, strategiesTotal: 0, problemsDone: 0, problemsTotal: 0, samplesStarted: 0,
            samplesMost: 0, generatedTokens: 0, accuracy: 0, elapsedSeconds: 0)
        private var correct = 0
        private var started = ContinuousClock.now

        init(strategies: Int, problems: Int, samplesPerProblem: Int) {
            self.strategies = strategies
            self.problems = problems
            self.samplesPerProblem = samplesPerProblem
        }

        mutating func begin(strategy: String, position: Int) {
            current = OnlineProgress(
                strategy: strategy, strategyIndex: position, strategiesTotal: strategies, problemsDone: 0,
                problemsTotal: problems, samplesStarted: 0, samplesMost: problems * samplesPerProblem,
                generatedTokens: 0, accuracy: 0, elapsedSeconds: 0)
            correct = 0
            started = ContinuousClock.now
        }

        mutating func record(_ outcome: StrategyOutcome) -> OnlineProgress {
            current.problemsDone += 1
            current.samplesStarted += outcome.samplesUsed
            current.generatedTokens += outcome.generatedTokens
            if outcome.correct { correct += 1 }
            current.accuracy = Double(correct) / Double(current.problemsDone)
            let elapsed = ContinuousClock.now - started
            current.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return current
        }
    }
}
