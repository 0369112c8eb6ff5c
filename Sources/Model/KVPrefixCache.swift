import Synchronization

/// A bounded cache of prompt prefixes' keys and values: the full pages of prompts prefilled recently, kept (by
/// reference, never copied) so that a later prompt with the same prefix (a system prompt, a few-shot block) shares
/// them instead of recomputing them.
///
/// Pages are chained: the entry of page `i` of a prompt is found by the entry of page `i − 1` and the page's
/// `positionsPerPage` token ids (a dictionary keyed by both, so tokens are compared exactly: a hash collision can
/// never reuse the wrong page). ``lookup(_:maxPages:)`` walks the chain from the first page and hands out the
/// longest run found; ``insert(_:pages:)`` adds a prefilled prompt's full pages. Only full pages are cached, and
/// they are never written again (a ``KVCache`` writes only after its last full page), so sharing them is safe.
///
/// Bounds: at most ``pageLimit`` pages are held (each one reference). Past it, and whenever the pool reaches its
/// limit (the cache is the pool's ``KVPageReclaiming`` reclaimer), the least recently used pages are dropped first,
/// deepest page first among equally recent ones, and only pages with no cached successor (a chain is never cut in
/// the middle). Under pool pressure only pages that nobody else references are dropped, since only those free
/// memory. Cached pages count in the pool's ``KVPagePool/pagesInUse``; ``clear()`` gives them all back.
///
/// Thread-safe (one lock, taken before the pool's).
public final class KVPrefixCache: KVPageReclaiming {
    public let pool: KVPagePool
    /// Most pages held at once (0: the cache keeps nothing).
    public let pageLimit: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - pool: the pool whose pages are cached; the cache makes itself its reclaimer.
    ///   - pageLimit: most pages held (≥ 0).
    public init(pool: KVPagePool, pageLimit: Int) {
        precondition(pageLimit >= 0, "a prefix cache cannot hold \(pageLimit) pages")
        self.pool = pool
        self.pageLimit = pageLimit
        pool.setReclaimer(self)
    }

    deinit {
        state.withLock { state in pool.release(state.entries.values.map(\.page)) }
    }

    /// The most full pages a prompt of `promptLength` tokens may take from the cache while its output stays
    /// bit-identical to a prefill of the whole prompt.
    ///
    /// A prefill multiplies its tokens two at a time (the batched GEMM's 2-token register block) and an odd last
    /// token alone; a single-token pass takes the per-token kernels instead. A token's arithmetic is therefore the
    /// same in a split prefill as in the whole one when the reused positions are even in number (the pairs keep
    /// their alignment) and at least 2 positions remain to compute (the rest is not a single-token pass). The
    /// cached pages themselves hold what a whole prefill writes for the same reason. Returns the largest page
    /// count meeting both conditions (0 for prompts shorter than a page plus 2 tokens).
    public static func reusablePages(promptLength: Int, positionsPerPage: Int) -> Int {
        guard promptLength >= 2, positionsPerPage >= 1 else { return 0 }
        var pages = (promptLength - 2) / positionsPerPage
        if (pages * positionsPerPage) % 2 != 0 { pages -= 1 }
        return max(0, pages)
    }

    /// The longest cached run of full pages that starts `tokens` (at most `maxPages` pages), in position order,
    /// with one reference on each taken for the caller (hand them to ``KVCache/init(pool:capacity:adopting:)``).
    /// Marks them recently used and counts a hit or a miss (prompts with `maxPages` 0 count neither).
    public func lookup(_ tokens: [Int], maxPages: Int) -> [KVPageID] {
        let perPage = pool.positionsPerPage
        let candidates = min(maxPages, tokens.count / perPage)
        return state.withLock { state in
            guard candidates > 0 else { return [] }
            var pages: [KVPageID] = []
            var parent = State.root
            state.clock += 1
            for index in 0..<candidates {
                let key = Key(parent: parent, tokens: Array(tokens[index * perPage..<(index + 1) * perPage]))
                guard let id = state.byKey[key] else { break }
                state.entries[id]!.lastUse = state.clock
                pages.append(state.entries[id]!.page)
                parent = id
            }
            if pages.isEmpty {
                state.misses += 1
            } else {
                state.hits += 1
                state.reusedTokens += pages.count * perPage
            }
            pool.retain(pages)
            return pages
        }
    }

