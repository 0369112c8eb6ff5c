import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import Serve

/// KV pages running out: a request that fits the pool but not what is free waits (in the admission queue, shown as
/// `reckon_num_requests_waiting`) until earlier requests end, instead of failing mid-run.
@Suite struct KVWaitTests {
    /// 512 bytes per position, 16 positions per page: 8,192 bytes a page; 10 pages in the pool. A request of 2
    /// choices of 40 tokens needs up to 1 + 2 × (3 + 1) = 9 pages, so two of them cannot run together.
    static func fixture() throws -> ServeFixture { try ServeFixture(kvMemoryLimit: 10 * 8192) }

    /// A seed whose 2 choices both run to 40 tokens alone (so that two such requests overlap for long).
    static func longSeed(_ fixture: ServeFixture, prompt: String) throws -> Int? {
        for seed in 0..<200 {
            let choices = try (0..<2).map { choice in
                try fixture.reference(.text(prompt), maxTokens: 40, sampling: serverSampling(), seed: UInt64(seed),
                                      choice: choice)
            }
            if choices.allSatisfy({ $0.finishReason == .length && $0.generatedTokenCount == 40 }) { return seed }
        }
        return nil
    }

    static func body(_ prompt: String, seed: Int) -> String {
        #"{"model":"reckon","prompt":"\#(prompt)","n":2,"seed":\#(seed),"max_tokens":40}"#
    }

    static func expectReference(_ response: TestResponse, _ fixture: ServeFixture, prompt: String, seed: Int) throws {
        #expect(response.status == .ok, "\(response.text)")
        let decoded = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
        for choice in decoded.choices {
            let expected = try fixture.reference(.text(prompt), maxTokens: 40, sampling: serverSampling(),
                                                 seed: UInt64(seed), choice: choice.index)
            #expect(choice.text == expected.text)
            #expect(choice.finishReason == "length")
        }
    }

    @Test func twoRequestsThatCannotFitTogetherBothSucceed() async throws {
        let fixture = try Self.fixture()
        let seedA = try #require(try Self.longSeed(fixture, prompt: "first"))
        let seedB = try #require(try Self.longSeed(fixture, prompt: "second"))
        try await fixture.app.test(.router) { client in
            async let first = client.post("/v1/completions", json: Self.body("first", seed: seedA))
            async let second = client.post("/v1/completions", json: Self.body("second", seed: seedB))
            try Self.expectReference(try await first, fixture, prompt: "first", seed: seedA)
            try Self.expectReference(try await second, fixture, prompt: "second", seed: seedB)
        }
        #expect(fixture.batch.metrics.peakPages <= 10)
        #expect(fixture.batch.metrics.pagesInUse == 0)
        #expect(fixture.handler.reservations.reservedPages == 0)
    }

    /// With most pages held (as a running request holds them), the next request waits, visible in /metrics, and
    /// runs once the pages are released.
    @Test func aWaitingRequestShowsInTheQueueAndRunsOncePagesAreFree() async throws {
        let fixture = try Self.fixture()
        let seed = try #require(try Self.longSeed(fixture, prompt: "second"))
        try await fixture.app.test(.router) { client in
            try await fixture.handler.reservations.reserve(5)  // 5 of 10 pages: the request's 9 do not fit
            let waiting = Task { try await client.post("/v1/completions", json: Self.body("second", seed: seed)) }
            #expect(try await DisconnectTests.eventually { fixture.handler.reservations.waitingRequests == 1 })
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(MetricsTests.value("reckon_num_requests_waiting", in: metrics.text) == 1)
            #expect(MetricsTests.value("reckon_num_requests_running", in: metrics.text) == 1)
            #expect(fixture.batch.metrics.forwardPasses == 0, "the waiting request did model work")
            fixture.handler.reservations.release(5)
            try Self.expectReference(try await waiting.value, fixture, prompt: "second", seed: seed)
            let after = try await client.execute(uri: "/metrics", method: .get)
            #expect(MetricsTests.value("reckon_num_requests_waiting", in: after.text) == 0)
        }
        #expect(fixture.handler.reservations.reservedPages == 0)
    }

    /// A client that leaves while its request waits for pages leaves the queue (and the admission gate).
    @Test(arguments: [false, true])
    func aClientThatLeavesWhileWaitingLeavesTheQueue(stream: Bool) async throws {
        let fixture = try Self.fixture()
        let app = Application(router: fixture.handler.makeRouter(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await fixture.handler.reservations.reserve(5)
            let leaving = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
            leaving.connect()
            let body = #"{"model":"reckon","prompt":"go","n":2,"max_tokens":40,"stream":\#(stream)}"#
            try await leaving.executeAndDontWaitForResponse(
                .init("/v1/completions", method: .post, headers: [.contentType: "application/json"],
                      body: ByteBuffer(string: body)))
            #expect(try await DisconnectTests.eventually { fixture.handler.reservations.waitingRequests == 1 })
            try await leaving.close(mode: .all)
            #expect(try await DisconnectTests.eventually { fixture.handler.reservations.waitingRequests == 0 })
            #expect(try await DisconnectTests.eventually { fixture.handler.gate.admittedSequences == 0 })
            #expect(fixture.handler.reservations.reservedPages == 5)
            try? await leaving.shutdown()
            fixture.handler.reservations.release(5)
        }
        #expect(fixture.batch.metrics.forwardPasses == 0)
    }

    /// Waiting is in arrival order; a wait that is cancelled reserves nothing and lets those behind it in.
    @Test func reservationsAreFirstComeFirstServedAndCancellable() async throws {
        let reservations = KVPageReservations(capacity: 10)
        try await reservations.reserve(6)
        let big = Task { try await reservations.reserve(8) }
        #expect(try await DisconnectTests.eventually { reservations.waitingRequests == 1 })
        let small = Task { try await reservations.reserve(2) }  // fits, but waits behind the earlier request
        #expect(try await DisconnectTests.eventually { reservations.waitingRequests == 2 })
        #expect(reservations.reservedPages == 6)
        big.cancel()
        #expect(await (try? big.value) == nil, "a cancelled wait reserved pages")
        try await small.value  // the head left: the small request fits now
        #expect(reservations.reservedPages == 8)
        reservations.release(8)
        #expect(reservations.reservedPages == 0 && reservations.waitingRequests == 0)
    }
}
