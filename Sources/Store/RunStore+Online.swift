import Foundation
import GRDB
import Reasoning

extension RunStore: OnlineRecordStore {
    /// Saves one problem's online record in one transaction: its outcome row replaces an earlier one of the same
    /// (run, strategy, problem), and its samples replace that record's samples.
    public func saveOnline(_ record: OnlineProblemRecord, run: Int64) throws {
        guard record.problem >= 0, record.samples.allSatisfy({ $0.problem == record.problem && $0.sample >= 0 }) else {
            throw StoreError.invalidValue(
                field: "online record", value: "(strategy \(record.strategy), problem \(record.problem))",
                expected: "a problem index ≥ 0 shared by its samples, sample indices ≥ 0")
        }
        let outcome = record.outcome
        let measured = outcome.measured
        let recorded = Date()
        try guarded("saving the online record of problem \(record.problem) of run \(run)") { try writer.write { db in
            try Self.requireRun(run, db, path: path)
            try db.execute(
                sql: "DELETE FROM online_outcomes WHERE run_id = ? AND strategy = ? AND problem_index = ?",
                arguments: [run, record.strategy, record.problem])
            try db.execute(
                sql: """
                    INSERT INTO online_outcomes (run_id, strategy, problem_index, answer_key, correct, samples_used,
                        prompt_tokens, generated_tokens, flops, kv_cache_bytes, forward_passes, peak_kv_pages,
                        peak_kv_bytes, wall_seconds, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run, record.strategy, record.problem, outcome.answerKey.map(Self.lossless), outcome.correct,
                    outcome.samplesUsed, outcome.promptTokens, outcome.generatedTokens, outcome.flops,
                    outcome.kvCacheBytes, measured?.forwardPasses ?? 0, measured?.peakKVPages ?? 0,
                    measured?.peakKVBytes ?? 0, measured?.wallSeconds ?? 0, recorded,
                ])
            let statement = try db.cachedStatement(sql: """
                INSERT INTO online_samples (run_id, strategy, problem_index, sample_index, seed, text, prompt_tokens,
                    generated_tokens, finish_reason, mean_logprob, verdict, score, extracted, answer_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for sample in record.samples {
                try statement.execute(arguments: StatementArguments([run, record.strategy] + Self.columns(sample)))
            }
        } }
    }

    /// Every online record of `run`, ordered by strategy label, then problem; none for a file written before
    /// online runs were recorded (schema `v3-online` not applied, e.g. opened read-only).
    public func onlineRecords(run: Int64) throws -> [OnlineProblemRecord] {
        try writer.read { db in
            try Self.requireRun(run, db, path: path)
            guard try db.tableExists("online_outcomes") else { return [] }
            let sampleRows = try Row.fetchAll(
                db, sql: "SELECT * FROM online_samples WHERE run_id = ? ORDER BY strategy, problem_index, sample_index",
                arguments: [run])
            var samples: [String: [SampleRecord]] = [:]
            for row in sampleRows {
                let strategy: String = row["strategy"]
                let problem: Int = row["problem_index"]
                samples["\(problem) \(strategy)", default: []].append(try Self.sampleRecord(row))
            }
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM online_outcomes WHERE run_id = ? ORDER BY strategy, problem_index", arguments: [run])
            return rows.map { row in
                let strategy: String = row["strategy"]
                let problem: Int = row["problem_index"]
                var outcome = StrategyOutcome(
                    answerKey: row["answer_key"], correct: row["correct"], samplesUsed: row["samples_used"],
                    promptTokens: row["prompt_tokens"], generatedTokens: row["generated_tokens"], flops: row["flops"],
                    kvCacheBytes: row["kv_cache_bytes"])
                outcome.measured = MeasuredCompute(
                    promptTokens: row["prompt_tokens"], generatedTokens: row["generated_tokens"],
                    forwardPasses: row["forward_passes"], peakKVPages: row["peak_kv_pages"],
                    peakKVBytes: row["peak_kv_bytes"], wallSeconds: row["wall_seconds"])
                return OnlineProblemRecord(
                    strategy: strategy, problem: problem, outcome: outcome, samples: samples["\(problem) \(strategy)"] ?? [])
            }
        }
    }
}
