import Foundation
import Testing
@testable import Engine
import Sampling

/// The local engine on the tiny seeded model of `Scripts/oracle/tiny_model.py` (no network, no real model).
@Suite struct LocalEngineTests {
    static let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelTests/Fixtures/tiny_llama.gguf.fixture").path

    static func engine() throws -> LocalEngine { try LocalEngine(path: tinyModel, threads: 2, contextLength: 96) }

    @Test func sharedPrefillSamplesEqualSeparateGenerations() async throws {
        let engine = try Self.engine()
        let request = GenerationRequest(prompt: .tokens([1, 60, 7, 299, 42]), maxTokens: 12,
                                        sampling: SamplingParameters(temperature: 1.0, topK: 0, topP: 1, minP: 0, seed: 0))
        let seeds: [UInt64] = [11, 12, 13]
        let together = try await engine.generate(request, seeds: seeds)
        #expect(together.count == 3)
        for (seed, result) in zip(seeds, together) {
            var single = request
            single.sampling.seed = seed
            #expect(try engine.generate(single) == result, "seed \(seed)")
        }
        #expect(Set(together.map(\.tokens)).count > 1, "different seeds should give different samples")
        #expect(try await engine.generate(request, seeds: []).isEmpty)
    }

    @Test func maxTokensAndContextLimitsAreHonoured() throws {
        let engine = try Self.engine()
        let result = try engine.generate(GenerationRequest(prompt: .tokens([1, 2, 3]), maxTokens: 5,
                                                           sampling: SamplingParameters(temperature: 0.7, seed: 1)))
        #expect(result.generatedTokenCount <= 5)
        #expect(result.promptTokenCount == 3)
        if result.finishReason == .length { #expect(result.tokens.count == 5) }
        #expect(throws: EngineError.self) {
            try engine.generate(GenerationRequest(prompt: .tokens(Array(repeating: 5, count: 96)), maxTokens: 1))
        }
        #expect(throws: EngineError.self) { try engine.generate(GenerationRequest(prompt: .tokens([]), maxTokens: 1)) }
        #expect(throws: EngineError.self) { try engine.generate(GenerationRequest(prompt: .tokens([1]), maxTokens: -1)) }
    }

    @Test func modelIdentifierNamesTheFile() throws {
        #expect(try Self.engine().modelIdentifier.hasPrefix("tiny_llama.gguf.fixture ("))
    }
}
