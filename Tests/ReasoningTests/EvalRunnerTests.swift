import Foundation
import Analysis
import Engine
import Tasks
import TestSupport
import Testing
@testable import Reasoning

/// The runner with `ScriptedGenerator` and `InMemorySampleStore` on `arithmetic-add` problems.
@Suite struct EvalRunnerTests {
    static let family = try! TaskRegistry.standard.family("arithmetic-add")
    static let configuration = EvalConfiguration(
        task: "arithmetic-add", problems: 6, samples: 5, seed: 11, maxTokens: 64, model: "scripted",
        strategies: ["majority", "pass-at-k", "single", "short-m-at-k:m=3", "early-stop:confidence=0.9", "best-of-n",
                     "weighted-logprob", "adaptive:first=2,samples=3"].map { try! StrategySpec(parsing: $0) })
    /// Per problem: probability of the correct answer; the only other answer is the correct one with a "1"
    /// appended (always wrong). Two answers and five samples: a vote can never tie.
    static let correctWeights = [0.9, 0.6, 0.4, 0.2, 0.7, 0.5]

    static func instances() -> [TaskInstance] {
        (0..<configuration.problems).map {
            family.generate(seed: configuration.seed, difficulty: family.defaultDifficulty, index: $0)
        }
    }

    static func generator() -> ScriptedGenerator {
        var script: [String: [ScriptedGenerator.Answer]] = [:]
        for (index, instance) in instances().enumerated() {
            let p = correctWeights[index]
            script[instance.boxedPrompt] = [
                .init("So the sum is \\boxed{\(instance.answer)}.", weight: p, generatedTokens: 20 + index, meanLogProbability: -0.3),
                .init("I get \\boxed{\(instance.answer)1}.", weight: 1 - p, generatedTokens: 35, meanLogProbability: -0.9),
            ]
        }
        return ScriptedGenerator(answersByPrompt: script)
    }

    static func runner(_ generator: ScriptedGenerator, _ store: InMemorySampleStore) -> EvalRunner {
        EvalRunner(generator: generator, family: family, configuration: configuration, store: store)
    }

    @Test func generatesOneCallPerProblemWithDerivedSeedsAndGradesWithTheFamily() async throws {
        let generator = Self.generator()
        let store = InMemorySampleStore()
        let report = try await Self.runner(generator, store).run()
        #expect(generator.log.calls.count == 6)
        for (problem, call) in generator.log.calls.enumerated() {
            #expect(call.seeds == (0..<5).map { SampleSeed.derive(runSeed: 11, problem: problem, sample: $0) })
        }
        #expect(store.transactionCount == 6)
        let samples = try store.samples(run: 1)
        #expect(samples.count == 30)
        let instances = Self.instances()
        for sample in samples {
            let answer = instances[sample.problem].answer
            #expect(sample.isCorrect == sample.text.contains("{\(answer)}"))
            #expect(sample.answerKey == (sample.isCorrect ? answer : answer + "1"))
            #expect(sample.generatedTokens == (sample.isCorrect ? 20 + sample.problem : 35))
            #expect(sample.promptTokens == 16)
        }
        #expect(store.problems(run: 1).count == 6)
        #expect(store.run(1)?.finished == true)
        #expect(report.problems == 6 && report.samplesPerProblem == 5)
        #expect(report.strategies.map(\.outcomes.count) == Array(repeating: 6, count: 8))
    }

    @Test func majorityAccuracyEqualsMajorityAtKAndPassAtKMatchesAnalysis() async throws {
        let store = InMemorySampleStore()
        let report = try await Self.runner(Self.generator(), store).run()
        let pools = EvalReport.pools(try store.samples(run: 1), problems: 6, samplesPerProblem: 5)
        let tallies = try pools.map { pool in
            try VoteTally(answers: pool.map { $0.isCorrect ? "gold" : $0.answerKey }, correct: "gold")
        }
        let expected = try MajorityAtK.mean(tallies, k: 5, ties: .splitEvenly)
        let majority = try #require(report.strategies.first { $0.spec.name == "majority" })
        #expect(majority.summary.accuracy == expected)
        #expect(report.majorityAtK.count == 5)
        #expect(abs(report.majorityAtK[4].value - expected) < 1e-12)
        let outcomes = try pools.map { try ProblemOutcome(samples: 5, correct: $0.filter(\.isCorrect).count) }
        for k in 1...5 {
            #expect(abs(report.passAtK[k - 1].value - (try PassAtK.mean(outcomes, k: k))) < 1e-12)
        }
        let oracle = try #require(report.strategies.first { $0.spec.name == "pass-at-k" })
        #expect(abs(oracle.summary.accuracy - report.passAtK[4].value) < 1e-12)
    }

