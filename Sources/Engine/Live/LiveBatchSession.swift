import Foundation
import Model
import Sampling

/// A session of a ``LiveBatch``. Its state is guarded by the batch's lock (see ``LiveScheduler``); while the batch's
/// thread steps its sequences the session is `busy`, and its synchronous calls wait for the step to end.
///
/// Sequences of a forked child report, in their result, the parent's tokens up to the fork followed by their own
/// (the child continues the parent's exact state).
// Unchecked because every mutable property is guarded by `scheduler.condition`.
final class LiveBatchSession: LiveSession, @unchecked Sendable {
    typealias OnToken = @Sendable (LiveSequenceID, String) -> Void
    typealias OnLogProbabilities = @Sendable (LiveSequenceID, TokenLogProbabilities) -> Void

    let batch: LiveBatch
    private var scheduler: LiveScheduler { batch.scheduler }

    // Guarded by `scheduler.condition`.
    /// The batch's thread is stepping this session's sequences (outside the lock).
    var busy = false
    private var prompts: [LivePrompt] = []
    private var sequences: [LiveSequenceID: LiveSequence] = [:]
    private var nextSequence = 0
    private var closed = false
    private var pending: PendingAdvance?
    private var counts = LiveUsage()

    private struct PendingAdvance {
        let condition: LiveAdvanceCondition
        let onToken: OnToken
        let onLogProbabilities: OnLogProbabilities
        let continuation: CheckedContinuation<Result<[LiveFinish], EngineError>, Never>
        var steps = 0
        var finishes: [LiveFinish] = []
    }

    init(batch: LiveBatch) {
        self.batch = batch
        counts.positionsPerPage = batch.scheduler.pool.positionsPerPage
        batch.scheduler.counters.withLock { $0.openSessions += 1 }
    }

    deinit {
        // Nothing else references the session now (the batch's thread holds sessions only while they wait or
        // prefill), so its state is read without the lock; the caches release their pages as they go.
        guard !closed else { return }
        let live = sequences.count
        scheduler.counters.withLock {
            $0.openSessions -= 1
            $0.liveSequences -= live
        }
    }

    // MARK: - LiveSession

    func addPrompt(_ request: GenerationRequest) async throws(EngineError) -> LivePromptID {
        precondition(!scheduler.isSchedulerThread, Self.reentrancy)
        let outcome: Result<LivePromptID, EngineError> = await withCheckedContinuation { continuation in
            scheduler.condition.lock()
            defer { scheduler.condition.unlock() }
            if closed {
                continuation.resume(returning: .failure(Self.closedError))
            } else {
                scheduler.enqueuePrefill(.init(session: self, request: request, continuation: continuation))
            }
        }
        return try outcome.get()
    }

    func start(_ prompt: LivePromptID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
        try betweenSteps { () throws(EngineError) -> LiveSequenceID in
            guard !closed else { throw Self.closedError }
            guard prompts.indices.contains(prompt.rawValue) else {
                throw .invalidRequest("prompt \(prompt.rawValue) was not added to this session: call addPrompt first")
            }
            let source = prompts[prompt.rawValue]
            let decoder = try SequenceDecoder(request: source.request, seed: seed, promptTokens: source.tokens,
                                              tokenizer: batch.engine.tokenizer)
            let cache = KVCache(sharing: source.cache, capacity: source.tokens.count + source.room)
            return add(decoder: decoder, cache: cache, logits: source.logits)
        }
    }

    func fork(_ parent: LiveSequenceID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
        try betweenSteps { () throws(EngineError) -> LiveSequenceID in
            guard !closed else { throw Self.closedError }
            guard let source = sequences[parent] else {
                throw .invalidRequest("sequence \(parent.rawValue) is not live in this session (it finished, was stopped, "
                    + "or was never started here): fork a live sequence")
            }
            return add(decoder: try source.decoder.forked(seed: seed), cache: source.cache.copy(), logits: source.logits)
        }
    }

    @discardableResult
    func stop(_ sequence: LiveSequenceID) -> GenerationResult? {
        betweenSteps { () -> GenerationResult? in
            guard let stopped = sequences.removeValue(forKey: sequence) else { return nil }
            scheduler.counters.withLock { $0.liveSequences -= 1 }
            let result = stopped.decoder.stopped()
            stopped.cache.truncate(to: 0)
            notePages()
            return result
        }
    }

    func advance(until condition: LiveAdvanceCondition,
                 onToken: @escaping @Sendable (LiveSequenceID, String) -> Void) async throws(EngineError) -> [LiveFinish] {
        try await advance(until: condition, onToken: onToken, onLogProbabilities: { _, _ in })
    }

    func advance(until condition: LiveAdvanceCondition,
                 onToken: @escaping @Sendable (LiveSequenceID, String) -> Void,
                 onLogProbabilities: @escaping @Sendable (LiveSequenceID, TokenLogProbabilities) -> Void)
    async throws(EngineError) -> [LiveFinish] {
        if case let .steps(count) = condition, count < 1 {
            throw .invalidRequest("advance needs at least 1 step, got \(count)")
        }
        precondition(!scheduler.isSchedulerThread, Self.reentrancy)
        let outcome: Result<[LiveFinish], EngineError> = await withCheckedContinuation { continuation in
            scheduler.condition.lock()
            defer { scheduler.condition.unlock() }
            if closed {
                continuation.resume(returning: .failure(Self.closedError))
            } else if pending != nil {
                continuation.resume(returning: .failure(.invalidRequest(
                    "this session is already inside advance: a session is driven by one task at a time")))
            } else if sequences.isEmpty {
                continuation.resume(returning: .success([]))
            } else {
                pending = PendingAdvance(condition: condition, onToken: onToken, onLogProbabilities: onLogProbabilities,
                                         continuation: continuation)
                scheduler.enqueueAdvance(self)
            }
        }
        return try outcome.get()
    }

