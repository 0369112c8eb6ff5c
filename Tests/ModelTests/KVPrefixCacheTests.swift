import Foundation
import Numerics
import Random
import Testing
@testable import Model

/// The cross-prompt prefix cache: split prefills that reuse cached pages are bit-identical to whole ones, the cache
/// stays within its page limit (least recently used first), gives pages back when the pool runs out, and leaks
/// nothing. On the tiny seeded model (2 layers, 32 floats per KV row, 300 tokens) and on bare pools.
@Suite struct KVPrefixCacheTests {
    static func prompt(_ count: Int, salt: Int = 0) -> [Int] { (0..<count).map { ($0 * 37 + 11 + salt * 101) % 300 } }

    /// Every K and V float of positions `0..<positions` of `cache`, layer by layer, as bit patterns.
    static func storedBits(_ cache: KVCache, positions: Int) -> [UInt32] {
        var bits: [UInt32] = []
        for layer in 0..<cache.layers {
            for segment in cache.segments(layer: layer, positions: positions) {
                let floats = segment.count * cache.kvDimension
                bits += UnsafeBufferPointer(start: segment.keys, count: floats).map(\.bitPattern)
                bits += UnsafeBufferPointer(start: segment.values, count: floats).map(\.bitPattern)
            }
        }
        return bits
    }

    @Test("the reusable prefix keeps an even count of positions and at least 2 to compute")
    func reusablePagesCondition() {
        // Exhaustive over small shapes: the conditions the doc states, and the largest such count.
        for perPage in 1...5 {
            for length in 0...40 {
                let pages = KVPrefixCache.reusablePages(promptLength: length, positionsPerPage: perPage)
                let reused = pages * perPage
                let valid = { (p: Int) in p * perPage % 2 == 0 && length - p * perPage >= 2 }
                #expect(pages == 0 || valid(pages), "length \(length), \(perPage) per page: \(pages) pages")
                #expect(reused <= max(0, length - 2))
                let best = (0...max(0, length / perPage)).filter(valid).max() ?? 0
                #expect(pages == best, "length \(length), \(perPage) per page")
            }
        }
        #expect(KVPrefixCache.reusablePages(promptLength: 34, positionsPerPage: 16) == 2)
        #expect(KVPrefixCache.reusablePages(promptLength: 33, positionsPerPage: 16) == 1)
        #expect(KVPrefixCache.reusablePages(promptLength: 32, positionsPerPage: 16) == 1)
    }

