import Foundation
import Testing
@testable import RemoteEngine
import Engine

/// Retries are bounded and visible: each one is reported before its wait, a server's Retry-After is capped, and a
/// stalled server fails by the timeout of each attempt. The tests check the reported delays and failure reasons, not
/// wall-clock times (the suite runs beside model tests that can hold the cooperative threads for a while).
@Suite("RemoteGenerator: bounded, visible retries")
struct RemoteRetryTests {
    /// Collects the retries a generator reports.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [RemoteRetry] = []
        func add(_ retry: RemoteRetry) { lock.lock(); items.append(retry); lock.unlock() }
        var retries: [RemoteRetry] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test("by default a Retry-After of 100000 s waits 60 s, not 600")
    func defaultRetryAfterCap() {
        #expect(RemoteBackoff().maximumRetryAfter == .seconds(60))
        #expect(RemoteBackoff().delay(retry: 1, stream: 0, retryAfter: .seconds(100_000)) == .seconds(60))
    }

    @Test("HTTP 429 with Retry-After: 100000 is retried after the capped wait, and the retry is reported")
    func retryAfterIsCappedAndReported() async throws {
        let throttled = StubResponse.json(#"{"error":"slow down"}"#, status: 429, extraHeaders: [("Retry-After", "100000")])
        try await withStubServer(script: [throttled, .json(RemoteFixtures.completion)]) { server in
            let recorder = Recorder()
            let generator = RemoteGenerator(
                baseURL: server.baseURL, modelName: "tiny", maxRetries: 2,
                backoff: RemoteBackoff(base: .milliseconds(5), maximumRetryAfter: .milliseconds(50)),
                onRetry: { recorder.add($0) })
            let results = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: [1])
            #expect(results.first?.text == " 4")
            let retries = recorder.retries
            #expect(retries.count == 1)
            #expect(retries.first?.retry == 1)
            #expect(retries.first?.maxRetries == 2)
            #expect(retries.first?.delay == .milliseconds(50))
            #expect(retries.first?.reason.hasPrefix("HTTP 429") == true, "\(String(describing: retries.first))")
            #expect(retries.first?.url == server.baseURL + "/completions")
        }
    }

    @Test("a stalled server fails after the timeout of each attempt, every retry reported")
    func stalledServerTimesOut() async throws {
        try await withStubServer(respond: { _, _ in .json(RemoteFixtures.completion, delay: .seconds(120)) }) { server in
            let recorder = Recorder()
            let generator = RemoteGenerator(
                baseURL: server.baseURL, modelName: "tiny", timeout: .milliseconds(300), maxRetries: 2,
                backoff: RemoteBackoff(base: .milliseconds(5), maximum: .milliseconds(10)), onRetry: { recorder.add($0) })
            var message = ""
            do {
                _ = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: [1])
            } catch {
                message = String(describing: error)
            }
            // Each of the 3 attempts ends by its 0.3 s timeout, long before the server's 120 s stall would answer.
            #expect(message.contains("timeout") && message.contains("after 3 attempts"), "\(message)")
            #expect(recorder.retries.map(\.retry) == [1, 2])
            #expect(recorder.retries.allSatisfy { $0.reason.contains("timeout") })
        }
    }

    @Test("an unreachable server fails each attempt at once (no silent reconnecting until the connect timeout)")
    func unreachableServerFailsFast() async throws {
        // A port that was just free: nothing listens there.
        let port = try await withStubServer(script: []) { $0.port }
        let recorder = Recorder()
        let generator = RemoteGenerator(
            baseURL: "http://127.0.0.1:\(port)/v1", modelName: "tiny", timeout: .seconds(60), maxRetries: 1,
            backoff: RemoteBackoff(base: .milliseconds(5), maximum: .milliseconds(10)), onRetry: { recorder.add($0) })
        var message = ""
        do {
            _ = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: [1])
        } catch {
            message = String(describing: error)
        }
        // Refused at once, not waited out until the 60 s timeout (which would report a timeout).
        #expect(message.contains("could not reach the server") && message.contains("after 2 attempts"), "\(message)")
        #expect(!message.contains("timeout"), "\(message)")
        #expect(recorder.retries.count == 1)
        #expect(recorder.retries.allSatisfy { !$0.reason.contains("timeout") }, "\(recorder.retries)")
    }
}