    var liveSequences: [LiveSequenceID] {
        scheduler.condition.lock()
        defer { scheduler.condition.unlock() }
        return sequences.keys.sorted()
    }

    var usage: LiveUsage {
        scheduler.condition.lock()
        defer { scheduler.condition.unlock() }
        return counts
    }

    func close() {
        betweenSteps {
            guard !closed else { return }
            closed = true
            let live = sequences.count
            // Pages are released here, explicitly, even if a reference to a cache lingers elsewhere for a moment.
            for sequence in sequences.values { sequence.cache.truncate(to: 0) }
            for prompt in prompts { prompt.cache.truncate(to: 0) }
            sequences = [:]
            prompts = []
            scheduler.counters.withLock {
                $0.openSessions -= 1
                $0.liveSequences -= live
            }
            notePages()
            if let pending { finishAdvance(.success(pending.finishes)) }
        }
    }

    // MARK: - Called by the scheduler, holding its lock

    /// The live sequences, by id.
    var sequencesInOrder: [LiveSequence] { sequences.values.sorted { $0.id < $1.id } }

    /// The streaming callback of the advance in progress.
    var onToken: OnToken {
        if let pending { return pending.onToken }
        return { _, _ in }
    }

    /// The log-probabilities callback of the advance in progress.
    var onLogProbabilities: OnLogProbabilities {
        if let pending { return pending.onLogProbabilities }
        return { _, _ in }
    }

    /// Records a prefilled prompt (refused when the session was closed meanwhile; its pages are then released).
    func register(_ prompt: LivePrompt) -> Result<LivePromptID, EngineError> {
        guard !closed else { return .failure(Self.closedError) }
        prompts.append(prompt)
        counts.promptTokens += prompt.tokens.count
        counts.cachedPromptTokens += prompt.cachedTokens
        counts.forwardPasses += 1
        notePages()
        return .success(LivePromptID(prompts.count - 1))
    }

    /// Applies one step's outcome and resumes the advance when its condition holds.
    func commitStep(_ outcome: StepOutcome) {
        busy = false
        counts.generatedTokens += outcome.generated
        counts.forwardPasses += outcome.passes
        notePages()  // the step's peak: finished sequences still hold their pages
        guard var advance = pending else { return }
        advance.steps += 1
        for sequence in outcome.finished {
            sequences[sequence.id] = nil
            advance.finishes.append(LiveFinish(sequence: sequence.id, result: sequence.decoder.result()))
            sequence.cache.truncate(to: 0)
        }
        for sequence in outcome.broken {
            sequences[sequence.id] = nil
            sequence.cache.truncate(to: 0)
        }
        let ended = outcome.finished.count + outcome.broken.count
        scheduler.counters.withLock { $0.liveSequences -= ended }
        notePages()
        pending = advance
        if let error = outcome.error { return finishAdvance(.failure(error)) }
        let done: Bool
        switch advance.condition {
        case .anyFinished: done = !advance.finishes.isEmpty
        case .allFinished: done = false
        case let .steps(count): done = advance.steps >= count
        }
        if done || sequences.isEmpty { finishAdvance(.success(advance.finishes)) }
    }

    /// Ends the advance in progress with `result`.
    func finishAdvance(_ result: Result<[LiveFinish], EngineError>) {
        busy = false
        guard let advance = pending else { return }
        pending = nil
        scheduler.removeWaiting(self)
        advance.continuation.resume(returning: result)
    }

    // MARK: - Helpers

    private static let closedError = EngineError.invalidRequest("the live session was closed: make a new session")
    private static let reentrancy = "a live session cannot be called from its own onToken callback"

    /// Runs `body` under the batch's lock once the session is not being stepped.
    private func betweenSteps<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        precondition(!scheduler.isSchedulerThread, Self.reentrancy)
        scheduler.condition.lock()
        defer { scheduler.condition.unlock() }
        while busy { scheduler.condition.wait() }
        return try body()
    }

    private func add(decoder: SequenceDecoder, cache: KVCache, logits: [Float]) -> LiveSequenceID {
        let id = LiveSequenceID(nextSequence)
        nextSequence += 1
        sequences[id] = LiveSequence(id: id, decoder: decoder, cache: cache, logits: logits)
        scheduler.counters.withLock { $0.liveSequences += 1 }
        notePages()
        return id
    }

    /// The pages the session's prompts and sequences hold (shared pages once).
    var heldPageIDs: Set<KVPageID> {
        scheduler.condition.lock()
        defer { scheduler.condition.unlock() }
        return pageSet()
    }

    private func pageSet() -> Set<KVPageID> {
        var pages = Set<KVPageID>()
        for prompt in prompts { pages.formUnion(prompt.cache.pageIDs) }
        for sequence in sequences.values { pages.formUnion(sequence.cache.pageIDs) }
        return pages
    }

    /// Updates the pages the session holds (shared pages counted once) and its peak.
    private func notePages() {
        let pages = pageSet()
        counts.pagesInUse = pages.count
        counts.peakPages = max(counts.peakPages, pages.count)
    }
}