    /// Why the reuse is restricted: a prompt prefilled in two passes, split after every possible position, gets the
    /// whole prefill's last logits and keys and values bit for bit exactly when the split is even and at least 2
    /// positions remain (the prefill GEMM's 2-token blocks keep their alignment, and the rest is no single-token
    /// pass). The "only when" half holds for the AVX2 kernels (the portable GEMM has no token blocks).
    @Test func splitPrefillsAreIdenticalExactlyUnderTheCondition() throws {
        let model = try KVPageTests.tinyModel()
        for length in [20, 21, 34, 35] {
            let tokens = Self.prompt(length)
            let reference = KVCache(pool: KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: 1), capacity: length)
            let whole = try model.forward(tokens, cache: reference, logits: .last)
            for split in 1..<length {
                let cache = KVCache(pool: KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: 1), capacity: length)
                _ = try model.forward(Array(tokens[..<split]), cache: cache, logits: .none)
                let rest = try model.forward(Array(tokens[split...]), cache: cache, logits: .last)
                let identical = KVPageTests.bits(rest) == KVPageTests.bits(whole)
                    && Self.storedBits(cache, positions: length) == Self.storedBits(reference, positions: length)
                let condition = split % 2 == 0 && length - split >= 2
                if condition {
                    #expect(identical, "length \(length), split after \(split)")
                } else if Kernels.isaDescription != "portable" {
                    #expect(!identical, "length \(length), split after \(split): identical outside the condition")
                }
            }
        }
    }

    /// A prompt sharing another's first pages, prefilled after them from the cache, gets the last-position logits,
    /// the keys and values, and then the decoded logits of a whole prefill, bit for bit; for several lengths and
    /// page sizes (odd ones included), the prefix coming from a prompt of another length.
    @Test("a prefill continuing cached pages equals a whole prefill bit for bit",
          arguments: [(16, 35), (16, 36), (16, 49), (16, 50), (4, 23), (3, 20), (5, 31)])
    func splitPrefillIsBitIdentical(positionsPerPage: Int, length: Int) throws {
        let model = try KVPageTests.tinyModel()
        let tokens = Self.prompt(length)
        let reference = KVCache(pool: KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: positionsPerPage),
                                capacity: length + 3)
        let whole = try model.forward(tokens, cache: reference, logits: .last)
        let decodedWhole = try KVPageTests.decode(model, [5, 9, 250], into: reference)

        let pool = KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: positionsPerPage)
        let prefixCache = KVPrefixCache(pool: pool, pageLimit: 100)
        // Another prompt with the same beginning (longer, then cut differently) fills the cache.
        let reuse = KVPrefixCache.reusablePages(promptLength: length, positionsPerPage: positionsPerPage)
        #expect(reuse >= 1)
        let other = Array(tokens[..<(reuse * positionsPerPage)]) + [1, 2, 3, 4, 5]
        let first = KVCache(pool: pool, capacity: other.count)
        _ = try model.forward(other, cache: first, logits: .last)
        prefixCache.insert(other, pages: first.pageIDs)

        let pages = prefixCache.lookup(tokens, maxPages: reuse)
        #expect(pages == Array(first.pageIDs.prefix(reuse)))
        let cache = KVCache(pool: pool, capacity: length + 3, adopting: pages)
        #expect(cache.count == reuse * positionsPerPage)
        let split = try model.forward(Array(tokens[cache.count...]), cache: cache, logits: .last)
        #expect(KVPageTests.bits(split) == KVPageTests.bits(whole))
        #expect(Self.storedBits(cache, positions: length) == Self.storedBits(reference, positions: length))
        let decodedSplit = try KVPageTests.decode(model, [5, 9, 250], into: cache)
        #expect(KVPageTests.bits(decodedSplit) == KVPageTests.bits(decodedWhole))
        // The shared pages are referenced by the first prompt, the cache and the new prompt.
        #expect(pages.allSatisfy { pool.referenceCount(of: $0) == 3 })
    }

    /// Fills `pages` fresh pages of `pool` and returns them (one reference each, the caller's).
    static func fresh(_ pool: KVPagePool, _ pages: Int) throws -> [KVPageID] {
        try (0..<pages).map { _ in try pool.allocate().id }
    }

    @Test("lookups walk the chain, compare tokens exactly and stop at the first difference")
    func lookupsFollowTheChain() throws {
        let pool = KVPagePool(layers: 1, kvDimension: 2, positionsPerPage: 4)
        let cache = KVPrefixCache(pool: pool, pageLimit: 10)
        let a = Array(0..<14)  // 3 full pages and 2 positions
        let pagesA = try Self.fresh(pool, 4)
        cache.insert(a, pages: pagesA)
        #expect(cache.statistics.cachedPages == 3)
        #expect(pagesA.prefix(3).allSatisfy { pool.referenceCount(of: $0) == 2 })
        #expect(pool.referenceCount(of: pagesA[3]) == 1)  // a partly filled page is never cached

        var b = a
        b[9] = 99  // differs in the third page
        let found = cache.lookup(b, maxPages: 3)
        #expect(found == Array(pagesA.prefix(2)))
        #expect(found.allSatisfy { pool.referenceCount(of: $0) == 3 })  // one reference handed to the caller
        pool.release(found)
        // The same third page after a different second page is another place in the chain.
        var c = a
        c[5] = 77
        #expect(cache.lookup(c, maxPages: 3) == [pagesA[0]])
        pool.release([pagesA[0]])
        #expect(cache.lookup(a, maxPages: 2) == Array(pagesA.prefix(2)))  // capped by maxPages
        pool.release(pagesA.prefix(2))
        #expect(cache.lookup([5, 5, 5, 5, 5], maxPages: 1).isEmpty)
        #expect(cache.lookup([1, 2], maxPages: 0).isEmpty)  // nothing to reuse: neither hit nor miss
        let stats = cache.statistics
        #expect(stats.hits == 3 && stats.misses == 1 && stats.reusedTokens == (2 + 1 + 2) * 4)

        pool.release(pagesA)
        #expect(pool.pagesInUse == 3)  // only the cache's references are left
        cache.clear()
        #expect(pool.pagesInUse == 0 && cache.statistics.cachedPages == 0)
    }

    @Test("past its page limit the cache drops the least recently used pages, deepest first")
    func leastRecentlyUsedEviction() throws {
        let pool = KVPagePool(layers: 1, kvDimension: 2, positionsPerPage: 2)
        let cache = KVPrefixCache(pool: pool, pageLimit: 5)
        let a = [1, 2, 3, 4, 5, 6], b = [7, 8, 9, 10]  // 3 and 2 full pages
        let pagesA = try Self.fresh(pool, 3), pagesB = try Self.fresh(pool, 2)
        cache.insert(a, pages: pagesA)
        cache.insert(b, pages: pagesB)
        #expect(cache.statistics.cachedPages == 5)
        pool.release(pagesA + pagesB)
        #expect(pool.pagesInUse == 5)

        // Use a's first page again: b is now least recently used, a's deeper pages are older than a's first.
        pool.release(cache.lookup([1, 2, 0, 0, 0], maxPages: 2))
        let c = [11, 12, 13, 14]
        let pagesC = try Self.fresh(pool, 2)
        cache.insert(c, pages: pagesC)
        pool.release(pagesC)
        // Two pages had to go. a's deeper pages were last used at its insertion, before b's: its third page goes
        // first (the oldest leaf), which makes its second page the oldest leaf.
        #expect(cache.statistics.cachedPages == 5)
        #expect(cache.lookup(a, maxPages: 3) == [pagesA[0]])
        #expect(cache.lookup(b, maxPages: 2) == pagesB)
        #expect(cache.lookup(c, maxPages: 2) == pagesC)
        pool.release([pagesA[0]] + pagesB + pagesC)
        #expect(pool.pagesInUse == 5)

        // Now a's first page is the least recently used leaf (b and c were looked up after it).
        let d = [20, 21]
        let pagesD = try Self.fresh(pool, 1)
        cache.insert(d, pages: pagesD)
        pool.release(pagesD)
        #expect(cache.lookup(a, maxPages: 1).isEmpty)
        #expect(cache.statistics.cachedPages == 5 && pool.pagesInUse == 5)
        cache.clear()
        #expect(pool.pagesInUse == 0)
    }

    @Test("a pool at its limit takes back cached pages nobody else uses before it fails")
    func poolExhaustionReclaimsCachedPages() throws {
        let pool = KVPagePool(layers: 1, kvDimension: 2, positionsPerPage: 2, pageLimit: 4)
        let cache = KVPrefixCache(pool: pool, pageLimit: 4)
        let a = [1, 2, 3, 4, 5, 6]
        let pagesA = try Self.fresh(pool, 3)
        cache.insert(a, pages: pagesA)
        pool.release(pagesA.suffix(2))  // the first page stays in use elsewhere
        #expect(pool.pagesInUse == 3 && pool.availablePages == 1)
        #expect(cache.reclaimablePages == 2 && pool.obtainablePages == 3)

        let taken = try Self.fresh(pool, 3)  // one free page, then two reclaimed (deepest first)
        #expect(pool.pagesInUse == 4 && cache.statistics.cachedPages == 1)
        #expect(cache.statistics.evictedUnderPressure == 2)
        // The shared first page is never reclaimed: the pool now fails with its typed error.
        #expect(throws: ModelError.kvPagesExhausted(positionsPerPage: 2, limit: 4, bytesPerPage: pool.bytesPerPage)) {
            _ = try pool.allocate()
        }
        #expect(cache.lookup(a, maxPages: 3) == [pagesA[0]])
        pool.release([pagesA[0], pagesA[0]] + taken)
        #expect(pool.pagesInUse == 1)
        cache.clear()
        #expect(pool.pagesInUse == 0)
    }

    /// 1,000 seeded random operations (prefill a prompt from a few shared beginnings, reusing what the cache holds;
    /// drop a prompt; allocate past the limit; clear): the pool always holds exactly the pages of the live prompts
    /// and of the cache, the cache never exceeds its limit, and once everything is dropped the pool is empty.
    @Test func randomOperationsLeaveNothingBehind() throws {
        var random = SplitMix64(state: 7)
        func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let pool = KVPagePool(layers: 1, kvDimension: 2, positionsPerPage: 4, pageLimit: 40)
        let cache = KVPrefixCache(pool: pool, pageLimit: 12)
        let beginnings = (0..<4).map { b in (0..<24).map { (b * 13 + $0 * 7) % 50 } }
        var live: [KVCache] = []
        var extra: [KVPageID] = []
        var hits = 0
        for _ in 0..<1_000 {
            switch draw(10) {
            case 0..<5:  // a prompt: a shared beginning cut somewhere, then its own tokens
                let tokens = Array(beginnings[draw(4)].prefix(draw(25))) + (0..<draw(10)).map { _ in draw(50) }
                guard !tokens.isEmpty else { continue }
                let reuse = KVPrefixCache.reusablePages(promptLength: tokens.count, positionsPerPage: 4)
                let pages = cache.lookup(tokens, maxPages: reuse)
                if !pages.isEmpty { hits += 1 }
                let prompt = KVCache(pool: pool, capacity: tokens.count, adopting: pages)
                do {
                    try prompt.prepareAppend(tokens.count - prompt.count)
                    prompt.advance(by: tokens.count - prompt.count)
                    cache.insert(tokens, pages: prompt.pageIDs)
                    live.append(prompt)
                } catch {
                    // The pool is full of pages in use: nothing cached was left to give back.
                    #expect(cache.reclaimablePages == 0)
                }
            case 5..<8:
                if !live.isEmpty { live.remove(at: draw(live.count)) }
            case 8:
                if let page = try? pool.allocate() { extra.append(page.id) } else { #expect(cache.reclaimablePages == 0) }
                if extra.count > 5 { pool.release(extra); extra = [] }
            default:
                if draw(5) == 0 { cache.clear() }
            }
            let expected = Set(live.flatMap(\.pageIDs)).union(cache.cachedPageIDs).count + extra.count
            #expect(pool.pagesInUse == expected)
            #expect(cache.statistics.cachedPages <= 12)
        }
        #expect(hits > 50)
        live = []
        pool.release(extra)
        #expect(pool.pagesInUse == cache.statistics.cachedPages)
        cache.clear()
        #expect(pool.pagesInUse == 0)
    }
}
