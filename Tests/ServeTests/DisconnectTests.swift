import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import Serve

/// A live generator whose sequences do not end by themselves (for about 20 s), or end after `stepLimit` steps
/// (finish reason length): each step (about 2 ms) gives every live sequence the text "x". Records how many sessions
/// were closed and how many sequences are live.
final class EndlessLiveGenerator: LiveGenerating {
    struct Counts { var closedSessions = 0, liveSequences = 0, steps = 0, gaveUp = 0 }
    let counts = Mutex(Counts())
    let stepLimit: Int?
    var modelIdentifier: String { "endless" }

    init(stepLimit: Int? = nil) { self.stepLimit = stepLimit }

    func makeSession() -> any LiveSession { Session(owner: self) }

    final class Session: LiveSession {
        let owner: EndlessLiveGenerator
        private let state = Mutex((closed: false, sequences: [LiveSequenceID](), next: 0))
        init(owner: EndlessLiveGenerator) { self.owner = owner }

        func addPrompt(_ request: GenerationRequest) async throws(EngineError) -> LivePromptID { LivePromptID(0) }
        func start(_ prompt: LivePromptID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
            owner.counts.withLock { $0.liveSequences += 1 }
            return state.withLock { state in
                let id = LiveSequenceID(state.next)
                state.next += 1
                state.sequences.append(id)
                return id
            }
        }
        func fork(_ parent: LiveSequenceID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
            throw .invalidRequest("no forks here")
        }
        func stop(_ sequence: LiveSequenceID) -> GenerationResult? { nil }
        func advance(until condition: LiveAdvanceCondition,
                     onToken: @escaping @Sendable (LiveSequenceID, String) -> Void) async throws(EngineError) -> [LiveFinish] {
            // Gives up after about 20 s (5,000 steps) so that a test whose client is never noticed leaving fails
            // instead of hanging.
            for step in 0..<5000 {
                let live = state.withLock { $0.closed ? nil : $0.sequences }
                guard let live else { return [] }
                if let limit = owner.stepLimit, step == limit {
                    state.withLock { $0.sequences = [] }
                    owner.counts.withLock { $0.liveSequences -= live.count }
                    return live.map { id in
                        LiveFinish(sequence: id, result: GenerationResult(
                            promptTokens: [1, 2, 3], tokens: Array(repeating: 7, count: limit),
                            text: String(repeating: "x", count: limit), finishReason: .length, tokenLogProbabilities: []))
                    }
                }
                for id in live { onToken(id, "x") }
                owner.counts.withLock { $0.steps += 1 }
                try? await Task.sleep(for: .milliseconds(2))
            }
            owner.counts.withLock { $0.gaveUp += 1 }
            throw .invalidRequest("the endless test generator gave up: nobody closed its session")
        }
        var liveSequences: [LiveSequenceID] { state.withLock { $0.closed ? [] : $0.sequences } }
        var usage: LiveUsage { LiveUsage() }
        func close() {
            let live = state.withLock { state -> Int? in
                guard !state.closed else { return nil }
                state.closed = true
                return state.sequences.count
            }
            guard let live else { return }
            owner.counts.withLock {
                $0.closedSessions += 1
                $0.liveSequences -= live
            }
        }
    }
}

/// A client that goes away mid-answer has its session closed (its sequences stopped) while the server runs on.
@Suite struct DisconnectTests {
    static func handler(_ live: EndlessLiveGenerator) -> ServeHandler {
        ServeHandler(live: live, limits: EngineLimits(contextLength: 1 << 30, vocabularySize: 300, positionsPerPage: 16,
                                                      pageLimit: nil),
                     options: ServeOptions(), tokenize: { _ throws(EngineError) in [1, 2, 3] })
    }

    /// Waits (up to 60 s: the whole suite runs in parallel on few cores) until `condition` holds.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<6000 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test(arguments: [true, false])
    func clientThatLeavesHasItsSessionClosed(stream: Bool) async throws {
        let live = EndlessLiveGenerator()
        let handler = Self.handler(live)
        let app = Application(router: handler.makeRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let leaving = TestClient(host: "127.0.0.1", port: port)
            leaving.connect()
            let body = #"{"model":"reckon","prompt":"go","n":2,"max_tokens":100000000,"stream":\#(stream)}"#
            try await leaving.executeAndDontWaitForResponse(
                .init("/v1/completions", method: .post, headers: [.contentType: "application/json"],
                      body: ByteBuffer(string: body)))
            #expect(try await Self.eventually { live.counts.withLock { $0.liveSequences == 2 && $0.steps > 5 } })
            try await leaving.close(mode: .all)
            #expect(try await Self.eventually { live.counts.withLock { $0.closedSessions == 1 && $0.liveSequences == 0 } })
            #expect(live.counts.withLock { $0.gaveUp } == 0, "the session was closed only when the generator gave up")
            #expect(try await Self.eventually { handler.gate.admittedSequences == 0 })
            try? await leaving.shutdown()
            // The server still answers.
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
        }
    }
}
