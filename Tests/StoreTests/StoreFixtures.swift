import Foundation
import Reasoning
import Tasks
@testable import Store

/// Small builders shared by the store tests.
enum StoreFixtures {
    static func configuration(seed: UInt64 = 7, samples: Int = 4, strategies: [StrategySpec] = []) -> EvalConfiguration {
        EvalConfiguration(
            task: "arithmetic", difficulty: ["digits": "3"], problems: 3, samples: samples, seed: seed, maxTokens: 64,
            temperature: 0.7, topP: 0.95, topK: 40, minP: 0.05, promptStyle: "boxed", chat: true,
            model: "smollm2-135m-q4_1", strategies: strategies)
    }

    static func sample(problem: Int, sample: Int, text: String? = nil, verdict: String = "correct") -> SampleRecord {
        SampleRecord(
            problem: problem, sample: sample, seed: UInt64(bitPattern: Int64(problem * 100 + sample)), text: text ?? "answer \(problem).\(sample)",
            promptTokens: 20 + problem, generatedTokens: 30 + sample, finishReason: "stop",
            meanLogProbability: -0.25 * Double(sample + 1), verdict: verdict, score: verdict == "correct" ? 1 : 0,
            extracted: "\(problem)", answerKey: "\(problem)")
    }

    static func instance(index: Int) -> TaskInstance {
        TaskInstance(
            id: TaskInstance.makeID(family: "arithmetic", seed: 7, index: index), family: "arithmetic", version: 1,
            seed: 7, index: index, params: ["digits": "3"], prompt: "What is \(index) + 1?",
            boxedPrompt: "What is \(index) + 1? Put the answer in \\boxed{}.", answer: "\(index + 1)",
            data: ["note": "a \"quoted\", comma"])
    }

    /// A fresh path in the temporary directory; the caller removes it with `remove`.
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("reckon-store-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
