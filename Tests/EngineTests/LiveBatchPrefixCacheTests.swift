import Foundation
import Random
import Testing
import TestSupport
@testable import Engine
@testable import Model

/// The live batch's cross-prompt prefix cache on the tiny seeded model (pages of 16 positions, 8,192 bytes each):
/// reuse across sessions, bit-identical results, eviction when the pool runs out, no leaks.
@Suite struct LiveBatchPrefixCacheTests {
    /// A prompt of `count` tokens whose first `shared` tokens are the same for every `variant`.
    static func prompt(_ count: Int, shared: Int, variant: Int) -> [Int] {
        (0..<count).map { $0 < shared ? ($0 * 37 + 11) % 300 : ($0 * 13 + variant * 29 + 5) % 300 }
    }

    /// Runs `seeds` from `prompt` to their end in a new session of `batch`; returns the results by seed order and
    /// the session's usage before it closed.
    static func run(_ batch: LiveBatch, _ prompt: [Int], seeds: [UInt64], maxTokens: Int = 10)
    async throws -> (results: [GenerationResult], usage: LiveUsage) {
        let session = batch.makeSession()
        defer { session.close() }
        let id = try await session.addPrompt(LiveBatchTests.request(prompt, maxTokens: maxTokens, ignoreEnd: true))
        let ids = try seeds.map { try session.start(id, seed: $0) }
        let finishes = try await session.advance(until: .allFinished)
        let bySequence = Dictionary(uniqueKeysWithValues: finishes.map { ($0.sequence, $0.result) })
        return (ids.map { bySequence[$0]! }, session.usage)
    }

    /// A second prompt beginning with the first one's two full pages (plus tokens of its own) shares those pages:
    /// 32 prompt positions are not computed, the pool holds each shared page once, and every sequence generates
    /// exactly the bytes (tokens, text, log-probabilities) of the same request on a batch without a cache.
    @Test func aSharedPrefixIsReusedAndChangesNothing() async throws {
        let engine = try LiveBatchTests.engine()
        let batch = LiveBatch(engine: engine, prefixCachePages: 16)
        let cold = LiveBatch(engine: engine)
        let first = Self.prompt(40, shared: 40, variant: 0)
        let second = Self.prompt(45, shared: 32, variant: 1)
        #expect(Array(first.prefix(32)) == Array(second.prefix(32)) && first[32] != second[32])
        let seeds: [UInt64] = [3, 4, 5]

        let firstRun = try await Self.run(batch, first, seeds: seeds)
        #expect(firstRun.usage.promptTokens == 40 && firstRun.usage.cachedPromptTokens == 0)
        // The session closed: only the cache's two full pages are left.
        #expect(batch.pool.pagesInUse == 2)
        #expect(batch.metrics.prefixCache == KVPrefixCacheStatistics(misses: 1, cachedPages: 2))

        let session = batch.makeSession()
        let id = try await session.addPrompt(LiveBatchTests.request(second, maxTokens: 10, ignoreEnd: true))
        #expect(session.usage.promptTokens == 45 && session.usage.cachedPromptTokens == 32)
        // Two shared pages (held by the cache and the prompt) and the prompt's own partly filled third page.
        #expect(batch.pool.pagesInUse == 3 && session.usage.pagesInUse == 3)
        let cached = try #require(batch.prefixCache).cachedPageIDs
        #expect(cached.allSatisfy { batch.pool.referenceCount(of: $0) == 2 })
        let ids = try seeds.map { try session.start(id, seed: $0) }
        let finishes = try await session.advance(until: .allFinished)
        session.close()
        #expect(batch.metrics.prefixCache.hits == 1 && batch.metrics.prefixCache.reusedTokens == 32)

        let reference = try await Self.run(cold, second, seeds: seeds)
        #expect(reference.usage.cachedPromptTokens == 0)
        for (index, sequence) in ids.enumerated() {
            let result = try #require(finishes.first { $0.sequence == sequence }?.result)
            #expect(result == reference.results[index])
            #expect(result.tokenLogProbabilities.map(\.bitPattern) == reference.results[index].tokenLogProbabilities.map(\.bitPattern))
        }
        // The same prompt again reuses both pages (its own full pages are cached now too: still 2, 45 = 2·16 + 13).
        let again = try await Self.run(batch, second, seeds: seeds)
        #expect(again.usage.cachedPromptTokens == 32 && again.results == reference.results)
        #expect(batch.pool.pagesInUse == 2)
        try #require(batch.prefixCache).clear()
        #expect(batch.pool.pagesInUse == 0)
    }

