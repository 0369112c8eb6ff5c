import Engine
import Tasks
import TestSupport
import Testing
@testable import Reasoning

/// The online = replay invariant on the real default model (issue 11): 4 problems × 8 samples × 24 tokens, the
/// replay pool from `LocalEngine.generate`, the online run on the engine's live batch.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable"), .serialized)
struct RealEngineOnlineTests {
    @Test func onlineStrategiesAnswerAsTheirReplayOnTheRealModel() async throws {
        let engine = try LocalEngine(path: DefaultModel.require(), threads: 2, contextLength: 512)
        let live = LiveBatch(engine: engine, maxSequences: 8)
        let family = try TaskRegistry.standard.family("arithmetic-add")
        let configuration = EvalConfiguration(
            task: family.id, difficulty: ["digits_a": "2", "digits_b": "2"], problems: 4, samples: 8, seed: 5,
            maxTokens: 24, temperature: 0.8, model: engine.modelIdentifier,
            strategies: ["short-m-at-k:m=1", "short-m-at-k:k=6,m=3", "early-stop:confidence=0.9", "budget:tokens=60",
                         "adaptive:first=2,samples=4", "majority"].map { try! StrategySpec(parsing: $0) })
        let comparison = try await OnlineReplayCheck.compare(
            live: live, generator: engine, family: family, configuration: configuration,
            costs: try CostContext(shape: engine.model.shape))
        #expect(comparison.violations.isEmpty, "\(comparison.violations.joined(separator: "\n"))")
        for strategy in comparison.online.strategies {
            #expect(strategy.measured && strategy.summary.wallSeconds != nil)
            #expect(strategy.outcomes.allSatisfy { ($0.measured?.forwardPasses ?? 0) > 0 })
        }
    }
}
