import Engine
import Tasks

extension SampleRecord {
    /// One generation graded by `family` against `instance` into a sample record (its answer keyed with
    /// ``AnswerKey/key(verdict:goldKey:)``). The replay runner and the online executors grade the same way.
    public static func graded(
        _ result: GenerationResult, problem: Int, sample: Int, seed: UInt64, instance: TaskInstance, goldKey: String,
        family: any TaskFamily
    ) -> SampleRecord {
        let verdict = family.grade(response: result.text, instance: instance)
        return SampleRecord(
            problem: problem, sample: sample, seed: seed, text: result.text, promptTokens: result.promptTokenCount,
            generatedTokens: result.generatedTokenCount, finishReason: result.finishReason.rawValue,
            meanLogProbability: result.meanLogProbability, verdict: verdict.kind.rawValue, score: verdict.score,
            extracted: verdict.extracted, answerKey: AnswerKey.key(verdict: verdict, goldKey: goldKey))
    }
}