    @Test func progressReportsEveryProblem() async throws {
        let seen = ProgressLog()
        let report = try await Self.runner(Self.generator(), InMemorySampleStore()).run { seen.append($0) }
        let updates = seen.values
        #expect(updates.map(\.problemsDone) == Array(1...6))
        let last = try #require(updates.last)
        #expect(last.samplesDone == 30 && last.samplesTotal == 30 && last.samplesGenerated == 30)
        let majority = try #require(report.strategies.first { $0.spec.name == "majority" })
        #expect(last.majorityAccuracy == majority.summary.accuracy)
        let tokens = report.strategies.first { $0.spec.name == "pass-at-k" }!.outcomes.reduce(0) { $0 + $1.generatedTokens }
        #expect(last.generatedTokens == tokens)
    }

    @Test func interruptedAndResumedEqualsStraightThrough() async throws {
        let straight = try await Self.runner(Self.generator(), InMemorySampleStore()).run()

        let store = InMemorySampleStore()
        let first = Self.generator()
        let interrupted = await Task {
            try await Self.runner(first, store).run { progress in
                if progress.problemsDone == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }.result
        guard case .failure(let error) = interrupted else {
            Issue.record("the run should have been cancelled")
            return
        }
        #expect(error as? ReasoningError == .cancelled(problemsDone: 3))
        #expect(try store.samples(run: 1).count == 15)
        #expect(store.run(1)?.finished == false)

        let second = Self.generator()
        let resumed = try await Self.runner(second, store).run()
        #expect(resumed == straight)
        #expect(second.log.calls.count == 3)
        #expect(second.log.calls.map { $0.seeds.count } == [5, 5, 5])
        #expect(second.log.calls.first?.seeds.first == SampleSeed.derive(runSeed: 11, problem: 3, sample: 0))

        // A third run generates nothing.
        let third = Self.generator()
        #expect(try await Self.runner(third, store).run() == straight)
        #expect(third.log.calls.isEmpty)
    }

    @Test func partiallyStoredProblemsRegenerateOnlyTheMissingSamples() async throws {
        let full = InMemorySampleStore()
        let straight = try await Self.runner(Self.generator(), full).run()
        let partial = InMemorySampleStore()
        let run = try partial.openRun(Self.configuration, reckonVersion: "test")
        try partial.save(try full.samples(run: 1).filter { $0.sample % 2 == 0 }, run: run)
        let generator = Self.generator()
        #expect(try await Self.runner(generator, partial).run() == straight)
        #expect(generator.log.calls.map { $0.seeds.count } == Array(repeating: 2, count: 6))
        #expect(try partial.samples(run: run) == (try full.samples(run: 1)))
    }

    @Test func aWrongFamilyIsRejected() async {
        var configuration = Self.configuration
        configuration.task = "arithmetic-mul"
        let runner = EvalRunner(generator: Self.generator(), family: Self.family, configuration: configuration, store: InMemorySampleStore())
        await #expect(throws: ReasoningError.invalidConfiguration(field: "task", value: "arithmetic-mul", requirement: "the family's id 'arithmetic-add'")) {
            try await runner.run()
        }
    }

    @Test func cancellationMessageSaysHowToResume() {
        #expect(ReasoningError.cancelled(problemsDone: 3).description
            == "the run was cancelled after 3 complete problems; re-run the same command to resume.")
    }
}

/// Collects progress updates from the runner's callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [EvalProgress] = []
    func append(_ value: EvalProgress) { lock.withLock { storage.append(value) } }
    var values: [EvalProgress] { lock.withLock { storage } }
}
