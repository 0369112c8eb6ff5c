import Foundation
import Testing
@testable import Engine
import Sampling

/// Sizes the engine is given are checked against the model and the memory before anything is allocated.
/// The tiny model (`Scripts/oracle/tiny_model.py`): 2 layers, 2 KV heads of 16 dimensions, trained context 128,
/// so one KV position takes 2 layers × (keys + values) × 32 floats × 4 bytes = 512 bytes.
@Suite struct LocalEngineLimitTests {
    static let tinyModel = LocalEngineTests.tinyModel

    @Test("a context beyond the trained context is capped at it", arguments: [129, 1_000_000, Int.max])
    func contextIsCapped(requested: Int) throws {
        let engine = try LocalEngine(path: Self.tinyModel, threads: 1, contextLength: requested)
        #expect(engine.contextLength == 128)
        #expect(engine.kvBytesPerPosition == 512)
    }

    @Test func smallerContextsAreKept() throws {
        #expect(try LocalEngine(path: Self.tinyModel, threads: 1, contextLength: 96).contextLength == 96)
        #expect(try LocalEngine(path: Self.tinyModel, threads: 1).contextLength == 128)
        #expect(throws: EngineError.self) { try LocalEngine(path: Self.tinyModel, threads: 1, contextLength: 0) }
    }

    @Test("an enormous context and token limit generate within the trained context")
    func enormousRequestStaysInsideTheContext() throws {
        let engine = try LocalEngine(path: Self.tinyModel, threads: 1, contextLength: Int.max)
        let result = try engine.generate(GenerationRequest(
            prompt: .tokens([1, 60, 7]), maxTokens: Int.max, sampling: SamplingParameters(temperature: 1, seed: 3)))
        #expect(result.promptTokenCount + result.generatedTokenCount <= 128)
    }

    @Test("a request that cannot fit the memory limit is refused, naming the sizes")
    func refusedBeyondTheMemoryLimit() throws {
        let engine = try LocalEngine(path: Self.tinyModel, threads: 1, contextLength: 96, kvMemoryLimit: 5120)
        let request = GenerationRequest(prompt: .tokens([1, 2, 3]), maxTokens: 20)
        // (3 prompt + 20 generated positions) × 512 bytes = 11776 bytes > 5120.
        do {
            _ = try engine.generate(request)
            Issue.record("a request of 11776 bytes passed a limit of 5120")
        } catch {
            #expect(error.description == "the KV cache of the continuation (20 positions after the prompt) needs "
                + "11776 bytes but at most 5120 bytes may be used for KV caches; "
                + "ask for fewer tokens (--max-tokens, --context) or fewer samples")
        }
        #expect(throws: EngineError.self) { try engine.generateSamples(request, seeds: [1, 2]) }
        #expect(EngineError.size(46_137_344_000) == "46.1 GB")
        // 3 positions fit: a shorter request runs.
        #expect(try engine.generate(GenerationRequest(prompt: .tokens([1, 2, 3]), maxTokens: 4)).generatedTokenCount <= 4)
    }

    @Test("samples beyond the memory limit decode in groups, each equal to its sample alone")
    func groupsGiveTheSameSamples() throws {
        let request = GenerationRequest(prompt: .tokens([1, 60, 7, 299, 42]), maxTokens: 12,
                                        sampling: SamplingParameters(temperature: 1.0, topK: 0, topP: 1, minP: 0, seed: 0))
        let seeds: [UInt64] = [11, 12, 13, 14, 15]
        let unlimited = try LocalEngine(path: Self.tinyModel, threads: 1, contextLength: 96)
        // Prompt 5 × 512 = 2560 bytes; each sample 12 × 512 = 6144: two samples fit beside the prompt.
        let limited = try LocalEngine(path: Self.tinyModel, threads: 1, contextLength: 96, kvMemoryLimit: 2560 + 2 * 6144)
        #expect(try limited.generateSamples(request, seeds: seeds) == unlimited.generateSamples(request, seeds: seeds))
    }
}
