import Foundation
import Model
import Synchronization

/// The state and the thread of a ``LiveBatch``.
///
/// Locking: `condition` guards the queues here and every session's mutable state. The thread takes the work of one
/// step (or one prefill) under the lock, marks the sessions involved busy, computes without the lock, and commits
/// under it; a session's synchronous calls (`start`, `fork`, `stop`, `close`) wait while it is busy, so they take
/// effect between steps. `counters` (a separate lock, taken after `condition` when both are needed) holds the counts
/// a session's deinit updates, which must not wait for `condition`.
// Unchecked because the mutable state is guarded by `condition` as described above.
final class LiveScheduler: @unchecked Sendable {
    let engine: LocalEngine
    let pool: KVPagePool
    let prefixCache: KVPrefixCache?
    let maxRowsPerPass: Int
    let condition = NSCondition()
    let counters = Mutex(Counters())
    private var thread: Thread?

    // Guarded by `condition`.
    private var prefills: [PrefillJob] = []
    private var waiting: [LiveBatchSession] = []
    private var shuttingDown = false
    private var steps = 0
    private var forwardPasses = 0

    struct Counters {
        var openSessions = 0
        var liveSequences = 0
    }

    struct PrefillJob {
        let session: LiveBatchSession
        let request: GenerationRequest
        let continuation: CheckedContinuation<Result<LivePromptID, EngineError>, Never>
    }

    init(engine: LocalEngine, pool: KVPagePool, prefixCache: KVPrefixCache?, maxRowsPerPass: Int) {
        self.engine = engine
        self.pool = pool
        self.prefixCache = prefixCache
        self.maxRowsPerPass = maxRowsPerPass
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "reckon-live-batch"
        thread.stackSize = DedicatedThread.stackSize
        self.thread = thread
        thread.start()
    }

