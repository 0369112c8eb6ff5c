import Foundation
import Model

/// The local engine's live batch: every session's live sequences are decoded together, one batched forward pass
/// per step, on one dedicated thread (never on Swift's cooperative pool).
///
/// Keys and values live in one ``KVPagePool`` sized from the engine's `kvMemoryLimit` (pages of
/// ``KVPagePool/defaultPositionsPerPage`` positions). A prompt is prefilled once per `addPrompt` (with a prefix cache,
/// only what follows its cached full pages); sequences started from it share its pages; a fork shares all its parent's pages and copies only the partly filled last page, on
/// its first write (copy-on-write); a stopped or finished sequence releases its pages at once.
///
/// The thread serves, in turn, one step for all the sessions waiting in `advance` (sampling each of their live
/// sequences with its own decoder, then one batched forward pass for all the tokens sampled, whatever task each
/// session belongs to) and one queued prefill. Results never depend on what else is in the batch: the batched
/// forward pass is batch-invariant, and every sequence samples from its own seeded stream.
///
/// Pages: before a step, each waiting session's worst case for the step (a new page, or a copy of a shared last
/// page, per live sequence) is reserved in arrival order; a session that does not fit in what is left is not
/// stepped and its `advance` throws `EngineError.model(.kvPagesExhausted(...))`, its state unchanged (stop or
/// finish some sequences, then call `advance` again). A prefill that does not fit throws the same error.
public final class LiveBatch: LiveGenerating, Sendable {
    /// The engine whose model and tokenizer the batch uses.
    public let engine: LocalEngine
    /// Most sequences decoded in one forward pass; a step with more live sequences runs several passes (results
    /// unchanged: the pass is batch-invariant).
    public let maxSequences: Int
    let scheduler: LiveScheduler

    /// - Parameters:
    ///   - engine: the local engine to run; the batch's page pool holds at most `engine.kvMemoryLimit` bytes.
    ///   - maxSequences: most sequences per forward pass (≥ 1).
    ///   - positionsPerPage: positions per KV page (≥ 1).
    ///   - prefixCachePages: most pages the cross-prompt prefix cache keeps (``KVPrefixCache``); 0 (the default)
    ///     turns it off. With it, a prompt whose first full pages were prefilled recently (by any session) shares
    ///     them and prefills only the rest, bit-identically (see ``KVPrefixCache/reusablePages(promptLength:positionsPerPage:)``);
    ///     cached pages count in the pool's pages in use and are dropped first when the pool runs out.
    public init(engine: LocalEngine, maxSequences: Int = 64,
                positionsPerPage: Int = KVPagePool.defaultPositionsPerPage, prefixCachePages: Int = 0) {
        precondition(maxSequences >= 1, "a live batch needs room for at least one sequence per pass")
        precondition(prefixCachePages >= 0, "a prefix cache cannot hold \(prefixCachePages) pages")
        self.engine = engine
        self.maxSequences = maxSequences
        let shape = engine.model.shape
        let pool = KVPagePool(layers: shape.layers, kvDimension: shape.kvDimension, positionsPerPage: positionsPerPage,
                              byteLimit: engine.kvMemoryLimit)
        let prefixCache = prefixCachePages > 0 ? KVPrefixCache(pool: pool, pageLimit: prefixCachePages) : nil
        scheduler = LiveScheduler(engine: engine, pool: pool, prefixCache: prefixCache, maxRowsPerPass: maxSequences)
        scheduler.start()
    }

    /// The default size of a server's prefix cache: a quarter of the pages the batch's pool would hold for
    /// `engine` (at least 1; 0 when the pool holds none).
    public static func defaultPrefixCachePages(engine: LocalEngine,
                                               positionsPerPage: Int = KVPagePool.defaultPositionsPerPage) -> Int {
        let shape = engine.model.shape
        let perPage = KVCache.byteCount(layers: shape.layers, kvDimension: shape.kvDimension,
                                        positions: positionsPerPage) ?? Int.max
        let pages = max(0, engine.kvMemoryLimit) / max(1, perPage)
        return pages == 0 ? 0 : max(1, pages / 4)
    }

    deinit { scheduler.shutDown() }

    public var modelIdentifier: String { engine.modelIdentifier }

    public func makeSession() -> any LiveSession { LiveBatchSession(batch: self) }

    /// The page pool holding every session's keys and values.
    public var pool: KVPagePool { scheduler.pool }

    /// Batch-wide counters, for a server's metrics.
    public var metrics: LiveBatchMetrics { scheduler.metrics() }

    /// The cross-prompt prefix cache (nil when turned off).
    public var prefixCache: KVPrefixCache? { scheduler.prefixCache }
}

/// What a live batch holds and has done (a snapshot).
public struct LiveBatchMetrics: Sendable, Equatable, Codable {
    /// Sessions made and not yet closed.
    public var openSessions: Int
    /// Sequences still generating, over all sessions.
    public var liveSequences: Int
    /// Sessions inside `advance`, waiting for their next step.
    public var sessionsWaiting: Int
    /// Prompts queued for prefill.
    public var prefillsWaiting: Int
    /// KV pages referenced now / at most at once since the batch started / the pool's limit.
    public var pagesInUse: Int
    public var peakPages: Int
    public var pageLimit: Int
    /// Positions and bytes per page.
    public var positionsPerPage: Int
    public var bytesPerPage: Int
    /// Decoding steps taken and forward passes run (prefills included), since the batch started.
    public var steps: Int
    public var forwardPasses: Int
    /// The prefix cache's counters (all 0 when it is off).
    public var prefixCache = KVPrefixCacheStatistics()
}