    /// With a pool of 6 pages mostly held by cached prefixes, cached pages that no one uses are given back when a
    /// prefill or a step needs them: a request that needs 5 pages succeeds (and equals its run on a batch without
    /// a cache) instead of failing.
    @Test func aFullPoolEvictsCachedPagesBeforeFailing() async throws {
        let batch = LiveBatch(engine: try LiveBatchTests.engine(kvMemoryLimit: 6 * 8192), prefixCachePages: 6)
        let cold = LiveBatch(engine: try LiveBatchTests.engine(kvMemoryLimit: 6 * 8192))
        let cache = try #require(batch.prefixCache)
        for variant in 0..<3 {
            _ = try await Self.run(batch, Self.prompt(34, shared: 0, variant: variant), seeds: [1], maxTokens: 2)
        }
        let available = try #require(batch.pool.availablePages)
        #expect(available <= 2 && cache.statistics.cachedPages == 6 - available)
        #expect(cache.reclaimablePages == cache.statistics.cachedPages)
        // A 40-token prompt (3 pages) and one sequence growing to 60 positions (a copy of the third page, a fourth).
        let prompt = Self.prompt(40, shared: 0, variant: 7)
        let run = try await Self.run(batch, prompt, seeds: [1], maxTokens: 20)
        let reference = try await Self.run(cold, prompt, seeds: [1], maxTokens: 20)
        #expect(run.results == reference.results && run.results[0].generatedTokenCount == 20)
        #expect(run.usage.peakPages == 5)
        #expect(cache.statistics.evictedUnderPressure >= 5 - available)
        #expect(batch.pool.pagesInUse == cache.statistics.cachedPages)
    }

    /// 1,000 seeded random operations on three sessions of a batch with a small cache (prompts from a few shared
    /// beginnings; start, fork, stop, step, close and reopen): the pool always holds exactly the pages of the open
    /// sessions and of the cache, sequences started from a prompt that reused cached pages equal their seed's
    /// generation alone, and once the sessions close and the cache is cleared every page is back.
    @Test func randomOperationsWithACacheNeverLeakAPage() async throws {
        let engine = try LiveBatchTests.engine()
        let batch = LiveBatch(engine: engine, maxSequences: 4, prefixCachePages: 5)
        let cache = try #require(batch.prefixCache)
        var random = SplitMix64(state: 23)
        func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let requests = (0..<5).map { r in
            LiveBatchTests.request(Self.prompt(18 + 9 * r, shared: 16 * (r % 3), variant: r), maxTokens: 6 + r)
        }
        var sessions = (0..<3).map { _ in batch.makeSession() }
        var prompts: [[Int: LivePromptID]] = Array(repeating: [:], count: 3)
        var started: [[LiveSequenceID: (request: Int, seed: UInt64)]] = Array(repeating: [:], count: 3)
        var checked = 0
        for _ in 0..<1_000 {
            let s = draw(3)
            let session = sessions[s]
            switch draw(10) {
            case 0..<3:
                let r = draw(requests.count)
                let prompt: LivePromptID
                if let known = prompts[s][r] { prompt = known } else {
                    prompt = try await session.addPrompt(requests[r])
                    prompts[s][r] = prompt
                }
                let seed = random.next() % 1000
                started[s][try session.start(prompt, seed: seed)] = (r, seed)
            case 3:
                if let parent = session.liveSequences.randomElement(using: &random) {
                    _ = try session.fork(parent, seed: random.next())
                }
            case 4:
                if let victim = session.liveSequences.randomElement(using: &random) { session.stop(victim) }
            case 5:
                session.close()
                sessions[s] = batch.makeSession()
                prompts[s] = [:]
                started[s] = [:]
            default:
                for finish in try await session.advance(until: .steps(1 + draw(3))) {
                    guard let origin = started[s][finish.sequence], checked < 40 else { continue }
                    #expect(finish.result == (try LiveBatchTests.alone(engine, requests[origin.request], seed: origin.seed)))
                    checked += 1
                }
            }
            // Shared pages are counted once: the pool holds the union of every holder's pages.
            var held = Set(cache.cachedPageIDs)
            for open in sessions { held.formUnion((open as! LiveBatchSession).heldPageIDs) }
            #expect(batch.pool.pagesInUse == held.count)
            #expect(cache.statistics.cachedPages <= 5)
        }
        #expect(checked > 10)
        #expect(cache.statistics.hits > 5)
        for session in sessions { session.close() }
        #expect(batch.pool.pagesInUse == cache.statistics.cachedPages)
        cache.clear()
        #expect(batch.pool.pagesInUse == 0)
    }
}
