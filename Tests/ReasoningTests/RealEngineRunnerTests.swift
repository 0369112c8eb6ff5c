import Engine
import Tasks
import TestSupport
import Testing
@testable import Reasoning

/// The runner on the real default model (SmolLM2-135M): resuming regenerates missing samples identically,
/// whichever subset of seeds a `generate` call is given.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"), .serialized)
struct RealEngineRunnerTests {
    @Test func resumingWithTheLocalEngineRegeneratesIdenticalSamples() async throws {
        let engine = try LocalEngine(path: DefaultModel.require(), threads: 2, contextLength: 512)
        let family = try TaskRegistry.standard.family("arithmetic-add")
        let configuration = EvalConfiguration(
            task: family.id, difficulty: ["digits_a": "2", "digits_b": "2"], problems: 2, samples: 3, seed: 5,
            maxTokens: 24, temperature: 0.8, model: engine.modelIdentifier,
            strategies: [StrategySpec(name: "majority"), StrategySpec(name: "short-m-at-k", parameters: ["m": 2])])
        let costs = try CostContext(shape: engine.model.shape)
        let full = InMemorySampleStore()
        let straight = try await EvalRunner(
            generator: engine, family: family, configuration: configuration, store: full, costs: costs).run()

        let partial = InMemorySampleStore()
        let run = try partial.openRun(configuration, reckonVersion: "test")
        try partial.save(try full.samples(run: 1).filter { $0.sample == 1 }, run: run)
        let resumed = try await EvalRunner(
            generator: engine, family: family, configuration: configuration, store: partial, costs: costs).run()
        #expect(try partial.samples(run: run) == (try full.samples(run: 1)))
        #expect(resumed == straight)
        let majority = try #require(straight.strategies.first)
        #expect(majority.summary.meanSamplesUsed == 3)
        #expect(majority.summary.meanFLOPs > 0 && majority.summary.meanKVCacheBytes > 0)
        #expect(straight.passAtK.count == 3)
    }
}
