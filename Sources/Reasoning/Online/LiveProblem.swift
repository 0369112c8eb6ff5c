import Engine
import Tasks

/// One problem run online: its prompt added once to its own live session, samples started by index with their
/// derived seeds (``SampleSeed/derive(runSeed:problem:sample:)``, the replay's seeds), every result graded (the
/// replay's way for a task instance; by the extracted answer alone for a server request). Keeps what was really
/// generated, complete and stopped samples alike, and measures the session.
// Unchecked: like its `LiveSession`, a problem is driven by one task at a time (the executors hand it from round to
// round, never to two tasks at once), so its mutable maps are never touched concurrently.
final class LiveProblem: @unchecked Sendable {
    /// Turns a generation of sample `sample` (seeded `seed`) into a graded record.
    typealias Grader = @Sendable (_ result: GenerationResult, _ sample: Int, _ seed: UInt64) -> SampleRecord

    let problem: Int
    private let session: any LiveSession
    private let prompt: LivePromptID
    private let runSeed: UInt64
    private let grade: Grader
    private let opened: ContinuousClock.Instant
    private var sampleBySequence: [LiveSequenceID: Int] = [:]
    private var sequenceBySample: [Int: LiveSequenceID] = [:]
    /// Every sample generated so far, complete or stopped, by sample index.
    private(set) var generated: [Int: SampleRecord] = [:]

    private init(problem: Int, session: any LiveSession, prompt: LivePromptID, runSeed: UInt64, grade: @escaping Grader,
                 opened: ContinuousClock.Instant) {
        self.problem = problem
        self.session = session
        self.prompt = prompt
        self.runSeed = runSeed
        self.grade = grade
        self.opened = opened
    }

    /// Opens a session and adds the problem's prompt (one prefill); samples are graded by `family` against
    /// `instance`.
    static func open(
        problem: Int, instance: TaskInstance, configuration: EvalConfiguration, live: any LiveGenerating,
        family: any TaskFamily
    ) async throws(ReasoningError) -> LiveProblem {
        let goldKey = AnswerKey.goldKey(of: instance)
        return try await open(
            problem: problem, request: configuration.request(for: instance), runSeed: configuration.seed,
            session: live.makeSession()
        ) { result, sample, seed in
            SampleRecord.graded(result, problem: problem, sample: sample, seed: seed, instance: instance,
                                goldKey: goldKey, family: family)
        }
    }

    /// Adds `request`'s prompt to `session` (one prefill; the session is closed if that fails) and grades samples
    /// with `grade`.
    static func open(
        problem: Int, request: GenerationRequest, runSeed: UInt64, session: any LiveSession,
        grade: @escaping Grader
    ) async throws(ReasoningError) -> LiveProblem {
        let opened = ContinuousClock.now
        do {
            let prompt = try await session.addPrompt(request)
            return LiveProblem(problem: problem, session: session, prompt: prompt, runSeed: runSeed, grade: grade,
                               opened: opened)
        } catch {
            session.close()
            throw .generation(problem: problem, message: error.description)
        }
    }

    /// Samples started so far.
    var startedCount: Int { sequenceBySample.count }

    /// The sequences of the samples started so far.
    var startedSequences: [LiveSequenceID] { Array(sequenceBySample.values) }

    /// Starts samples `samples` (each with its derived seed); they take their first decision at the next step.
    func start(_ samples: some Sequence<Int>) throws(ReasoningError) {
        for sample in samples {
            let seed = SampleSeed.derive(runSeed: runSeed, problem: problem, sample: sample)
            do {
                let sequence = try session.start(prompt, seed: seed)
                sampleBySequence[sequence] = sample
                sequenceBySample[sample] = sequence
            } catch {
                throw .generation(problem: problem, message: error.description)
            }
        }
    }

    /// Runs steps until `condition` and returns the samples that ended by themselves, graded, in the order they
    /// ended.
    func advance(until condition: LiveAdvanceCondition) async throws(ReasoningError) -> [SampleRecord] {
        let finishes: [LiveFinish]
        do { finishes = try await session.advance(until: condition) } catch {
            throw .generation(problem: problem, message: error.description)
        }
        return finishes.compactMap { finish in
            guard let sample = sampleBySequence[finish.sequence] else { return nil }
            return keep(finish.result, sample: sample)
        }
    }

    /// Stops sample `sample` if it is still generating and returns what it generated, graded (finish `"stopped"`).
    @discardableResult
    func stop(_ sample: Int) -> SampleRecord? {
        guard let sequence = sequenceBySample[sample], generated[sample] == nil,
              let result = session.stop(sequence) else { return nil }
        return keep(result, sample: sample)
    }

    /// Stops every sample still generating.
    func stopAll() {
        for sequence in session.liveSequences {
            if let sample = sampleBySequence[sequence] { stop(sample) } else { session.stop(sequence) }
        }
    }

    /// Whether any sample is still generating.
    var isLive: Bool { !session.liveSequences.isEmpty }

    private func keep(_ result: GenerationResult, sample: Int) -> SampleRecord {
        let seed = SampleSeed.derive(runSeed: runSeed, problem: problem, sample: sample)
        let record = grade(result, sample, seed)
        generated[sample] = record
        return record
    }

    /// What the session really used, from the prompt's prefill until now.
    func measured(costs: CostContext) -> MeasuredCompute {
        let usage = session.usage
        let elapsed = ContinuousClock.now - opened
        let bytes = costs.costModel.map { $0.kvCacheBytes(tokens: usage.peakPages * usage.positionsPerPage) } ?? 0
        return MeasuredCompute(
            promptTokens: usage.promptTokens, generatedTokens: usage.generatedTokens, forwardPasses: usage.forwardPasses,
            peakKVPages: usage.peakPages, peakKVBytes: bytes,
            wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// The outcome for `answerKey`/`correct`, charged for every sample generated (each for the tokens it really
    /// generated), with the measured compute; `promptTokens` and `generatedTokens` are the measured ones.
    func outcome(answerKey: String?, correct: Bool, costs: CostContext) -> StrategyOutcome {
        stopAll()
        let measured = measured(costs: costs)
        var outcome = costs.outcome(
            answerKey: answerKey, correct: correct, charges: generated.keys.sorted().map { generated[$0]!.charge })
        outcome.promptTokens = measured.promptTokens
        outcome.generatedTokens = measured.generatedTokens
        outcome.measured = measured
        return outcome
    }

    /// Every generated sample, in sample order.
    var generatedSamples: [SampleRecord] { generated.keys.sorted().map { generated[$0]! } }

    /// Stops everything and frees the session's pages.
    func close() { session.close() }
}