    /// Caches the full pages of a prefilled prompt: `pages` are the pages holding `tokens`' positions, in order
    /// (a partly filled last page is ignored). Pages already cached for the same prefix are only marked recently
    /// used; new ones get a reference of the cache's. Then drops least recently used pages past ``pageLimit``.
    public func insert(_ tokens: [Int], pages: [KVPageID]) {
        let perPage = pool.positionsPerPage
        let full = min(pages.count, tokens.count / perPage)
        guard pageLimit > 0, full > 0 else { return }
        state.withLock { state in
            state.clock += 1
            var parent = State.root
            for index in 0..<full {
                let key = Key(parent: parent, tokens: Array(tokens[index * perPage..<(index + 1) * perPage]))
                if let id = state.byKey[key] {
                    state.entries[id]!.lastUse = state.clock
                    parent = id
                    continue
                }
                let id = state.nextID
                state.nextID += 1
                pool.retain([pages[index]])
                state.entries[id] = Entry(key: key, page: pages[index], depth: index, children: 0, lastUse: state.clock)
                state.byKey[key] = id
                if parent != State.root { state.entries[parent]!.children += 1 }
                parent = id
            }
            while state.entries.count > pageLimit, let victim = leastRecentlyUsedLeaf(state, onlyUnshared: false) {
                drop(victim, from: &state)
            }
        }
    }

    /// Pages held by the cache alone (dropping them frees them).
    public var reclaimablePages: Int {
        state.withLock { state in state.entries.values.count { pool.referenceCount(of: $0.page) == 1 } }
    }

    /// Drops least recently used pages that only the cache references until `pages` were freed or none is left.
    public func reclaim(pages: Int) -> Int {
        state.withLock { state in
            var freed = 0
            while freed < pages, let victim = leastRecentlyUsedLeaf(state, onlyUnshared: true) {
                drop(victim, from: &state)
                freed += 1
                state.evictedUnderPressure += 1
            }
            return freed
        }
    }

    /// Drops every cached page.
    public func clear() {
        state.withLock { state in
            pool.release(state.entries.values.map(\.page))
            state.entries = [:]
            state.byKey = [:]
        }
    }

    /// The pages held now (in no particular order).
    public var cachedPageIDs: [KVPageID] { state.withLock { $0.entries.values.map(\.page) } }

    /// Counters since the cache was made.
    public var statistics: KVPrefixCacheStatistics {
        state.withLock { state in
            KVPrefixCacheStatistics(hits: state.hits, misses: state.misses, reusedTokens: state.reusedTokens,
                                    cachedPages: state.entries.count, evictedUnderPressure: state.evictedUnderPressure)
        }
    }

    // MARK: - Private

    /// A page's place: the entry of the page before it (``State/root`` for a prompt's first page) and its tokens.
    private struct Key: Hashable {
        let parent: Int
        let tokens: [Int]
    }

    private struct Entry {
        let key: Key
        let page: KVPageID
        /// Index of the page in its prompt.
        let depth: Int
        /// Cached pages that continue this one.
        var children: Int
        var lastUse: UInt64
    }

    private struct State {
        static let root = -1
        var entries: [Int: Entry] = [:]
        var byKey: [Key: Int] = [:]
        var nextID = 0
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
        var reusedTokens = 0
        var evictedUnderPressure = 0
    }

    /// The least recently used entry without cached successors (deepest first among equals), restricted to pages
    /// only the cache references when `onlyUnshared`.
    private func leastRecentlyUsedLeaf(_ state: State, onlyUnshared: Bool) -> Int? {
        var best: (id: Int, entry: Entry)?
        for (id, entry) in state.entries where entry.children == 0 {
            if let current = best {
                let older = entry.lastUse < current.entry.lastUse
                    || (entry.lastUse == current.entry.lastUse && (entry.depth > current.entry.depth
                        || (entry.depth == current.entry.depth && id < current.id)))
                guard older else { continue }
            }
            if onlyUnshared && pool.referenceCount(of: entry.page) != 1 { continue }
            best = (id, entry)
        }
        return best?.id
    }

    private func drop(_ id: Int, from state: inout State) {
        guard let entry = state.entries.removeValue(forKey: id) else { return }
        state.byKey[entry.key] = nil
        if entry.key.parent != State.root { state.entries[entry.key.parent]?.children -= 1 }
        pool.release([entry.page])
    }
}

/// What a ``KVPrefixCache`` has done (a snapshot).
public struct KVPrefixCacheStatistics: Sendable, Equatable, Codable {
    /// Prompts that reused at least one cached page / that could have (a full page to spare) but found none.
    public var hits: Int
    public var misses: Int
    /// Prompt positions taken from the cache instead of computed.
    public var reusedTokens: Int
    /// Pages held now.
    public var cachedPages: Int
    /// Pages dropped because the pool ran out.
    public var evictedUnderPressure: Int

    public init(hits: Int = 0, misses: Int = 0, reusedTokens: Int = 0, cachedPages: Int = 0, evictedUnderPressure: Int = 0) {
        self.hits = hits
        self.misses = misses
        self.reusedTokens = reusedTokens
        self.cachedPages = cachedPages
        self.evictedUnderPressure = evictedUnderPressure
    }
}
