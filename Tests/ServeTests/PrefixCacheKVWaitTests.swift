import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// The prefix cache and the KV page reservations together: pages the cache holds (counted in the pool's pages in
/// use) are given back on demand, so a request never waits for, nor fails on, pages only the cache holds.
@Suite struct PrefixCacheKVWaitTests {
    /// 10 pages of 16 positions (as ``KVWaitTests``), up to 8 of them kept by the prefix cache.
    static func fixture() throws -> ServeFixture { try ServeFixture(kvMemoryLimit: 10 * 8192, prefixCachePages: 8) }

    @Test(.timeLimit(.minutes(5)))
    func aRequestThatFitsOnlyIfCachedPagesAreEvictedRuns() async throws {
        let fixture = try Self.fixture()
        let seed = try #require(try KVWaitTests.longSeed(fixture, prompt: "second"))
        try await fixture.app.test(.router) { client in
            // A 64-token prompt: its 4 full pages stay in the prefix cache after the request.
            let tokens = PrefixCacheServeTests.prompt(64, variant: 1).map(String.init).joined(separator: ",")
            let warm = try await client.post("/v1/completions",
                                              json: #"{"model":"reckon","prompt":[\#(tokens)],"seed":1,"max_tokens":6}"#)
            #expect(warm.status == .ok, "\(warm.text)")
            let before = try await client.execute(uri: "/metrics", method: .get).text
            #expect(MetricsTests.value("reckon_prefix_cache_pages", in: before) == 4)
            #expect(MetricsTests.value("reckon_kv_pages_in_use", in: before) == 4, "the cached pages count as in use")
            #expect(fixture.handler.reservations.reservedPages == 0)

            // 2 choices of 40 tokens: up to 9 pages reserved, 7 really held at the end (the prompt's page, and per
            // choice its copied page and 2 more), more than the 6 pages the cache leaves free.
            let response = try await client.post("/v1/completions", json: KVWaitTests.body("second", seed: seed))
            try KVWaitTests.expectReference(response, fixture, prompt: "second", seed: seed)

            let after = try await client.execute(uri: "/metrics", method: .get).text
            let evictions = try #require(MetricsTests.value("reckon_prefix_cache_evictions_total", in: after))
            #expect(evictions >= 1, "the request ran without taking pages from the cache: it does not test eviction")
            #expect(MetricsTests.value("reckon_num_requests_waiting", in: after) == 0)
        }
        #expect(fixture.batch.metrics.peakPages <= 10)
        #expect(fixture.handler.reservations.reservedPages == 0)
        #expect(fixture.handler.reservations.waitingRequests == 0)
    }
}
