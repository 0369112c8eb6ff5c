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

/// Draining: once a graceful shutdown starts, the server still accepts connections but answers new generation
/// requests (and /health) with 503 `server_shutting_down` while the request in flight runs to its end.
@Suite struct DrainingTests {
    @Test func newRequestsGet503WhileInFlightOnesFinish() async throws {
        let live = EndlessLiveGenerator(stepLimit: 4000)  // 8 s or more
        let handler = DisconnectTests.handler(live)
        try await LifecycleTests.withServer(handler, grace: .seconds(120)) { port, group in
            let running = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
            running.connect()
            async let response = running.post("/v1/completions", headers: [.contentType: "application/json"],
                                               body: ByteBuffer(string: #"{"model":"reckon","prompt":"go","stream":true,"max_tokens":5000}"#))
            #expect(try await DisconnectTests.eventually { live.counts.withLock { $0.steps > 10 } })
            await group.triggerGracefulShutdown()
            #expect(try await DisconnectTests.eventually { handler.isDraining })

            let late = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
            late.connect()
            let refused = try await late.post("/v1/chat/completions", headers: [.contentType: "application/json"],
                                              body: ByteBuffer(string: #"{"model":"reckon","messages":[{"role":"user","content":"hi"}]}"#))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "1")
            let error = try JSONDecoder().decode(OpenAIError.Body.self, from: Data(buffer: refused.body ?? ByteBuffer()))
            #expect(error.error.code == "server_shutting_down")
            #expect(error.error.type == "server_error")
            try? await late.shutdown()
            let healthClient = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
            healthClient.connect()
            let health = try await healthClient.get("/health")
            #expect(health.status == .serviceUnavailable)
            try? await healthClient.shutdown()
            // The late requests were answered while the first one was still running.
            #expect(live.counts.withLock { $0.steps < 4000 }, "the in-flight request ended before the late ones were answered")

            let answer = try await response
            #expect(answer.status == .ok)
            let body = String(buffer: answer.body ?? ByteBuffer())
            #expect(body.hasSuffix("data: [DONE]\n\n"))
            let text = try StreamingTests.events(body)
                .compactMap { ($0["choices"] as? [[String: Any]])?.first?["text"] as? String }.joined()
            #expect(text.count == 4000)
            try? await running.shutdown()
        }
        #expect(live.counts.withLock { $0.closedSessions == 1 && $0.liveSequences == 0 && $0.gaveUp == 0 })
        #expect(handler.gate.admittedSequences == 0)
    }
}
