import Engine
import TestSupport
import Testing

/// The scripted live double keeps the live contract the executors rely on.
@Suite struct ScriptedLiveGeneratorTests {
    let scripted = ScriptedGenerator(promptTokens: 9) { _ in
        [.init("abcdefgh", weight: 1, generatedTokens: 4, finishReason: .endOfSequence),
         .init("xyz", weight: 1, generatedTokens: 3, finishReason: .stop)]
    }

    @Test func sequencesPlayOutTheScriptedResultsInLockstep() async throws {
        let live = ScriptedLiveGenerator(scripted)
        let session = live.makeSession()
        let request = GenerationRequest(prompt: .text("q"), maxTokens: 10)
        let prompt = try await session.addPrompt(request)
        let seeds: [UInt64] = (0..<6).map { $0 * 7919 }
        let ids = try seeds.map { try session.start(prompt, seed: $0) }
        let expected = try await scripted.generate(request, seeds: seeds)
        var finished: [Int: GenerationResult] = [:]
        var steps = 0
        while !session.liveSequences.isEmpty {
            steps += 1
            for finish in try await session.advance(until: .steps(1)) {
                let index = ids.firstIndex(of: finish.sequence)!
                finished[index] = finish.result
                // A stop-string result of g tokens ends at step g, an end of sequence after g tokens at g + 1.
                #expect(steps == finish.result.generatedTokenCount + (finish.result.finishReason == .endOfSequence ? 1 : 0))
            }
        }
        #expect(seeds.indices.map { finished[$0] } == expected)
        #expect(session.usage.generatedTokens == expected.reduce(0) { $0 + $1.generatedTokenCount })
        #expect(session.usage.forwardPasses == 1 + steps && session.usage.promptTokens == 9)
    }

    @Test func aStoppedSequenceReturnsWhatItHeldAndTakesNoMoreSteps() async throws {
        let live = ScriptedLiveGenerator(scripted)
        let session = live.makeSession()
        let prompt = try await session.addPrompt(GenerationRequest(prompt: .text("q"), maxTokens: 10))
        // Find a seed that plays "abcdefgh" (4 tokens, end of sequence).
        let seed = (UInt64(0)..<100).first { ScriptedGenerator.choose(seed: $0, weights: [1, 1]) == 0 }!
        let id = try session.start(prompt, seed: seed)
        #expect(try await session.advance(until: .steps(2)).isEmpty)
        let partial = try #require(session.stop(id))
        #expect(partial.finishReason == .stopped && partial.generatedTokenCount == 2 && partial.text == "abcd")
        #expect(session.stop(id) == nil && session.liveSequences.isEmpty)
        #expect(try await session.advance(until: .allFinished).isEmpty)
        #expect(live.ledger.steps(seed: seed) == 2 && live.ledger.generatedTokens == 2)
    }

    @Test func aForkKeepsItsParentsTokensAndContinuesWithItsOwnScript() async throws {
        let live = ScriptedLiveGenerator(scripted)
        let session = live.makeSession()
        let prompt = try await session.addPrompt(GenerationRequest(prompt: .text("q"), maxTokens: 10))
        let parentSeed = (UInt64(0)..<100).first { ScriptedGenerator.choose(seed: $0, weights: [1, 1]) == 0 }!
        let childSeed = (UInt64(0)..<100).first { ScriptedGenerator.choose(seed: $0, weights: [1, 1]) == 1 }!
        let parent = try session.start(prompt, seed: parentSeed)
        _ = try await session.advance(until: .steps(2))
        let child = try session.fork(parent, seed: childSeed)
        let finishes = try await session.advance(until: .allFinished)
        // Parent: 4 tokens, end of sequence at its step 5. Child: 2 inherited + 3 of "xyz" by a stop string, at
        // the session's step 5 too; it generated 3 tokens itself.
        #expect(finishes.map(\.sequence) == [parent, child])
        #expect(finishes.map(\.result.generatedTokenCount) == [4, 5])
        #expect(finishes[1].result.finishReason == .stop)
        #expect(session.usage.generatedTokens == 4 + 3)
    }
}
