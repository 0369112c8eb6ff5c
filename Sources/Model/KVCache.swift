/// Keys and values of every layer for the positions processed so far, in fp32, stored in pages of a ``KVPagePool``.
///
/// The cache holds a page table: page `i` holds positions `i·P ..< (i+1)·P` (`P` = ``positionsPerPage``); `count`
/// positions are filled and `forward` appends after them, taking pages from the pool as it goes (at most the last
/// page is partly filled).
///
/// Sharing, as in vLLM's PagedAttention: ``init(sharing:capacity:)`` and ``copy()`` make a cache that references the
/// same pages (each page's reference count goes up; nothing is copied), so N samples of one prompt hold the prompt's
/// keys and values once, and a forked sequence shares everything its parent computed. Copy-on-write keeps caches
/// independent: before writing into a page that another cache also references (only ever the partly filled last
/// page, or one left partly valid by ``truncate(to:)``), a cache copies that page's filled rows into a fresh page
/// of its own and drops its reference to the shared one. Full shared pages are never written. Dropping a cache
/// (or truncating it) releases its references; a page whose count falls to 0 returns to the pool.
///
/// A cache is used by one thread at a time; caches of one pool may be used by different threads at once.
// Unchecked because `count` and the page table are mutable without a lock: a cache is handed between threads (an
// engine's decoding task, the worker pool's chunks) but written by one at a time, as documented above; a pool call
// writes disjoint rows of it from several threads and returns only after every chunk finished. Pages shared with
// other caches are only read (a writer copies a shared page first); the pool's counts are kept under its lock.
public final class KVCache: @unchecked Sendable {
    public let layers: Int
    public let kvDimension: Int
    /// Largest number of positions the cache can hold (the context window).
    public let capacity: Int
    /// Number of positions currently filled.
    public private(set) var count: Int = 0
    /// The pool the cache's pages come from.
    public let pool: KVPagePool
    /// Positions this cache received, shared, from the cache it was made from with ``init(sharing:capacity:)``
    /// (0 for a fresh cache; a ``copy()`` keeps its original's). Informational: shared pages are reference counted.
    public let prefixCount: Int
    /// Page table: the pages holding positions `i·P ..< (i+1)·P`, in order, and their memory. At least
    /// `⌈count / P⌉` entries (a failed append may leave an extra, empty page).
    private var pages: [KVPageID] = []
    private var bases: [UnsafeMutablePointer<Float>] = []

    /// An empty cache with a pool of its own (pages of ``KVPagePool/defaultPositionsPerPage`` positions, no limit).
    public convenience init(layers: Int, kvDimension: Int, capacity: Int) {
        self.init(pool: KVPagePool(layers: layers, kvDimension: kvDimension), capacity: capacity)
    }

    /// An empty cache taking its pages from `pool`.
    public init(pool: KVPagePool, capacity: Int) {
        precondition(capacity >= 0, "a KV cache cannot hold \(capacity) positions")
        layers = pool.layers
        kvDimension = pool.kvDimension
        self.capacity = capacity
        self.pool = pool
        prefixCount = 0
    }

    /// A cache whose first positions are already written in the full pages `pages` (in position order,
    /// `positionsPerPage` positions each: a prefix found in a ``KVPrefixCache``). It takes over one reference the
    /// caller holds on each page (nothing is copied, no count changes) and appends after them; full pages are never
    /// written, so they stay shared.
    public init(pool: KVPagePool, capacity: Int, adopting pages: [KVPageID]) {
        let positions = pages.count * pool.positionsPerPage
        precondition(capacity >= positions, "capacity \(capacity) is below the \(positions) positions of the adopted pages")
        layers = pool.layers
        kvDimension = pool.kvDimension
        self.capacity = capacity
        self.pool = pool
        prefixCount = positions
        self.pages = pages
        bases = pages.map { pool.base(of: $0) }
        count = positions
    }

    /// A cache that continues `prefix` (all of its current positions) without copying them: it references the
    /// same pages. Either cache may go on writing; the first write into a shared, partly filled page copies it.
    public convenience init(sharing prefix: KVCache, capacity: Int) {
        precondition(capacity >= prefix.count, "capacity \(capacity) is below the shared prefix of \(prefix.count) positions")
        self.init(cloning: prefix, capacity: capacity, prefixCount: prefix.count)
    }

    private init(cloning original: KVCache, capacity: Int, prefixCount: Int) {
        layers = original.layers
        kvDimension = original.kvDimension
        self.capacity = capacity
        pool = original.pool
        self.prefixCount = prefixCount
        let used = original.pagesCovering(original.count)
        pages = Array(original.pages[..<used])
        bases = Array(original.bases[..<used])
        count = original.count
        pool.retain(pages)
    }

    deinit { pool.release(pages) }

    /// Positions per page.
    public var positionsPerPage: Int { pool.positionsPerPage }

