import Foundation
import GRDB
import Reasoning
import Tasks

extension RunStore {
    /// All runs, oldest first, with their problem / sample / correct counts.
    public func runs() throws -> [StoredRun] {
        try writer.read { db in
            try Row.fetchAll(db, sql: Self.runSelect + " ORDER BY r.id").map(Self.storedRun)
        }
    }

    /// The run with id `id`. Throws `StoreError.unknownRun` when absent.
    public func run(id: Int64) throws -> StoredRun {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: Self.runSelect + " WHERE r.id = ?", arguments: [id]) else {
                throw StoreError.unknownRun(id: id, path: path)
            }
            return try Self.storedRun(row)
        }
    }

    /// The stored problems of `run`, keyed by problem index.
    public func problems(run: Int64) throws -> [Int: TaskInstance] {
        try writer.read { db in
            try Self.requireRun(run, db, path: path)
            var result: [Int: TaskInstance] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT problem_index, instance_json FROM problems WHERE run_id = ? ORDER BY problem_index",
                arguments: [run])
            for row in rows {
                let index: Int = row["problem_index"]
                result[index] = try Self.decodeJSON(
                    TaskInstance.self, row["instance_json"], table: "problems", key: "(run \(run), problem \(index))")
            }
            return result
        }
    }

    private static let runSelect = """
        SELECT r.*,
            (SELECT COUNT(*) FROM problems p WHERE p.run_id = r.id) AS problem_count,
            (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id) AS sample_count,
            (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id AND s.verdict = 'correct') AS correct_count
        FROM runs r
        """

    private static func storedRun(_ row: Row) throws -> StoredRun {
        let id: Int64 = row["id"]
        let configuration = try decodeJSON(
            EvalConfiguration.self, row["configuration_json"], table: "runs", key: "id \(id)")
        return StoredRun(
            id: id, identityHash: row["identity_hash"], configuration: configuration,
            modelIdentifier: row["model_identifier"], modelFileSHA256: row["model_file_sha256"],
            reckonVersion: row["reckon_version"], createdAt: row["created_at"], finishedAt: row["finished_at"],
            problemCount: row["problem_count"], sampleCount: row["sample_count"], correctCount: row["correct_count"])
    }
}
