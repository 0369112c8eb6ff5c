import Engine
import Sampling
import Tasks
import Tokenizer

/// Generates, grades and stores a run's samples, then reports every strategy over them.
///
/// Problem by problem: the instance is `family.generate(seed: configuration.seed, difficulty:, index: i)`; the
/// samples not yet stored are generated with one `generator.generate(request, seeds:)` call (so the local engine
/// shares the prompt's prefill), graded with `family.grade(response:instance:)`, keyed with
/// ``AnswerKey/key(verdict:goldKey:)`` and saved in one `store.save` call. Running again resumes: stored samples
/// are skipped, and missing ones regenerate identically because their seeds are derived
/// (``SampleSeed/derive(runSeed:problem:sample:)``). Cancellation is checked between problems.
public struct EvalRunner: Sendable {
    public let generator: any TextGenerating
    public let family: any TaskFamily
    public let configuration: EvalConfiguration
    public let store: any SampleStore
    /// How strategies charge samples.
    public var costs: CostContext
    /// Recorded with a new run.
    public var reckonVersion: String

    public init(
        generator: any TextGenerating, family: any TaskFamily, configuration: EvalConfiguration,
        store: any SampleStore, costs: CostContext = .tokensOnly, reckonVersion: String = "dev"
    ) {
        self.generator = generator
        self.family = family
        self.configuration = configuration
        self.store = store
        self.costs = costs
        self.reckonVersion = reckonVersion
    }

    /// The request for one problem: the plain or boxed prompt, as text or as one user chat message, with the
    /// configuration's limits and sampling settings (the seed is replaced per sample by the generator).
    public func request(for instance: TaskInstance) -> GenerationRequest {
        configuration.request(for: instance)
    }

    /// Grades one generation into a stored sample.
    public func record(
        _ result: GenerationResult, problem: Int, sample: Int, seed: UInt64, instance: TaskInstance, goldKey: String
    ) -> SampleRecord {
        SampleRecord.graded(
            result, problem: problem, sample: sample, seed: seed, instance: instance, goldKey: goldKey, family: family)
    }

    /// Generates what is missing, then reports.
    /// - Parameter progress: called after each problem (synchronously, on the running task).
    /// - Throws: ``ReasoningError``; `.cancelled` when the task is cancelled (complete problems stay stored).
    public func run(progress: @Sendable (EvalProgress) -> Void = { _ in }) async throws(ReasoningError) -> EvalReport {
        let difficulty = try configuration.resolvedDifficulty(for: family)
        let start = ContinuousClock.now
        let run = try storeCall("open the run") { try store.openRun(configuration, reckonVersion: reckonVersion) }
        var pools = EvalReport.pools(
            try storeCall("read the samples") { try store.samples(run: run) }, problems: configuration.problems,
            samplesPerProblem: configuration.samples)

        var generatedNow = 0, generatedTokens = 0, samplesDone = 0, majorityCorrect = 0
        let majority = MajorityVote()
        for problem in 0..<configuration.problems {
            let stored = Set(pools[problem].map(\.sample))
            let missing = (0..<configuration.samples).filter { !stored.contains($0) }
            if !missing.isEmpty {
                if Task.isCancelled { throw .cancelled(problemsDone: problem) }
                let fresh = try await generate(problem: problem, missing: missing, difficulty: difficulty, run: run)
                generatedNow += fresh.count
                pools[problem] = (pools[problem] + fresh).sorted { $0.sample < $1.sample }
            }
            samplesDone += pools[problem].count
            generatedTokens += pools[problem].reduce(0) { $0 + $1.generatedTokens }
            if majority.apply(to: pools[problem], costs: .tokensOnly).correct { majorityCorrect += 1 }
            let elapsed = ContinuousClock.now - start
            progress(
                EvalProgress(
                    problemsDone: problem + 1, problemsTotal: configuration.problems, samplesDone: samplesDone,
                    samplesTotal: configuration.problems * configuration.samples, samplesGenerated: generatedNow,
                    generatedTokens: generatedTokens, majorityAccuracy: Double(majorityCorrect) / Double(problem + 1),
                    elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        }
        try storeCall("mark the run finished") { try store.markFinished(run: run) }
        return try EvalReport.build(configuration: configuration, samples: pools.flatMap { $0 }, costs: costs)
    }

    /// Generates, grades and saves the `missing` samples of one problem; returns them in sample order.
    private func generate(
        problem: Int, missing: [Int], difficulty: Difficulty, run: Int64
    ) async throws(ReasoningError) -> [SampleRecord] {
        let instance = family.generate(seed: configuration.seed, difficulty: difficulty, index: problem)
        try storeCall("save problem \(problem)") { try store.saveProblem(run: run, index: problem, instance: instance) }
        let seeds = missing.map { SampleSeed.derive(runSeed: configuration.seed, problem: problem, sample: $0) }
        let results: [GenerationResult]
        do {
            results = try await generator.generate(request(for: instance), seeds: seeds)
        } catch {
            throw .generation(problem: problem, message: error.description)
        }
        guard results.count == seeds.count else {
            throw .sampleCountMismatch(problem: problem, expected: seeds.count, found: results.count)
        }
        let goldKey = AnswerKey.goldKey(of: instance)
        let records = missing.indices.map { i in
            record(results[i], problem: problem, sample: missing[i], seed: seeds[i], instance: instance, goldKey: goldKey)
        }
        try storeCall("save the samples of problem \(problem)") { try store.save(records, run: run) }
        return records
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
