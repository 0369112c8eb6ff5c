import Foundation
import Random
import Testing
@testable import Model

/// The paged KV store: page sharing, copy-on-write, reference counts and the page budget, on the tiny seeded model
/// (2 layers, 32 floats per KV row) and on bare pools.
@Suite struct KVPageTests {
    static func tinyModel() throws -> LlamaModel {
        try TinyModelTests.load(try TinyModelTests.golden().models[0].file)
    }

    static func bits(_ rows: [[Float]]) -> [[UInt32]] { rows.map { $0.map(\.bitPattern) } }

    /// Decodes `tokens` one at a time into `cache`, returning each step's logits.
    static func decode(_ model: LlamaModel, _ tokens: [Int], into cache: KVCache) throws -> [[Float]] {
        try tokens.map { try model.forward(decoding: [$0], caches: [cache])[0] }
    }

    @Test("the page size does not change a single bit of the logits", arguments: [1, 3, 16])
    func pageSizeIsInvisible(positionsPerPage: Int) throws {
        let model = try Self.tinyModel()
        let tokens = try TinyModelTests.golden().models[0].sequences[1].tokens
        let reference = model.makeCache(capacity: 64)
        let expected = try model.forward(tokens, cache: reference, logits: .all)
            + Self.decode(model, [5, 9, 250], into: reference)
        let pool = KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: positionsPerPage)
        let cache = KVCache(pool: pool, capacity: 64)
        let paged = try model.forward(tokens, cache: cache, logits: .all) + Self.decode(model, [5, 9, 250], into: cache)
        #expect(Self.bits(paged) == Self.bits(expected))
        #expect(cache.pageIDs.count == (tokens.count + 3 + positionsPerPage - 1) / positionsPerPage)
        #expect(pool.pagesInUse == cache.pageIDs.count)
    }

    /// A fork decoded beside its parent in batched steps gets, bit for bit, the logits of the concatenated sequence
    /// decoded alone in a cache of its own; so does the parent. The fork point falls inside a page (copy-on-write
    /// of the partly filled page) and, in the second case, on a page boundary.
    @Test("fork then decode equals decoding the concatenated sequence alone", arguments: [2, 3])
    func forkThenDecodeEqualsAlone(forkAfter: Int) throws {
        let model = try Self.tinyModel()
        let prompt = try TinyModelTests.golden().models[0].sequences[0].tokens  // 6 tokens
        let pool = KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: 4)
        let parent = KVCache(pool: pool, capacity: 32)
        _ = try model.forward(prompt, cache: parent, logits: .none)
        let shared = [17, 4, 88, 201, 3, 56].prefix(forkAfter)
        _ = try Self.decode(model, Array(shared), into: parent)
        let child = parent.copy()
        // Nothing copied yet: the same pages, each referenced twice.
        #expect(child.pageIDs == parent.pageIDs)
        #expect(parent.pageIDs.allSatisfy { pool.referenceCount(of: $0) == 2 })
        let parentTail = [12, 99, 7, 140, 33]
        let childTail = [250, 1, 64, 64, 2]
        var together: [[[Float]]] = [[], []]
        for (a, b) in zip(parentTail, childTail) {
            let logits = try model.forward(decoding: [a, b], caches: [parent, child])
            together[0].append(logits[0])
            together[1].append(logits[1])
        }
        // Full pages written before the fork are still shared; the rest are each cache's own.
        let fullPages = (prompt.count + forkAfter) / 4
        #expect(Array(parent.pageIDs.prefix(fullPages)) == Array(child.pageIDs.prefix(fullPages)))
        #expect(Set(parent.pageIDs.dropFirst(fullPages)).isDisjoint(with: child.pageIDs.dropFirst(fullPages)))
        for (tail, logits) in [(parentTail, together[0]), (childTail, together[1])] {
            let alone = KVCache(layers: 2, kvDimension: 32, capacity: 32)
            _ = try model.forward(prompt, cache: alone, logits: .none)
            _ = try Self.decode(model, Array(shared), into: alone)
            #expect(Self.bits(try Self.decode(model, tail, into: alone)) == Self.bits(logits), "fork after \(forkAfter)")
        }
    }

    @Test func aForkOfAForkSharesPagesWithBothAncestors() throws {
        let model = try Self.tinyModel()
        let pool = KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: 4)
        let grandparent = KVCache(pool: pool, capacity: 32)
        _ = try model.forward(Array(1...10), cache: grandparent, logits: .none)  // pages: 4 + 4 + 2 positions
        let parent = grandparent.copy()
        _ = try Self.decode(model, [11, 12, 13], into: parent)  // copies page 2, fills it, opens page 3
        let child = parent.copy()
        #expect(pool.referenceCount(of: grandparent.pageIDs[0]) == 3)
        #expect(pool.referenceCount(of: grandparent.pageIDs[1]) == 3)
        #expect(grandparent.pageIDs[2] != parent.pageIDs[2])
        #expect(pool.referenceCount(of: grandparent.pageIDs[2]) == 1)
        #expect(child.pageIDs == parent.pageIDs)
        #expect(pool.referenceCount(of: parent.pageIDs[2]) == 2 && pool.referenceCount(of: parent.pageIDs[3]) == 2)
        #expect(pool.pagesInUse == 5)
        // The child writes into the shared partly filled page 3: it gets its own copy; pages 0...2 stay shared.
        _ = try Self.decode(model, [14], into: child)
        #expect(Array(child.pageIDs.prefix(3)) == Array(parent.pageIDs.prefix(3)))
        #expect(child.pageIDs[3] != parent.pageIDs[3])
        #expect(pool.pagesInUse == 6)
        // Releasing the middle generation keeps the pages the others still reference.
        parent.truncate(to: 0)
        #expect(pool.referenceCount(of: grandparent.pageIDs[0]) == 2)
        #expect(pool.pagesInUse == 5)
    }

    @Test func stoppingACacheFreesItsPages() throws {
        let model = try Self.tinyModel()
        let pool = KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: 4)
        let prompt = KVCache(pool: pool, capacity: 8)
        _ = try model.forward(Array(1...6), cache: prompt, logits: .none)
        #expect(pool.pagesInUse == 2)
        do {
            let samples = (0..<3).map { _ in KVCache(sharing: prompt, capacity: 16) }
            _ = try model.forward(decoding: [7, 8, 9], caches: samples)  // each copies the partly filled page 1
            #expect(pool.pagesInUse == 2 + 3)
            #expect(pool.peakPagesInUse == 5)
            samples[0].truncate(to: 0)
            #expect(pool.pagesInUse == 4)
            #expect(pool.referenceCount(of: prompt.pageIDs[0]) == 3)
        }
        // The other samples were released with their caches.
        #expect(pool.pagesInUse == 2)
        #expect(pool.referenceCount(of: prompt.pageIDs[0]) == 1)
    }

    @Test func anExhaustedPageBudgetIsATypedError() throws {
        let model = try Self.tinyModel()
        let pool = KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: 4, pageLimit: 2)
        #expect(pool.bytesPerPage == 2 * 2 * 4 * 32 * 4)
        let cache = KVCache(pool: pool, capacity: 32)
        _ = try model.forward(Array(1...8), cache: cache, logits: .none)
        #expect(throws: ModelError.kvPagesExhausted(positionsPerPage: 4, limit: 2, bytesPerPage: 2048)) {
            try model.forward(decoding: [9], caches: [cache])
        }
        #expect(cache.count == 8 && pool.pagesInUse == 2)
        // A fork cannot write into the shared last page either (its copy needs a page); freeing one makes room.
        let fork = cache.copy()
        cache.truncate(to: 6)
        #expect(throws: ModelError.self) { try model.forward(decoding: [9], caches: [cache]) }
        fork.truncate(to: 4)
        _ = try model.forward(decoding: [9], caches: [cache])
        #expect(cache.count == 7 && pool.pagesInUse == 2)
        let message = ModelError.kvPagesExhausted(positionsPerPage: 4, limit: 2, bytesPerPage: 2048).description
        #expect(message.contains("2 pages of 4 positions") && message.contains("raise the KV memory limit"))
        // A pool sized from a byte budget holds as many whole pages as fit.
        #expect(KVPagePool(layers: 2, kvDimension: 32, positionsPerPage: 4, byteLimit: 5000).pageLimit == 2)
    }

    /// 1,000 seeded random operations on caches of one pool (add, append, fork, truncate, stop). Every position
    /// holds a marker naming the cache lineage that wrote it; after each operation every cache reads back exactly
    /// its own markers (copy-on-write never leaks a write), each page's reference count equals the number of
    /// caches listing it, and the pool counts exactly the pages referenced. At the end every page is back.
    @Test func randomOperationsNeverLeakAPage() throws {
        let pool = KVPagePool(layers: 2, kvDimension: 3, positionsPerPage: 4, pageLimit: 400)
        var random = SplitMix64(state: 2026)
        var caches: [(cache: KVCache, markers: [Float])] = []
        var nextMarker: Float = 1
        func append(_ index: Int, _ positions: Int) throws {
            let cache = caches[index].cache
            let room = min(positions, cache.capacity - cache.count)
            guard room > 0 else { return }
            try cache.prepareAppend(room)
            for position in cache.count..<cache.count + room {
                for layer in 0..<2 {
                    let slot = cache.slot(layer: layer, position: position)
                    for i in 0..<3 { slot.key[i] = nextMarker; slot.value[i] = -nextMarker }
                }
                caches[index].markers.append(nextMarker)
                nextMarker += 1
            }
            cache.advance(by: room)
        }
        for _ in 0..<1_000 {
            let choice = caches.isEmpty ? 0 : Int(random.next() % 5)
            let index = caches.isEmpty ? 0 : Int(random.next() % UInt64(caches.count))
            switch choice {
            case 0:  // add
                caches.append((KVCache(pool: pool, capacity: 40), []))
                try append(caches.count - 1, Int(random.next() % 12))
            case 1:  // append
                try append(index, 1 + Int(random.next() % 6))
            case 2:  // fork
                caches.append((caches[index].cache.copy(), caches[index].markers))
            case 3:  // truncate
                let keep = Int(random.next() % UInt64(caches[index].cache.count + 1))
                caches[index].cache.truncate(to: keep)
                caches[index].markers.removeSubrange(keep...)
            default:  // stop
                caches.remove(at: index)
            }
            // Invariants.
            var references: [KVPageID: Int] = [:]
            for (cache, markers) in caches {
                #expect(cache.count == markers.count)
                for page in cache.pageIDs { references[page, default: 0] += 1 }
                let segments = cache.segments(layer: 1, positions: cache.count)
                var read: [Float] = []
                for segment in segments { for row in 0..<segment.count { read.append(segment.keys[row * 3 + 2]) } }
                #expect(read == markers)
            }
            #expect(pool.pagesInUse == references.count)
            #expect(references.allSatisfy { pool.referenceCount(of: $0.key) == $0.value })
            if pool.pagesInUse > 300 { caches.removeFirst(caches.count / 2) }
        }
        #expect(pool.peakPagesInUse > 20)
        caches.removeAll()
        #expect(pool.pagesInUse == 0)
    }
}
