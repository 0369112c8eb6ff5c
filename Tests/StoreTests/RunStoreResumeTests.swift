import Foundation
import GRDB
import Reasoning
import Tasks
import TestSupport
import Testing
@testable import Store

/// Resume semantics end to end: the Reasoning module's `EvalRunner` (with its scripted generator) on a `RunStore`.
@Suite struct RunStoreResumeTests {
    static let family = try! TaskRegistry.standard.family("arithmetic-add")
    static let configuration = EvalConfiguration(
        task: "arithmetic-add", problems: 4, samples: 3, seed: 19, maxTokens: 32, model: "scripted",
        strategies: [StrategySpec(name: "majority"), StrategySpec(name: "pass-at-k")])

    /// Per problem, the right answer with weight 0.6 and a wrong one with weight 0.4 (choices follow the seeds).
    static func generator() -> ScriptedGenerator {
        var script: [String: [ScriptedGenerator.Answer]] = [:]
        for index in 0..<configuration.problems {
            let instance = family.generate(seed: configuration.seed, difficulty: family.defaultDifficulty, index: index)
            script[instance.boxedPrompt] = [
                .init("It is \\boxed{\(instance.answer)}.", weight: 0.6, generatedTokens: 12 + index),
                .init("Maybe \\boxed{\(instance.answer)7}, \"or\" not.\nDone", weight: 0.4, generatedTokens: 30),
            ]
        }
        return ScriptedGenerator(answersByPrompt: script)
    }

    @Test func anInterruptedRunResumesToTheSameSamplesAndReport() async throws {
        let fullPath = StoreFixtures.temporaryPath(), partialPath = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(fullPath); StoreFixtures.remove(partialPath) }
        let full = try RunStore(path: fullPath)
        let straight = try await EvalRunner(generator: Self.generator(), family: Self.family, configuration: Self.configuration, store: full).run()
        let run = try full.openRun(Self.configuration, reckonVersion: "test")
        let everything = try full.samples(run: run)
        #expect(everything.count == 12)
        #expect(try full.problems(run: run).count == 4)

        // A second store holding only sample 1 of each problem, as if the first run died half-way.
        let partial = try RunStore(path: partialPath)
        let partialRun = try partial.openRun(Self.configuration, reckonVersion: "test")
        try partial.save(everything.filter { $0.sample == 1 }, run: partialRun)
        let generator = Self.generator()
        let resumed = try await EvalRunner(generator: generator, family: Self.family, configuration: Self.configuration, store: partial).run()
        #expect(try partial.samples(run: partialRun) == everything)
        #expect(resumed == straight)
        #expect(generator.log.calls.map(\.seeds.count) == [2, 2, 2, 2])

        // Everything stored: running again generates nothing and changes nothing.
        let idle = Self.generator()
        let again = try await EvalRunner(generator: idle, family: Self.family, configuration: Self.configuration, store: try RunStore(path: fullPath)).run()
        #expect(idle.log.calls.isEmpty)
        #expect(again == straight)
        #expect(try RunStore(path: fullPath).samples(run: run) == everything)
        #expect(try RunStore(path: fullPath).runs().count == 1)
    }

    @Test func aTransactionThatDiesMidwayKeepsEarlierCommitsAndAddsNothing() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "test")
        let committed = (0..<3).map { StoreFixtures.sample(problem: 0, sample: $0) }
        try store.save(committed, run: run)
        // Make the 2nd insert of the next batch fail inside the transaction (as a crash or full disk would).
        try store.writer.write {
            try $0.execute(sql: """
                CREATE TEMP TRIGGER injected_failure BEFORE INSERT ON samples WHEN NEW.sample_index = 4
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        let batch = (3..<6).map { StoreFixtures.sample(problem: 0, sample: $0) }
        let error = #expect(throws: StoreError.self) { try store.save(batch, run: run) }
        #expect(error?.description.contains("injected failure") == true)
        #expect(error?.description.contains("re-run to resume") == true)
        #expect(try store.samples(run: run) == committed)
        try store.writer.write { try $0.execute(sql: "DROP TRIGGER injected_failure") }
        try store.save(committed + batch, run: run)
        #expect(try store.samples(run: run) == committed + batch)
    }
}
