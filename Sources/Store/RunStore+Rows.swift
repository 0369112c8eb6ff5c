import Foundation
import GRDB
import Reasoning

extension RunStore {
    /// Column values for one sample. Seeds are stored as the Int64 with the same bits (SQLite integers are
    /// signed); a NaN mean log-probability is stored as NULL (SQLite has no NaN); model text containing NUL is
    /// stored as a UTF-8 BLOB (GRDB binds TEXT as a C string, which would cut it at the NUL).
    static func arguments(_ record: SampleRecord, run: Int64) -> StatementArguments {
        StatementArguments([run] + columns(record))
    }

    /// The sample's column values after `run_id`, from `problem_index` to `answer_key` (see ``arguments(_:run:)``).
    static func columns(_ record: SampleRecord) -> [(any DatabaseValueConvertible)?] {
        let logProbability: Double? = record.meanLogProbability.isNaN ? nil : record.meanLogProbability
        return [
            record.problem, record.sample, Int64(bitPattern: record.seed), lossless(record.text),
            record.promptTokens, record.generatedTokens, record.finishReason, logProbability, record.verdict,
            record.score, record.extracted.map(lossless), record.answerKey.map(lossless),
        ]
    }

    /// `text` as TEXT, or as a UTF-8 BLOB when it contains NUL (read back as the same String).
    static func lossless(_ text: String) -> DatabaseValue {
        text.utf8.contains(0) ? Data(text.utf8).databaseValue : text.databaseValue
    }

    static func sampleRecord(_ row: Row) throws -> SampleRecord {
        let seedBits: Int64 = row["seed"]
        let logProbability: Double? = row["mean_logprob"]
        return SampleRecord(
            problem: row["problem_index"], sample: row["sample_index"], seed: UInt64(bitPattern: seedBits),
            text: row["text"], promptTokens: row["prompt_tokens"], generatedTokens: row["generated_tokens"],
            finishReason: row["finish_reason"], meanLogProbability: logProbability ?? .nan, verdict: row["verdict"],
            score: row["score"], extracted: row["extracted"], answerKey: row["answer_key"])
    }
}
