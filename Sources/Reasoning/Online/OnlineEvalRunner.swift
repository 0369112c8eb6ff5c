import Engine
import Tasks

/// Runs each strategy of a configuration online on a live generator: every strategy starts, stops and draws
/// samples the way it says, so its tokens, forward passes, KV pages and wall time are measured, not estimated.
///
/// Problem i is `family.generate(seed: configuration.seed, difficulty:, index: i)` and its sample j uses
/// `SampleSeed.derive(runSeed: configuration.seed, problem: i, sample: j)`, as in ``EvalRunner``; a strategy never
/// draws more than `configuration.samples` samples of a problem. With a batch-invariant generator each strategy
/// chooses exactly the answer its replay chooses over the same seeds and generates no more tokens than the replay
/// charges (equal for all but early stopping with waves > 1; ``OnlineStrategy``). Each problem runs in its own
/// live session; up to `problemsInFlight` problems run at once (their sessions share the live batch).
/// What was generated (stopped samples included) is recorded with ``OnlineRecordStore/saveOnline(_:run:)`` in the
/// configuration's run, next to its replay pool.
public struct OnlineEvalRunner: Sendable {
    public let live: any LiveGenerating
    public let family: any TaskFamily
    public let configuration: EvalConfiguration
    public let store: any SampleStore & OnlineRecordStore
    /// How the generated samples are charged in FLOPs and KV bytes (tokens are measured).
    public var costs: CostContext
    /// Samples per wave of early stopping (≥ 1).
    public var wave: Int
    /// Problems run at once (≥ 1).
    public var problemsInFlight: Int
    /// Recorded with a new run.
    public var reckonVersion: String

    public init(
        live: any LiveGenerating, family: any TaskFamily, configuration: EvalConfiguration,
        store: any SampleStore & OnlineRecordStore, costs: CostContext = .tokensOnly, wave: Int = 1,
        problemsInFlight: Int = 1, reckonVersion: String = "dev"
    ) {
        self.live = live
        self.family = family
        self.configuration = configuration
        self.store = store
        self.costs = costs
        self.wave = wave
        self.problemsInFlight = problemsInFlight
        self.reckonVersion = reckonVersion
    }

    /// Runs every strategy (``StrategyRegistry/defaultSpecs(samples:)`` when the configuration names none) online,
    /// one after another, and reports them with `measured` true, per-problem measured compute and, in each summary,
    /// the strategy's wall seconds. The report has no pass@k or maj@k curves (no strategy draws the whole pool).
    /// - Parameter progress: called after each problem of each strategy (synchronously, on the running task).
    /// - Throws: ``ReasoningError``; `.cancelled` when the task is cancelled (recorded problems stay stored).
    public func run(progress: @Sendable (OnlineProgress) -> Void = { _ in }) async throws(ReasoningError) -> EvalReport {
        guard wave >= 1 else { throw .invalidConfiguration(field: "wave", value: "\(wave)", requirement: "an integer ≥ 1") }
        guard problemsInFlight >= 1 else {
            throw .invalidConfiguration(field: "problems in flight", value: "\(problemsInFlight)", requirement: "an integer ≥ 1")
        }
        let difficulty = try configuration.resolvedDifficulty(for: family)
        let specs = configuration.strategies.isEmpty
            ? StrategyRegistry.defaultSpecs(samples: configuration.samples) : configuration.strategies
        let samples = configuration.samples, wave = self.wave
        let resolved = try specs.map { spec throws(ReasoningError) in
            let strategy = try StrategyRegistry.resolve(spec)
            return (spec, strategy, try OnlineStrategy(strategy, samplesPerProblem: samples, wave: wave))
        }

        let run = try storeCall("open the run") { try store.openRun(configuration, reckonVersion: reckonVersion) }
        let instances = (0..<configuration.problems).map {
            family.generate(seed: configuration.seed, difficulty: difficulty, index: $0)
        }
        for (index, instance) in instances.enumerated() {
            try storeCall("save problem \(index)") { try store.saveProblem(run: run, index: index, instance: instance) }
        }

        var tracker = OnlineProgress.Tracker(
            strategies: resolved.count, problems: instances.count, samplesPerProblem: configuration.samples)
        var reports: [StrategyReport] = []
        for (position, (spec, strategy, online)) in resolved.enumerated() {
            tracker.begin(strategy: strategy.label, position: position)
            let started = ContinuousClock.now
            let records = try await decide(online, label: strategy.label, instances: instances, run: run) { record in
                progress(tracker.record(record.outcome))
            }
            let elapsed = ContinuousClock.now - started
            var report = StrategyReport(spec: spec, label: strategy.label, outcomes: records.map(\.outcome), measured: true)
            report.summary.wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            reports.append(report)
        }
        try storeCall("mark the run finished") { try store.markFinished(run: run) }
        return EvalReport(
            configuration: configuration, identityHash: configuration.identityHash(), problems: instances.count,
            samplesPerProblem: 0, strategies: reports, passAtK: [], majorityAtK: [], coverageFit: nil)
    }