    /// Ends the thread (after the work it is doing). Called when the batch is released, so no session is left.
    func shutDown() {
        condition.lock()
        shuttingDown = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the caller is the batch's own thread (a session must not be called from its `onToken` callback).
    var isSchedulerThread: Bool { Thread.current === thread }

    func metrics() -> LiveBatchMetrics {
        condition.lock()
        defer { condition.unlock() }
        let counts = counters.withLock { $0 }
        return LiveBatchMetrics(
            openSessions: counts.openSessions, liveSequences: counts.liveSequences, sessionsWaiting: waiting.count,
            prefillsWaiting: prefills.count, pagesInUse: pool.pagesInUse, peakPages: pool.peakPagesInUse,
            pageLimit: pool.pageLimit ?? Int.max, positionsPerPage: pool.positionsPerPage,
            bytesPerPage: pool.bytesPerPage, steps: steps, forwardPasses: forwardPasses,
            prefixCache: prefixCache?.statistics ?? KVPrefixCacheStatistics())
    }

    // MARK: - Submitting work (called by sessions, holding `condition`)

    func enqueuePrefill(_ job: PrefillJob) {
        prefills.append(job)
        condition.broadcast()
    }

    func enqueueAdvance(_ session: LiveBatchSession) {
        waiting.append(session)
        condition.broadcast()
    }

    func removeWaiting(_ session: LiveBatchSession) {
        waiting.removeAll { $0 === session }
    }

    // MARK: - The thread

    private enum Work {
        case step([LiveBatchSession])
        case prefill(PrefillJob)
    }

    private func loop() {
        var preferPrefill = false
        while true {
            condition.lock()
            while !shuttingDown && prefills.isEmpty && waiting.isEmpty { condition.wait() }
            if shuttingDown {
                condition.unlock()
                return
            }
            // Alternate between steps and prefills so that neither starves the other.
            let work: Work
            if !prefills.isEmpty && (waiting.isEmpty || preferPrefill) {
                work = .prefill(prefills.removeFirst())
            } else {
                let sessions = waiting
                for session in sessions { session.busy = true }
                work = .step(sessions)
            }
            preferPrefill.toggle()
            condition.unlock()
            // The work (and the session references it holds) is released here, after the commit and without the
            // lock held, so that a session's deinit never runs under `condition`.
            withExtendedLifetime(work) {
                switch work {
                case let .step(sessions): step(sessions)
                case let .prefill(job): prefill(job)
                }
            }
        }
    }

    /// Prefills one prompt into the pool, registers it with its session, and resumes the caller (after this thread
    /// let go of the prompt's cache, so that the session alone decides when its pages are released).
    private func prefill(_ job: PrefillJob) {
        let reply = prefillAndRegister(job)
        job.continuation.resume(returning: reply)
    }

    private func prefillAndRegister(_ job: PrefillJob) -> Result<LivePromptID, EngineError> {
        let outcome: Result<LivePrompt, EngineError>
        do throws(EngineError) {
            let tokens = try engine.validatedPromptTokens(job.request)
            // Full pages of a recently prefilled prefix are shared, not recomputed (only as many as keep the
            // output bit-identical to a whole prefill).
            let reused = prefixCache?.lookup(tokens, maxPages: KVPrefixCache.reusablePages(
                promptLength: tokens.count, positionsPerPage: pool.positionsPerPage)) ?? []
            let cache = KVCache(pool: pool, capacity: tokens.count, adopting: reused)
            let cached = cache.count
            let logits: [Float]
            do {
                logits = try engine.model.forward(Array(tokens[cached...]), cache: cache, logits: .last)[0]
            } catch { throw .model(error) }
            prefixCache?.insert(tokens, pages: cache.pageIDs)
            outcome = .success(LivePrompt(tokens: tokens, cache: cache, logits: logits, request: job.request,
                                          room: engine.room(job.request, promptCount: tokens.count),
                                          cachedTokens: cached))
        } catch {
            outcome = .failure(error)
        }
        condition.lock()
        defer { condition.unlock() }
        forwardPasses += 1
        return outcome.flatMap { prompt in job.session.register(prompt) }
    }

    /// One step for the sessions waiting in `advance`: reserve pages, sample every live sequence, one batched
    /// forward pass (or several of `maxRowsPerPass` rows) for the tokens sampled, then deliver.
    private func step(_ sessions: [LiveBatchSession]) {
        // Reserve the step's pages (only this thread takes pages from the pool, so the count cannot shrink).
        condition.lock()
        var available = pool.obtainablePages ?? Int.max  // cached prefix pages are given back on demand
        var admitted: [(session: LiveBatchSession, sequences: [LiveSequence], onToken: LiveBatchSession.OnToken,
                        onLogProbabilities: LiveBatchSession.OnLogProbabilities)] = []
        var refused: [LiveBatchSession] = []
        for session in sessions {
            let sequences = session.sequencesInOrder
            let needed = sequences.reduce(0) { $0 + $1.cache.pagesNeeded(toAppend: 1) }
            if needed > available {
                refused.append(session)
            } else {
                available -= needed
                admitted.append((session, sequences, session.onToken, session.onLogProbabilities))
            }
        }
        condition.unlock()

        // Sample (no lock: the sessions are busy, so nothing else touches their sequences).
        var rows: [(session: Int, sequence: LiveSequence, token: Int)] = []
        var outcomes = admitted.map { _ in StepOutcome() }
        for (index, entry) in admitted.enumerated() {
            let onToken = entry.onToken
            let onLogProbabilities = entry.onLogProbabilities
            for sequence in entry.sequences {
                let before = sequence.decoder.generated.count
                let canContinue = sequence.cache.count < sequence.cache.capacity
                do {
                    let id = sequence.id
                    if let token = try sequence.decoder.step(logits: sequence.logits, canContinue: canContinue,
                                                             onText: { onToken(id, $0) },
                                                             onLogProbabilities: { onLogProbabilities(id, $0) }) {
                        rows.append((index, sequence, token))
                    } else {
                        outcomes[index].finished.append(sequence)
                    }
                } catch {
                    outcomes[index].error = error
                    outcomes[index].broken.append(sequence)
                }
                outcomes[index].generated += sequence.decoder.generated.count - before
            }
        }

        // Forward the sampled tokens.
        var passes = 0
        for start in stride(from: 0, to: rows.count, by: maxRowsPerPass) {
            let chunk = rows[start..<min(rows.count, start + maxRowsPerPass)]
            do {
                let logits = try engine.model.forward(decoding: chunk.map(\.token), caches: chunk.map(\.sequence.cache))
                for (row, entry) in zip(logits, chunk) { entry.sequence.logits = row }
                passes += 1
                for index in Set(chunk.map(\.session)) { outcomes[index].passes += 1 }
            } catch {
                // Not expected (pages were reserved, the context checked): the sequences not forwarded are no
                // longer consistent, so they end, and their sessions' advance throws.
                for entry in rows[start...] {
                    outcomes[entry.session].error = .model(error)
                    outcomes[entry.session].broken.append(entry.sequence)
                }
                break
            }
        }

        // Commit.
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        if !admitted.isEmpty { steps += 1 }
        forwardPasses += passes
        for (index, entry) in admitted.enumerated() {
            entry.session.commitStep(outcomes[index])
        }
        let refusal = EngineError.model(.kvPagesExhausted(positionsPerPage: pool.positionsPerPage,
                                                          limit: pool.pageLimit ?? 0, bytesPerPage: pool.bytesPerPage))
        for session in refused { session.finishAdvance(.failure(refusal)) }
    }
}

/// What one step did to one session.
struct StepOutcome {
    /// Sequences that ended by themselves this step (in sequence order).
    var finished: [LiveSequence] = []
    /// Sequences that failed this step (sampling or forward error) and end with the session's advance.
    var broken: [LiveSequence] = []
    var error: EngineError?
    /// Tokens the session's sequences kept this step.
    var generated = 0
    /// Forward passes the session's rows took part in.
    var passes = 0
}

/// A processed prompt of a session.
struct LivePrompt {
    let tokens: [Int]
    let cache: KVCache
    let logits: [Float]
    let request: GenerationRequest
    /// Positions a sequence may add after the prompt.
    let room: Int
    /// Leading prompt positions shared from the prefix cache instead of computed.
    let cachedTokens: Int
}

/// One live sequence: its decoder, its cache (sharing pages with its prompt and relatives) and the logits it
/// samples its next token from.
final class LiveSequence {
    let id: LiveSequenceID
    var decoder: SequenceDecoder
    let cache: KVCache
    var logits: [Float]

    init(id: LiveSequenceID, decoder: SequenceDecoder, cache: KVCache, logits: [Float]) {
        self.id = id
        self.decoder = decoder
        self.cache = cache
        self.logits = logits
    }
}
