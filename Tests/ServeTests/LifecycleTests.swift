import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing
@testable import Serve

/// Graceful shutdown: the server stops accepting, lets in-flight requests finish within the grace period, then
/// returns; past the grace period running requests are cancelled and their sessions closed.
@Suite struct LifecycleTests {
    /// Runs the service group of `handler` on a free port; `body` gets the port and the group.
    static func withServer(_ handler: ServeHandler, grace: Duration,
                           _ body: @Sendable (Int, ServiceGroup) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "serve-test")
        logger.logLevel = .error
        let group = ServeApplication.serviceGroup(handler: handler, host: "127.0.0.1", port: 0, gracePeriod: grace,
                                                  logger: logger, onServerRunning: { continuation.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port, group)
            try await tasks.waitForAll()
        }
    }

    @Test func inFlightStreamFinishesAfterShutdownStarts() async throws {
        let live = EndlessLiveGenerator(stepLimit: 60)  // 0.12 s or more
        let handler = DisconnectTests.handler(live)
        try await Self.withServer(handler, grace: .seconds(60)) { port, group in
            let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
            client.connect()
            async let response = client.post("/v1/completions", headers: [.contentType: "application/json"],
                                             body: ByteBuffer(string: #"{"model":"reckon","prompt":"go","stream":true,"max_tokens":1000}"#))
            #expect(try await DisconnectTests.eventually { live.counts.withLock { $0.steps > 10 } })
            await group.triggerGracefulShutdown()
            let answer = try await response
            let body = String(buffer: answer.body ?? ByteBuffer())
            #expect(answer.status == .ok)
            #expect(body.hasSuffix("data: [DONE]\n\n"))
            let events = try StreamingTests.events(body)
            let text = events.compactMap { ($0["choices"] as? [[String: Any]])?.first?["text"] as? String }.joined()
            #expect(text == String(repeating: "x", count: 60))
            try? await client.shutdown()
        }
        #expect(live.counts.withLock { $0.closedSessions == 1 && $0.liveSequences == 0 && $0.gaveUp == 0 })
    }

    @Test func requestsPastTheGracePeriodAreCancelled() async throws {
        let live = EndlessLiveGenerator()
        let handler = DisconnectTests.handler(live)
        try await Self.withServer(handler, grace: .milliseconds(300)) { port, group in
            let client = TestClient(host: "127.0.0.1", port: port)
            client.connect()
            try await client.executeAndDontWaitForResponse(
                .init("/v1/completions", method: .post, headers: [.contentType: "application/json"],
                      body: ByteBuffer(string: #"{"model":"reckon","prompt":"go","n":3,"stream":true,"max_tokens":100000000}"#)))
            #expect(try await DisconnectTests.eventually { live.counts.withLock { $0.steps > 10 } })
            await group.triggerGracefulShutdown()
        }
        #expect(live.counts.withLock { $0.closedSessions == 1 && $0.liveSequences == 0 })
        // Closed by the cancellation at the end of the 0.3 s grace period, not when the generator gave up (≥ 10 s).
        #expect(live.counts.withLock { $0.gaveUp } == 0, "the endless request was not cancelled")
        #expect(handler.gate.admittedSequences == 0)
    }
}
