import Analysis
import Tasks
import Testing
import TestSupport
@testable import Reasoning

/// The self verifier's prompt, the reading of replies and the measures it feeds, with a scripted model.
@Suite struct SelfStepVerifierTests {
    @Test func repliesAreReadAsProcessBenchReadsThem() {
        #expect(StepVerifierPrompt.prediction(in: "step 2 is wrong: \\boxed{2}", stepCount: 5) == 2)
        #expect(StepVerifierPrompt.prediction(in: "all fine \\boxed{ -1 }", stepCount: 5) == -1)
        #expect(StepVerifierPrompt.prediction(in: "\\boxed{1} no wait \\boxed{3}", stepCount: 5) == 3)
        #expect(StepVerifierPrompt.prediction(in: "\\boxed{5}", stepCount: 5) == nil)      // no such step
        #expect(StepVerifierPrompt.prediction(in: "\\boxed{-2}", stepCount: 5) == nil)
        #expect(StepVerifierPrompt.prediction(in: "\\boxed{\\text{2}}", stepCount: 5) == nil)
        #expect(StepVerifierPrompt.prediction(in: "paragraph 2", stepCount: 5) == nil)
        #expect(StepVerifierPrompt.prediction(in: "\\boxed{2", stepCount: 5) == nil)
        #expect(StepVerifierPrompt.prediction(in: String(repeating: "\\boxed{", count: 100_000), stepCount: 5) == nil)
        let prompt = StepVerifierPrompt.text(problem: "P?", steps: ["a", "b"])
        #expect(prompt.contains("[Problem]\nP?") && prompt.contains("<paragraph_0>\na\n</paragraph_0>\n<paragraph_1>\nb\n</paragraph_1>"))
        #expect(prompt.contains("\\boxed{-1}"))
    }

    @Test func scriptedModelIsMeasured() async throws {
        let injector = try StepErrorInjector(family: AdditionSteps(), overrides: ["digits_a": "5", "digits_b": "5"], errorRate: 0.5)
        let solutions = (0..<12).map { injector.solution(seed: 8, index: $0) }
        // By construction: solution i gets the right index when i % 3 == 0, an unreadable reply when i % 3 == 1,
        // and "-1" when i % 3 == 2.
        var replies: [String: [ScriptedGenerator.Answer]] = [:]
        var expected = (erroneous: 0, errorHits: 0, correct: 0, correctHits: 0, unreadable: 0)
        for (i, solution) in solutions.enumerated() {
            let prompt = StepVerifierPrompt.text(problem: solution.problem, steps: solution.steps)
            let reply: String
            switch i % 3 {
            case 0: reply = "Paragraph check… \\boxed{\(solution.label)}"
            case 1: reply = "I am not sure."
            default: reply = "Everything is right. \\boxed{-1}"
            }
            replies[prompt] = [ScriptedGenerator.Answer(reply)]
            if solution.label == -1 {
                expected.correct += 1
                if i % 3 != 1 { expected.correctHits += 1 }
            } else {
                expected.erroneous += 1
                if i % 3 == 0 { expected.errorHits += 1 }
            }
            if i % 3 == 1 { expected.unreadable += 1 }
        }
        #expect(replies.count == solutions.count)  // every prompt distinct, so each reply is the one scripted
        let generator = ScriptedGenerator(answersByPrompt: replies)
        let verifier = SelfStepVerifier(generator: generator, maxTokens: 64)
        var score = ProcessBenchScore()
        for solution in solutions {
            let judgement = try await verifier.judge(solution)
            score.add(label: solution.label, prediction: judgement.prediction)
        }
        #expect(generator.log.calls.count == 12)
        #expect(expected.erroneous > 0 && expected.correct > 0)
        #expect(score.erroneous == expected.erroneous && score.erroneousHits == expected.errorHits)
        #expect(score.correct == expected.correct && score.correctHits == expected.correctHits)
        #expect(score.unparsed == expected.unreadable)
    }
}