    /// Every problem's record for one strategy, in problem order; each is saved as soon as it is decided.
    private func decide(
        _ online: OnlineStrategy, label: String, instances: [TaskInstance], run: Int64,
        decided: (OnlineProblemRecord) -> Void
    ) async throws(ReasoningError) -> [OnlineProblemRecord] {
        var records: [OnlineProblemRecord?] = Array(repeating: nil, count: instances.count)
        func save(_ record: OnlineProblemRecord) throws(ReasoningError) {
            try storeCall("save the online record of problem \(record.problem)") { try store.saveOnline(record, run: run) }
            records[record.problem] = record
            decided(record)
        }
        if case let .adaptive(strategy) = online {
            for record in try await adaptive(strategy, label: label, instances: instances) { try save(record) }
        } else {
            let costs = self.costs
            try await forEach(instances.indices, limit: problemsInFlight, body: { index throws(ReasoningError) in
                let problem = try await open(index, instances[index])
                defer { problem.close() }
                let outcome = try await online.decide(problem, costs: costs)
                return OnlineProblemRecord(strategy: label, problem: index, outcome: outcome, samples: problem.generatedSamples)
            }, then: save)
        }
        return records.compactMap { $0 }
    }

    /// Difficulty-adaptive allocation online: a first round on every problem, then `rounds` rounds in which the
    /// remaining budget goes where ``AdaptiveAllocation/extras(round:drawn:capacity:remaining:)`` says, each
    /// problem's session kept open between rounds.
    private func adaptive(
        _ strategy: AdaptiveAllocation, label: String, instances: [TaskInstance]
    ) async throws(ReasoningError) -> [OnlineProblemRecord] {
        var problems: [LiveProblem] = []
        defer { for problem in problems { problem.close() } }
        for (index, instance) in instances.enumerated() {
            if Task.isCancelled { throw .cancelled(problemsDone: 0) }
            problems.append(try await open(index, instance))
        }
        let opened = problems
        try await AdaptiveRounds.run(strategy, problems: problems, capacity: configuration.samples) { counts throws(ReasoningError) in
            try await forEach(opened.indices.filter { counts[$0] > 0 }, limit: problemsInFlight, body: { index throws(ReasoningError) in
                let problem = opened[index]
                let from = problem.startedCount
                try problem.start(from..<(from + counts[index]))
                _ = try await problem.advance(until: .allFinished)
                return index
            }, then: { _ in })
        }
        return zip(problems, AdaptiveRounds.outcomes(problems, costs: costs)).map { problem, outcome in
            OnlineProblemRecord(strategy: label, problem: problem.problem, outcome: outcome, samples: problem.generatedSamples)
        }
    }

    private func open(_ index: Int, _ instance: TaskInstance) async throws(ReasoningError) -> LiveProblem {
        try await LiveProblem.open(problem: index, instance: instance, configuration: configuration, live: live, family: family)
    }

    /// Runs `body` for every item, at most `limit` at once, and hands each result to `then` on the calling task in
    /// the order results arrive. Checks cancellation before starting each item.
    private func forEach<Item: Sendable, Result: Sendable>(
        _ items: some Collection<Item>, limit: Int,
        body: @escaping @Sendable (Item) async throws(ReasoningError) -> Result,
        then: (Result) throws(ReasoningError) -> Void
    ) async throws(ReasoningError) {
        var done = 0
        do {
            try await withThrowingTaskGroup(of: Result.self) { group in
                var pending = items.makeIterator()
                var running = 0
                func startNext() throws {
                    guard let item = pending.next() else { return }
                    if Task.isCancelled { throw ReasoningError.cancelled(problemsDone: done) }
                    group.addTask { try await body(item) }
                    running += 1
                }
                for _ in 0..<limit { try startNext() }
                while running > 0, let result = try await group.next() {
                    running -= 1
                    try then(result)
                    done += 1
                    try startNext()
                }
            }
        } catch let error as ReasoningError {
            throw error
        } catch {
            throw .generation(problem: done, message: "\(error)")
        }
    }

    private func storeCall<T>(_ operation: String, _ body: () throws -> T) throws(ReasoningError) -> T {
        do {
            return try body()
        } catch let error as ReasoningError {
            throw error
        } catch {
            throw .store(operation: operation, message: "\(error)")
        }
    }
}
