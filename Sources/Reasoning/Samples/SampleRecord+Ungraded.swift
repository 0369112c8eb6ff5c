import Answers
import Engine

extension SampleRecord {
    /// A generation with no reference answer to grade against (a server request): its answer is read with
    /// ``AnswerExtractor`` and keyed with ``AnswerKey/normalize(_:)``, so samples with the same final answer vote
    /// together. Verdict `"ungraded"` (or `"unparseable"` when no answer was found, which abstains), score 0.
    public static func ungraded(_ result: GenerationResult, problem: Int, sample: Int, seed: UInt64) -> SampleRecord {
        let extracted = AnswerExtractor.extract(from: result.text)?.text
        let key = extracted.flatMap(AnswerKey.normalize)
        return SampleRecord(
            problem: problem, sample: sample, seed: seed, text: result.text, promptTokens: result.promptTokenCount,
            generatedTokens: result.generatedTokenCount, finishReason: result.finishReason.rawValue,
            meanLogProbability: result.meanLogProbability, verdict: key == nil ? "unparseable" : "ungraded", score: 0,
            extracted: extracted, answerKey: key)
    }
}
