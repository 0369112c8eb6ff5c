import Foundation
import Random
import Sampling
import Synchronization
import Testing
import TestSupport
import Tokenizer
@testable import Engine
@testable import Model

/// The live batch on the tiny seeded model (2 layers, 512 bytes of KV per position, so a page of 16 positions is
/// 8,192 bytes). The reference for every sequence is `LocalEngine.generate` with the same seed, alone.
@Suite struct LiveBatchTests {
    static func engine(kvMemoryLimit: Int? = nil) throws -> LocalEngine {
        try LocalEngine(path: LocalEngineTests.tinyModel, threads: 2, contextLength: 96, kvMemoryLimit: kvMemoryLimit)
    }

    static func request(_ prompt: [Int], maxTokens: Int = 12, ignoreEnd: Bool = false,
                        sampling: SamplingParameters = SamplingParameters(temperature: 1.0, topK: 0, topP: 1, minP: 0, seed: 0))
    -> GenerationRequest {
        var request = GenerationRequest(prompt: .tokens(prompt), maxTokens: maxTokens, sampling: sampling)
        request.ignoreEndOfSequence = ignoreEnd
        return request
    }

    static func alone(_ engine: LocalEngine, _ request: GenerationRequest, seed: UInt64) throws -> GenerationResult {
        var single = request
        single.sampling.seed = seed
        return try engine.generate(single)
    }

    /// Text streamed per sequence.
    final class Stream: Sendable {
        let texts = Mutex<[LiveSequenceID: String]>([:])
        var callback: @Sendable (LiveSequenceID, String) -> Void {
            { [self] id, piece in texts.withLock { $0[id, default: ""] += piece } }
        }
        subscript(id: LiveSequenceID) -> String { texts.withLock { $0[id] ?? "" } }
    }

    /// Two sessions driven by two tasks at once (one also forking and stopping) give every sequence exactly what
    /// the engine generates for its seed alone: tokens, text, log-probabilities and finish reason. Three sequences
    /// per pass at most, so steps also run several passes.
    @Test func sequencesBesideOthersEqualGenerateAlone() async throws {
        let engine = try Self.engine()
        let batch = LiveBatch(engine: engine, maxSequences: 3)
        let first = Self.request([1, 60, 7, 299, 42], maxTokens: 12)
        let second = {
            var request = Self.request([5, 17, 230], maxTokens: 10)
            request.stop = ["e"]
            return request
        }()
        let firstSeeds: [UInt64] = [11, 12, 13]
        let stream = Stream()

        async let firstRun: [LiveFinish] = {
            let session = batch.makeSession()
            defer { session.close() }
            let prompt = try await session.addPrompt(first)
            for seed in firstSeeds { _ = try session.start(prompt, seed: seed) }
            return try await session.advance(until: .allFinished, onToken: stream.callback)
        }()
        async let secondRun: (finishes: [LiveFinish], stopped: GenerationResult?, usage: LiveUsage) = {
            let session = batch.makeSession()
            defer { session.close() }
            let prompt = try await session.addPrompt(second)
            let kept = try session.start(prompt, seed: 21)
            let stopped = try session.start(prompt, seed: 22)
            var finishes = try await session.advance(until: .steps(2))
            if session.liveSequences.contains(kept) { _ = try session.fork(kept, seed: 99) }
            finishes += try await session.advance(until: .steps(1))
            let stoppedResult = session.stop(stopped)
            finishes += try await session.advance(until: .allFinished)
            return (finishes, stoppedResult, session.usage)
        }()

        let firstFinishes = try await firstRun
        #expect(firstFinishes.map(\.sequence).sorted() == [LiveSequenceID(0), LiveSequenceID(1), LiveSequenceID(2)])
        for finish in firstFinishes {
            let expected = try Self.alone(engine, first, seed: firstSeeds[finish.sequence.rawValue])
            #expect(finish.result == expected, "seed \(firstSeeds[finish.sequence.rawValue])")
            #expect(stream[finish.sequence] == expected.text)
        }
        #expect(Set(firstFinishes.map(\.result.tokens)).count > 1)

        let secondOutcome = try await secondRun
        let keptExpected = try Self.alone(engine, second, seed: 21)
        #expect(secondOutcome.finishes.first { $0.sequence == LiveSequenceID(0) }?.result == keptExpected)
        let stoppedExpected = try Self.alone(engine, second, seed: 22)
        if let stopped = secondOutcome.stopped {
            // Stopped after 3 steps: what it had generated, a prefix of its whole generation.
            #expect(stopped.finishReason == .stopped)
            #expect(stopped.tokens.count == 3)
            #expect(Array(stoppedExpected.tokens.prefix(3)) == stopped.tokens)
            #expect(Array(stoppedExpected.tokenLogProbabilities.prefix(3)) == stopped.tokenLogProbabilities)
        } else {
            #expect(stoppedExpected.tokens.count <= 3, "the sequence ended by itself before the stop")
        }
        #expect(secondOutcome.usage.promptTokens == 3)
        #expect(secondOutcome.usage.positionsPerPage == 16)
        #expect(batch.metrics.openSessions == 0 && batch.metrics.liveSequences == 0)
        #expect(batch.pool.pagesInUse == 0)
    }

