import Synchronization

/// A pool of fixed-size, reference-counted KV pages: the memory every ``KVCache`` stores its keys and values in.
///
/// A page holds `positionsPerPage` consecutive positions of one sequence, for every layer: for layer `l`, the keys
/// of its positions (`positionsPerPage` rows of `kvDimension` floats), then their values. A cache's page table
/// lists its pages in position order; caches that share a prefix list the same pages (each reference counted once),
/// and a page is written only by a cache that holds its sole reference (copy-on-write, see ``KVCache``).
///
/// Accounting: ``pagesInUse`` pages have at least one reference; a page whose count falls to 0 returns to the pool
/// at once (its memory is kept for reuse, within ``pageLimit``, and counted in ``retainedPages``). With a
/// ``pageLimit``, asking for a page beyond it first asks the pool's reclaimer (a ``KVPrefixCache``, see
/// ``setReclaimer(_:)``) to give pages back, then throws ``ModelError/kvPagesExhausted(positionsPerPage:limit:bytesPerPage:)``
/// (nothing is allocated); without one the pool grows on demand.
///
/// Thread-safe: reference counts and the free list are kept under a lock, so caches of one pool may be used from
/// different threads (each cache by one thread at a time).
public final class KVPagePool: Sendable {
    public let layers: Int
    public let kvDimension: Int
    /// Positions one page holds.
    public let positionsPerPage: Int
    /// Most pages in use at once (nil: unbounded).
    public let pageLimit: Int?
    /// Floats in one page: `layers × 2 × positionsPerPage × kvDimension`.
    let floatsPerPage: Int
    private let state: Mutex<State>
    /// Who can give pages back when the limit is reached (a ``KVPrefixCache``), held weakly.
    private let reclaimer = Mutex(WeakReclaimer())

    /// The default page size: 16 positions, as vLLM's default block. A sequence wastes at most one partly filled
    /// page; a fork copies at most one page (its partly filled last one); attention walks one segment per page.
    public static let defaultPositionsPerPage = 16

    /// - Parameters:
    ///   - positionsPerPage: positions per page (≥ 1).
    ///   - pageLimit: most pages in use at once (≥ 0), nil for no limit.
    public init(layers: Int, kvDimension: Int, positionsPerPage: Int = KVPagePool.defaultPositionsPerPage,
                pageLimit: Int? = nil) {
        precondition(positionsPerPage >= 1, "a KV page must hold at least one position, got \(positionsPerPage)")
        precondition((pageLimit ?? 0) >= 0, "a page limit cannot be negative")
        self.layers = layers
        self.kvDimension = kvDimension
        self.positionsPerPage = positionsPerPage
        self.pageLimit = pageLimit
        floatsPerPage = KVCache.storageFloats(layers: layers, kvDimension: kvDimension, rows: positionsPerPage)
        state = Mutex(State())
    }

    /// A pool whose page count fits `byteLimit` bytes (at least as many pages as fit, never fewer than 0).
    public convenience init(layers: Int, kvDimension: Int, positionsPerPage: Int = KVPagePool.defaultPositionsPerPage,
                            byteLimit: Int) {
        let perPage = KVCache.byteCount(layers: layers, kvDimension: kvDimension, positions: positionsPerPage) ?? Int.max
        self.init(layers: layers, kvDimension: kvDimension, positionsPerPage: positionsPerPage,
                  pageLimit: max(0, byteLimit) / max(1, perPage))
    }

    deinit {
        state.withLock { state in
            for storage in state.storage { storage?.deallocate() }
            for storage in state.recycled { storage.deallocate() }
        }
    }

    /// Bytes one page takes.
    public var bytesPerPage: Int { floatsPerPage * MemoryLayout<Float>.size }

    /// Pages with at least one reference.
    public var pagesInUse: Int { state.withLock { $0.inUse } }

    /// The most pages in use at once since the pool was made (or since ``resetPeak()``).
    public var peakPagesInUse: Int { state.withLock { $0.peak } }

    /// Pages that can still be taken before ``pageLimit`` is reached (nil without a limit).
    public var availablePages: Int? { pageLimit.map { limit in max(0, limit - pagesInUse) } }

    /// Pages that can be taken before an allocation fails: ``availablePages`` plus the pages the reclaimer (a
    /// prefix cache) would give back (nil without a limit).
    public var obtainablePages: Int? {
        guard let available = availablePages else { return nil }
        return available + (reclaimer.withLock { $0.target }?.reclaimablePages ?? 0)
    }

    /// Makes `target` the pool's reclaimer: when an allocation finds the pool at its limit, it first asks `target`
    /// to give pages back (a prefix cache drops cached pages nobody else references), then fails only if that
    /// freed none. Held weakly; nil removes it.
    public func setReclaimer(_ target: (any KVPageReclaiming)?) {
        reclaimer.withLock { $0.target = target }
    }

