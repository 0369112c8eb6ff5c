@testable import Reasoning

/// Hand-built sample pools. Gold answer is "A" unless a sample says otherwise; `key: nil` abstains.
enum TestPools {
    struct Spec {
        var key: String?
        var correct: Bool
        var tokens: Int
        var logProbability: Double
        var score: Double
        /// `"eos"` unless given: ended by end of sequence (decided one step after its last token).
        var finishReason: String = "eos"
    }

    /// A sample: key "A" counts as correct unless `correct` says otherwise.
    static func s(
        _ key: String?, tokens: Int = 10, logp: Double = -0.5, score: Double? = nil, correct: Bool? = nil,
        finish: String = "eos"
    ) -> Spec {
        let isCorrect = correct ?? (key == "A")
        return Spec(key: key, correct: isCorrect, tokens: tokens, logProbability: logp, score: score ?? (isCorrect ? 1 : 0),
                    finishReason: finish)
    }

    /// Records for problem `problem`, sample indices in order, prompt 10 tokens each.
    static func pool(_ specs: [Spec], problem: Int = 0, promptTokens: Int = 10) -> [SampleRecord] {
        specs.enumerated().map { index, spec in
            SampleRecord(
                problem: problem, sample: index, seed: UInt64(index), text: spec.key.map { "\\boxed{\($0)}" } ?? "no idea",
                promptTokens: promptTokens, generatedTokens: spec.tokens, finishReason: spec.finishReason,
                meanLogProbability: spec.logProbability,
                verdict: spec.key == nil ? "unparseable" : (spec.correct ? "correct" : "incorrect"),
                score: spec.score, extracted: spec.key, answerKey: spec.key)
        }
    }

    /// Keys only, 10 tokens each.
    static func keys(_ keys: [String?], problem: Int = 0) -> [SampleRecord] {
        pool(keys.map { s($0) }, problem: problem)
    }
}