    /// `.steps(n)`, `.anyFinished` and `.allFinished`, and sequences that do not move while their session waits.
    @Test func advanceRunsInLockstep() async throws {
        let engine = try Self.engine()
        let batch = LiveBatch(engine: engine)
        let session = batch.makeSession()
        let short = Self.request([1, 2, 3], maxTokens: 3, ignoreEnd: true)
        let long = Self.request([4, 5, 6, 7], maxTokens: 6, ignoreEnd: true)
        let a = try session.start(try await session.addPrompt(short), seed: 1)
        let b = try session.start(try await session.addPrompt(long), seed: 2)
        #expect(session.usage.promptTokens == 7 && session.usage.forwardPasses == 2)

        #expect(try await session.advance(until: .steps(2)).isEmpty)
        #expect(session.usage.generatedTokens == 4)
        #expect(session.liveSequences == [a, b])
        #expect(session.usage.forwardPasses == 4)

        // Another session runs five steps; this one does not move meanwhile.
        let other = batch.makeSession()
        _ = try other.start(try await other.addPrompt(long), seed: 3)
        #expect(try await other.advance(until: .steps(5)).isEmpty)
        #expect(other.usage.generatedTokens == 5)
        #expect(session.usage.generatedTokens == 4)

        let firstFinish = try await session.advance(until: .anyFinished)
        #expect(firstFinish.map(\.sequence) == [a])
        #expect(firstFinish.first?.result == (try Self.alone(engine, short, seed: 1)))
        #expect(session.usage.generatedTokens == 6)
        #expect(session.liveSequences == [b])

        let rest = try await session.advance(until: .allFinished)
        #expect(rest.map(\.sequence) == [b])
        #expect(rest.first?.result == (try Self.alone(engine, long, seed: 2)))
        #expect(rest.first?.result.tokens.count == 6)
        #expect(session.usage.generatedTokens == 9)
        #expect(session.liveSequences.isEmpty)
        #expect(try await session.advance(until: .allFinished).isEmpty)

        await #expect(throws: EngineError.self) { try await session.advance(until: .steps(0)) }
        #expect(throws: EngineError.self) { try session.fork(a, seed: 5) }
        #expect(throws: EngineError.self) { try session.start(LivePromptID(7), seed: 5) }
        session.close()
        await #expect(throws: EngineError.self) { try await session.addPrompt(short) }
        other.close()
    }

    /// A greedy fork continues exactly as its parent does (same state, same deterministic choice), bit for bit,
    /// though it decodes from its own copy of the partly filled last page beside the parent. With a repetition
    /// penalty, the copied history matters too.
    @Test func aGreedyForkContinuesLikeItsParent() async throws {
        let engine = try Self.engine()
        let batch = LiveBatch(engine: engine)
        let session = batch.makeSession()
        defer { session.close() }
        var sampling = SamplingParameters.greedy
        sampling.repetitionPenalty = 1.3
        let request = Self.request([9, 8, 7, 6, 5], maxTokens: 20, ignoreEnd: true, sampling: sampling)
        let parent = try session.start(try await session.addPrompt(request), seed: 0)
        _ = try await session.advance(until: .steps(4))
        let child = try session.fork(parent, seed: 1234)
        let grandchild = try session.fork(child, seed: 77)
        let finishes = try await session.advance(until: .allFinished)
        #expect(finishes.map(\.sequence) == [parent, child, grandchild])
        #expect(finishes[0].result == (try Self.alone(engine, request, seed: 0)))
        #expect(finishes[1].result == finishes[0].result)
        #expect(finishes[2].result == finishes[0].result)
        #expect(session.usage.generatedTokens == 20 + 16 + 16)
    }