    /// The pages holding the filled positions, in position order (`⌈count / positionsPerPage⌉` of them).
    public var pageIDs: [KVPageID] { Array(pages[..<pagesCovering(count)]) }

    /// Bytes of the pages only this cache references (its own keys and values, not those it shares).
    public var byteCount: Int {
        pageIDs.filter { pool.referenceCount(of: $0) == 1 }.count * pool.bytesPerPage
    }

    /// Pages needed to hold `positions` positions.
    @inline(__always) private func pagesCovering(_ positions: Int) -> Int {
        (positions + pool.positionsPerPage - 1) / pool.positionsPerPage
    }

    /// Where position `position` (< count + reserved) of `layer` is stored: (key row, value row). The page must be
    /// this cache's own (``prepareAppend(_:)`` made sure of it).
    @inline(__always) func slot(layer: Int, position: Int) -> (key: UnsafeMutablePointer<Float>, value: UnsafeMutablePointer<Float>) {
        let perPage = pool.positionsPerPage
        let keys = bases[position / perPage] + (layer * 2 * perPage + position % perPage) * kvDimension
        return (keys, keys + perPage * kvDimension)
    }

    /// A contiguous run of cached positions: `count` rows of keys and values, starting at position `start`.
    // Unchecked because of the raw pointers: a segment is a read-only view of rows of a live cache's pages, used
    // only within the forward pass that made it, while that cache (which references the pages) is kept alive.
    struct Segment: @unchecked Sendable {
        let start: Int
        let count: Int
        let keys: UnsafePointer<Float>
        let values: UnsafePointer<Float>
    }

    /// The runs holding positions `0..<positions` of `layer`, in position order: one per page.
    func segments(layer: Int, positions: Int) -> [Segment] {
        let perPage = pool.positionsPerPage
        let stride = perPage * kvDimension
        return (0..<pagesCovering(positions)).map { page in
            let keys = bases[page] + layer * 2 * stride
            return Segment(start: page * perPage, count: min(perPage, positions - page * perPage),
                           keys: keys, values: keys + stride)
        }
    }

    /// Pages that appending `positions` positions takes from the pool: new pages, plus a copy of each shared page
    /// the new positions fall into (at most the partly filled last one).
    public func pagesNeeded(toAppend positions: Int) -> Int {
        guard positions > 0 else { return 0 }
        let perPage = pool.positionsPerPage
        let first = count / perPage, last = (count + positions - 1) / perPage
        var needed = max(0, last + 1 - pages.count)
        for page in first..<min(last + 1, pages.count) where pool.isShared(pages[page]) { needed += 1 }
        return needed
    }

    /// Makes positions `count ..< count + positions` writable by this cache alone: copies a shared page they fall
    /// into (copy-on-write) and takes new pages from the pool. Throws, leaving the filled positions unchanged, when
    /// the pool's limit is reached.
    func prepareAppend(_ positions: Int) throws(ModelError) {
        guard positions > 0 else { return }
        let perPage = pool.positionsPerPage
        let first = count / perPage, last = (count + positions - 1) / perPage
        for page in first..<min(last + 1, pages.count) where pool.isShared(pages[page]) {
            let fresh = try pool.allocate()
            let filledRows = max(0, min(perPage, count - page * perPage))
            for layer in 0..<layers * 2 {
                let offset = layer * perPage * kvDimension
                fresh.base.advanced(by: offset).update(from: bases[page].advanced(by: offset), count: filledRows * kvDimension)
            }
            pool.release([pages[page]])
            pages[page] = fresh.id
            bases[page] = fresh.base
        }
        while pages.count <= last {
            let fresh = try pool.allocate()
            pages.append(fresh.id)
            bases.append(fresh.base)
        }
    }

    /// Marks `n` more positions as filled (after `forward` wrote them).
    func advance(by n: Int) { count += n }

    /// Forgets every position from `newCount` on (`0 ≤ newCount ≤ count`), e.g. to rewind to a prompt prefix, and
    /// releases the pages no longer needed. Positions shared with other caches stay intact for them: a later write
    /// into a shared page copies it first.
    public func truncate(to newCount: Int) {
        precondition(newCount <= count, "cannot truncate a cache of \(count) positions to \(newCount)")
        precondition(newCount >= 0, "cannot truncate a cache to \(newCount) positions")
        count = newCount
        let keep = pagesCovering(newCount)
        guard pages.count > keep else { return }
        pool.release(pages[keep...])
        pages.removeSubrange(keep...)
        bases.removeSubrange(keep...)
    }

    /// An independent cache holding the same filled positions: it references the same pages (no copy), and
    /// either cache copies a shared page before writing into it.
    public func copy() -> KVCache {
        KVCache(cloning: self, capacity: capacity, prefixCount: prefixCount)
    }
}
