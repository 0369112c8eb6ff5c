import Engine
import Tasks
import TestSupport
@testable import Reasoning

/// Scripted problems for the online executors: `arithmetic-add` instances whose answer distributions mix equal
/// lengths with different finish reasons (5 tokens by end of sequence, decided at step 6, and 5 tokens by a stop
/// string, at step 5), so short-m@k meets the ties the lockstep must resolve, plus length-capped rambling.
enum OnlineFixtures {
    static let family = try! TaskRegistry.standard.family("arithmetic-add")

    static func configuration(problems: Int = 12, samples: Int = 8, maxTokens: Int = 24, strategies: [String]) -> EvalConfiguration {
        EvalConfiguration(
            task: family.id, problems: problems, samples: samples, seed: 23, maxTokens: maxTokens, model: "scripted",
            strategies: strategies.map { try! StrategySpec(parsing: $0) })
    }

    static func instances(_ configuration: EvalConfiguration) -> [TaskInstance] {
        (0..<configuration.problems).map {
            family.generate(seed: configuration.seed, difficulty: family.defaultDifficulty, index: $0)
        }
    }

    /// Per problem i: the correct answer in 5 tokens by end of sequence and in 7 by a stop string, a wrong one in 5
    /// tokens by a stop string and in 12 by end of sequence, and 40 tokens of rambling (cut at `maxTokens`).
    static func mixed(_ configuration: EvalConfiguration) -> ScriptedGenerator {
        var script: [String: [ScriptedGenerator.Answer]] = [:]
        for (index, instance) in instances(configuration).enumerated() {
            let lean = Double(index % 4) * 0.25
            script[instance.boxedPrompt] = [
                .init("so \\boxed{\(instance.answer)}", weight: 1 + lean, generatedTokens: 5, finishReason: .endOfSequence),
                .init("it is \\boxed{\(instance.answer)1}", weight: 1, generatedTokens: 5, finishReason: .stop),
                .init("the sum: \\boxed{\(instance.answer)}", weight: 0.5, generatedTokens: 7, finishReason: .stop),
                .init("maybe \\boxed{\(instance.answer)2}", weight: 1 - lean * 0.5, generatedTokens: 12, finishReason: .endOfSequence),
                .init("let me think about this for a long while", weight: 0.4, generatedTokens: 40, finishReason: .endOfSequence),
            ]
        }
        return ScriptedGenerator(answersByPrompt: script)
    }

    /// Every problem answers `answer` → the instance's answer in `tokens` tokens ending for `finish`.
    static func uniform(_ configuration: EvalConfiguration, tokens: Int, finish: FinishReason) -> ScriptedGenerator {
        var script: [String: [ScriptedGenerator.Answer]] = [:]
        for instance in instances(configuration) {
            script[instance.boxedPrompt] = [.init("\\boxed{\(instance.answer)}", generatedTokens: tokens, finishReason: finish)]
        }
        return ScriptedGenerator(answersByPrompt: script)
    }

    static func online(
        _ live: any LiveGenerating, _ configuration: EvalConfiguration, store: InMemorySampleStore = InMemorySampleStore(),
        wave: Int = 1
    ) async throws -> EvalReport {
        try await OnlineEvalRunner(live: live, family: family, configuration: configuration, store: store, wave: wave).run()
    }
}
