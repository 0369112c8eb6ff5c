import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// Requests with the `reckon` field and the server's KV page reservations and log-probabilities.
@Suite struct ReasoningKVReservationTests {
    static let body = #"{"model":"reckon","prompt":"hello","seed":3,"max_tokens":12,"reckon":{"strategy":"majority","samples":3}}"#

    /// The worst case counts the samples the strategy may have live at once, not `n` (which is 1).
    @Test func theWorstCaseCountsTheStrategysLiveSamples() throws {
        let fixture = try KVWaitTests.fixture()
        let body = try JSONDecoder().decode(CompletionRequest.self, from: Data(Self.body.utf8))
        let prepared = try fixture.handler.preparer.prepare(body)
        #expect(prepared.n == 1 && prepared.admittedSequences == 3)
        // "hello" fits one page; each of the 3 samples: 12 tokens (1 page) and a copied last page.
        #expect(prepared.prompts.map(\.count).allSatisfy { $0 <= 16 })
        #expect(prepared.worstCasePages(positionsPerPage: 16) == 1 + 3 * 2)
    }

    /// A reasoning request that does not fit what is free waits for its pages, then runs.
    @Test func aReasoningRequestWaitsForItsPages() async throws {
        let fixture = try KVWaitTests.fixture()
        try await fixture.app.test(.router) { client in
            try await fixture.handler.reservations.reserve(5)  // 5 of 10 pages left: the request's 7 do not fit
            let waiting = Task { try await client.post("/v1/completions", json: Self.body) }
            #expect(try await DisconnectTests.eventually { fixture.handler.reservations.waitingRequests == 1 })
            #expect(fixture.batch.metrics.forwardPasses == 0, "the waiting request did model work")
            fixture.handler.reservations.release(5)
            let response = try await waiting.value
            #expect(response.status == .ok, "\(response.text)")
            #expect(try response.object["reckon"] != nil)
        }
        #expect(fixture.handler.reservations.reservedPages == 0)
        #expect(fixture.batch.metrics.pagesInUse == 0)
    }

    @Test func logprobsWithTheReasoningFieldAreRefused() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let response = try await client.post("/v1/completions", json: #"""
                {"model":"reckon","prompt":"hello","max_tokens":4,"logprobs":2,"reckon":{"strategy":"single"}}
                """#)
            #expect(response.status == .badRequest)
            #expect(try response.error["param"] as? String == "logprobs")
        }
    }
}