    /// Stopping frees a sequence's pages at once; closing frees the rest (prompts included).
    @Test func stoppingFreesPages() async throws {
        let engine = try Self.engine()
        let batch = LiveBatch(engine: engine)
        let session = batch.makeSession()
        let prompt = try await session.addPrompt(Self.request([1, 2, 3, 4, 5], maxTokens: 30, ignoreEnd: true))
        #expect(session.usage.pagesInUse == 1 && batch.pool.pagesInUse == 1)
        let ids = try (0..<3).map { try session.start(prompt, seed: UInt64($0)) }
        #expect(session.usage.pagesInUse == 1)
        _ = try await session.advance(until: .steps(1))
        // Each sequence wrote into the prompt's partly filled page: one copy each.
        #expect(session.usage.pagesInUse == 4 && batch.pool.pagesInUse == 4)
        let stopped = try #require(session.stop(ids[1]))
        #expect(stopped.finishReason == .stopped && stopped.tokens.count == 1)
        #expect(session.usage.pagesInUse == 3 && batch.pool.pagesInUse == 3)
        #expect(session.stop(ids[1]) == nil)
        #expect(batch.metrics.liveSequences == 2 && batch.metrics.openSessions == 1)
        session.close()
        #expect(batch.pool.pagesInUse == 0)
        #expect(session.usage.peakPages == 4 && session.usage.pagesInUse == 0)
        #expect(batch.metrics.liveSequences == 0 && batch.metrics.openSessions == 0)
        #expect(batch.metrics.peakPages == 4)
    }

    /// The page budget comes from the engine's KV memory limit; running out is a typed error that changes nothing,
    /// and stopping sequences makes room again.
    @Test func anExhaustedPageBudgetIsATypedError() async throws {
        let engine = try Self.engine(kvMemoryLimit: 3 * 8192)
        let batch = LiveBatch(engine: engine)
        #expect(batch.pool.pageLimit == 3 && batch.pool.bytesPerPage == 8192)
        let session = batch.makeSession()
        defer { session.close() }
        let prompt = try await session.addPrompt(Self.request([1, 2, 3, 4, 5], maxTokens: 8, ignoreEnd: true))
        let ids = try (0..<3).map { try session.start(prompt, seed: UInt64($0)) }
        do {
            _ = try await session.advance(until: .steps(1))
            Issue.record("three page copies fitted in two free pages")
        } catch {
            guard case let .model(.kvPagesExhausted(positionsPerPage, limit, bytesPerPage)) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(positionsPerPage == 16 && limit == 3 && bytesPerPage == 8192)
            #expect(error.description.contains("KV memory exhausted"))
        }
        #expect(session.usage.generatedTokens == 0 && session.liveSequences == ids)
        await #expect(throws: EngineError.self) { try await session.addPrompt(Self.request(Array(1...40))) }
        session.stop(ids[2])
        let finishes = try await session.advance(until: .allFinished)
        #expect(finishes.count == 2)
        #expect(finishes[0].result == (try Self.alone(engine, Self.request([1, 2, 3, 4, 5], maxTokens: 8, ignoreEnd: true), seed: 0)))
    }