    /// Freed pages whose memory the pool keeps for reuse.
    public var retainedPages: Int { state.withLock { $0.recycled.count } }

    /// References to `page` (0 once it returned to the pool).
    public func referenceCount(of page: KVPageID) -> Int {
        state.withLock { state in state.counts.indices.contains(page.rawValue) ? state.counts[page.rawValue] : 0 }
    }

    /// Starts a new peak measurement from the pages in use now.
    public func resetPeak() { state.withLock { $0.peak = $0.inUse } }

    // MARK: - Used by KVCache

    /// A fresh page with one reference (its contents undefined), or the typed error when the limit is reached and
    /// the reclaimer (if any) could give no page back.
    func allocate() throws(ModelError) -> (id: KVPageID, base: UnsafeMutablePointer<Float>) {
        if let page = tryAllocate() { return page }
        // The reclaimer releases pages through `release`, so it is called without the pool's lock held.
        if let target = reclaimer.withLock({ $0.target }), target.reclaim(pages: 1) > 0, let page = tryAllocate() {
            return page
        }
        throw .kvPagesExhausted(positionsPerPage: positionsPerPage, limit: pageLimit ?? 0, bytesPerPage: bytesPerPage)
    }

    private func tryAllocate() -> (id: KVPageID, base: UnsafeMutablePointer<Float>)? {
        let floats = floatsPerPage
        let limit = pageLimit
        let page: (id: KVPageID, base: UnsafeMutablePointer<Float>)? = state.withLock { state in
            if let limit, state.inUse >= limit { return nil }
            let base = state.recycled.popLast() ?? .allocate(capacity: floats)
            let id: Int
            if let free = state.freeIDs.popLast() {
                id = free
                state.storage[id] = base
                state.counts[id] = 1
            } else {
                id = state.storage.count
                state.storage.append(base)
                state.counts.append(1)
            }
            state.inUse += 1
            state.peak = max(state.peak, state.inUse)
            return (KVPageID(id), base)
        }
        return page
    }

    /// The memory of `page`, which must have a reference.
    func base(of page: KVPageID) -> UnsafeMutablePointer<Float> {
        state.withLock { state in
            guard let base = state.storage[page.rawValue], state.counts[page.rawValue] > 0 else {
                preconditionFailure("KV \(page) is free: it has no memory to read")
            }
            return base
        }
    }

    /// One more reference to each page.
    func retain(_ pages: some Sequence<KVPageID>) {
        state.withLock { state in
            for page in pages {
                precondition(state.counts[page.rawValue] > 0, "retaining KV page \(page.rawValue), which is free")
                state.counts[page.rawValue] += 1
            }
        }
    }

    /// Drops one reference to each page; pages left without one return to the pool.
    func release(_ pages: some Sequence<KVPageID>) {
        let limit = pageLimit
        state.withLock { state in
            for page in pages {
                let id = page.rawValue
                precondition(state.counts[id] > 0, "releasing KV page \(id), which is already free")
                state.counts[id] -= 1
                guard state.counts[id] == 0, let storage = state.storage[id] else { continue }
                state.storage[id] = nil
                state.freeIDs.append(id)
                state.inUse -= 1
                // Keep freed memory for the next page, but never more than the limit allows in use.
                if state.recycled.count + state.inUse < (limit ?? Int.max) && state.recycled.count < Self.recycleCap {
                    state.recycled.append(storage)
                } else {
                    storage.deallocate()
                }
            }
        }
    }

    /// Whether `page` has more than one reference (a cache must copy it before writing).
    func isShared(_ page: KVPageID) -> Bool { state.withLock { $0.counts[page.rawValue] > 1 } }

    /// Most freed pages kept for reuse by a pool without a limit (a pool with one keeps up to its limit).
    private static let recycleCap = 4096

    private struct WeakReclaimer {
        weak var target: (any KVPageReclaiming)?
    }

    private struct State {
        /// Memory of each page id (nil while the id is free).
        var storage: [UnsafeMutablePointer<Float>?] = []
        var counts: [Int] = []
        var freeIDs: [Int] = []
        var recycled: [UnsafeMutablePointer<Float>] = []
        var inUse = 0
        var peak = 0
    }
}

/// Something holding references to pages of a ``KVPagePool`` that it can give up on demand (a ``KVPrefixCache``).
public protocol KVPageReclaiming: AnyObject, Sendable {
    /// Pages that ``reclaim(pages:)`` could return to the pool now (referenced by the reclaimer alone).
    var reclaimablePages: Int { get }
    /// Gives up references until up to `pages` pages returned to the pool; returns how many did.
    func reclaim(pages: Int) -> Int
}

/// A page of a ``KVPagePool`` (ids are reused once a page returns to the pool).
public struct KVPageID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "page \(rawValue)" }
}