    /// 1,000 seeded random operations on three sessions of one batch (add a prompt and start, fork, stop, step,
    /// close and reopen): the pool always holds exactly the pages the open sessions report (sessions share no page),
    /// every sequence that was started (not forked) and finished by itself equals its seed's generation alone, and
    /// at the end every page is back.
    @Test func randomOperationsNeverLeakAPage() async throws {
        let engine = try Self.engine()
        let batch = LiveBatch(engine: engine, maxSequences: 4)
        var random = SplitMix64(state: 11)
        func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let requests = [Self.request([1, 60, 7, 299, 42], maxTokens: 9),
                        Self.request([3, 14, 15, 92, 65, 35, 89, 79, 32, 38, 46, 26, 43, 38, 32, 79, 50], maxTokens: 20),
                        Self.request([7], maxTokens: 5, ignoreEnd: true)]
        var sessions = (0..<3).map { _ in batch.makeSession() }
        var prompts: [[LivePromptID?]] = Array(repeating: [nil, nil, nil], count: 3)
        var started: [[LiveSequenceID: (request: Int, seed: UInt64)]] = Array(repeating: [:], count: 3)
        var checked = 0
        for _ in 0..<1_000 {
            let s = draw(3)
            let session = sessions[s]
            switch draw(10) {
            case 0..<3:  // start a sequence (adding its prompt the first time)
                let r = draw(3)
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
                if let victim = session.liveSequences.randomElement(using: &random) {
                    #expect(session.stop(victim)?.finishReason == .stopped)
                }
            case 5:
                session.close()
                sessions[s] = batch.makeSession()
                prompts[s] = [nil, nil, nil]
                started[s] = [:]
            default:
                for finish in try await session.advance(until: .steps(1 + draw(3))) {
                    guard let origin = started[s][finish.sequence], checked < 40 else { continue }
                    #expect(finish.result == (try Self.alone(engine, requests[origin.request], seed: origin.seed)))
                    checked += 1
                }
            }
            #expect(batch.pool.pagesInUse == sessions.reduce(0) { $0 + $1.usage.pagesInUse })
        }
        #expect(checked > 10)
        #expect(batch.metrics.peakPages > 5)
        for session in sessions { session.close() }
        #expect(batch.pool.pagesInUse == 0)
        #expect(batch.metrics.liveSequences == 0 && batch.metrics.openSessions == 0)
    }

    /// `generate(_:seeds:)` (now run on a thread of its own) still equals the samples generated one by one, also
    /// when several tasks call it at once.
    @Test func concurrentAsyncGenerationsEqualSingleOnes() async throws {
        let engine = try Self.engine()
        let request = Self.request([1, 60, 7], maxTokens: 8)
        let results = try await withThrowingTaskGroup(of: (UInt64, [GenerationResult]).self) { group in
            for seed in [UInt64(1), 2, 3, 4] {
                group.addTask { (seed, try await engine.generate(request, seeds: [seed, seed + 10])) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (seed, pair) in results {
            #expect(pair[0] == (try Self.alone(engine, request, seed: seed)))
            #expect(pair[1] == (try Self.alone(engine, request, seed: seed + 10)))
        }
    }
}

/// The live batch on the default model: two seeds of one chat prompt, beside another session, equal
/// `LocalEngine.generate` with those seeds.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"))
struct LiveBatchRealModelTests {
    @Test func liveBatchEqualsLocalEngine() async throws {
        let engine = try LocalEngine(path: DefaultModel.require(), threads: 2, contextLength: 256)
        let request = GenerationRequest(prompt: .chat([ChatMessage(role: "user", content: "What is 7 times 8?")]),
                                        maxTokens: 16, sampling: SamplingParameters(temperature: 0.8, seed: 0))
        let expected = try await engine.generate(request, seeds: [5, 6])
        let batch = LiveBatch(engine: engine)
        async let other: [LiveFinish] = {
            let session = batch.makeSession()
            defer { session.close() }
            var prompt = request
            prompt.prompt = .text("Once upon a time")
            _ = try session.start(try await session.addPrompt(prompt), seed: 9)
            return try await session.advance(until: .allFinished)
        }()
        let session = batch.makeSession()
        defer { session.close() }
        let prompt = try await session.addPrompt(request)
        _ = try session.start(prompt, seed: 5)
        _ = try session.start(prompt, seed: 6)
        let finishes = try await session.advance(until: .allFinished)
        #expect(finishes.sorted { $0.sequence < $1.sequence }.map(\.result) == expected)
        #expect(try await other.count == 1)
    }
}
