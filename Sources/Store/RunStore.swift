import Foundation
import GRDB
import Reasoning
import Tasks

/// The SQLite run store (through GRDB): runs, problems, samples and their verdicts.
///
/// A file path opens (or creates) a WAL-mode database; `":memory:"` opens a private in-memory one.
/// Every write is one transaction, and writes are idempotent on their primary keys (first write wins),
/// so a crash mid-run never duplicates nor loses committed samples, and re-running resumes.
/// Thread-safe: GRDB serialises writes.
public final class RunStore: SampleStore {
    /// The path given at creation (`":memory:"` for an in-memory store).
    public let path: String
    let writer: any DatabaseWriter
    private let now: @Sendable () -> Date

    /// Opens or creates the store at `path` and applies pending schema migrations.
    /// - Parameters:
    ///   - path: a file path, or `":memory:"`.
    ///   - now: the clock used for `created_at` / `finished_at` (injectable for tests).
    /// - Throws: `StoreError.cannotOpen`, or `StoreError.schemaTooNew` when a newer Reckon wrote the file.
    public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.now = now
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: configuration)
            } else {
                writer = try DatabasePool(path: path, configuration: configuration)
            }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        try Self.migrate(writer, path: path)
    }

    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let migrator = Schema.migrator()
        let applied: Set<String>
        do {
            applied = try writer.read { try migrator.appliedIdentifiers($0) }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "not a readable SQLite database (\(error))")
        }
        let unknown = applied.subtracting(Schema.identifiers).sorted()
        guard unknown.isEmpty else { throw StoreError.schemaTooNew(path: path, unknownMigrations: unknown) }
        do {
            try migrator.migrate(writer)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "schema migration failed (\(error))")
        }
    }

    /// Schema migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try writer.read { try Schema.migrator().appliedMigrations($0) }
    }

    // MARK: SampleStore

    /// Finds the run whose identity hash equals `configuration.identityHash()`, or creates it.
    /// On a found run, the stored configuration is replaced by `configuration` (only `strategies` can differ).
    public func openRun(_ configuration: EvalConfiguration, reckonVersion: String) throws -> Int64 {
        try openRun(configuration, reckonVersion: reckonVersion, modelFileSHA256: nil)
    }

    /// `openRun` that also records the SHA-256 of the model file; reopening a run with a different model file
    /// throws `StoreError.modelFileChanged`.
    public func openRun(_ configuration: EvalConfiguration, reckonVersion: String, modelFileSHA256: String?) throws -> Int64 {
        let hash = configuration.identityHash()
        let json = try Self.encodeJSON(configuration)
        let created = now()
        return try guarded("opening the run") { try writer.write { db -> Int64 in
            if let row = try Row.fetchOne(
                db, sql: "SELECT id, model_file_sha256 FROM runs WHERE identity_hash = ?", arguments: [hash])
            {
                let id: Int64 = row["id"]
                let recorded: String? = row["model_file_sha256"]
                if let recorded, let modelFileSHA256, recorded != modelFileSHA256 {
                    throw StoreError.modelFileChanged(run: id, recorded: recorded, found: modelFileSHA256)
                }
                try db.execute(
                    sql: "UPDATE runs SET configuration_json = ?, model_file_sha256 = COALESCE(model_file_sha256, ?) WHERE id = ?",
                    arguments: [json, modelFileSHA256, id])
                return id
            }
            try db.execute(
                sql: """
                    INSERT INTO runs (identity_hash, configuration_json, model_identifier, model_file_sha256, reckon_version, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [hash, json, configuration.model, modelFileSHA256, reckonVersion, created])
            return db.lastInsertedRowID
        } }
    }

    /// Stores the problem instance at `index` of `run`; a second save of the same index is ignored.
    public func saveProblem(run: Int64, index: Int, instance: TaskInstance) throws {
        guard index >= 0 else { throw StoreError.invalidValue(field: "problem index", value: "\(index)", expected: "≥ 0") }
        let json = try Self.encodeJSON(instance)
        try guarded("saving problem \(index) of run \(run)") {
            try writer.write { db in
                try Self.requireRun(run, db, path: path)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO problems (run_id, problem_index, instance_json) VALUES (?, ?, ?)",
                    arguments: [run, index, json])
            }
        }
    }

    /// Stores `samples` in one transaction. Samples whose (run, problem, sample) key is already stored are left
    /// as they are (first write wins), so re-saving after a crash is harmless.
    public func save(_ samples: [SampleRecord], run: Int64) throws {
        for record in samples where record.problem < 0 || record.sample < 0 {
            throw StoreError.invalidValue(
                field: "sample key", value: "(problem \(record.problem), sample \(record.sample))", expected: "indices ≥ 0")
        }
        try guarded("saving \(samples.count) samples of run \(run)") { try writer.write { db in
            try Self.requireRun(run, db, path: path)
            let statement = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO samples (run_id, problem_index, sample_index, seed, text, prompt_tokens,
                    generated_tokens, finish_reason, mean_logprob, verdict, score, extracted, answer_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for record in samples {
                try statement.execute(arguments: Self.arguments(record, run: run))
            }
        } }
    }

    /// Every stored sample of `run`, ordered by problem index then sample index.
    public func samples(run: Int64) throws -> [SampleRecord] {
        try writer.read { db in
            try Self.requireRun(run, db, path: path)
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM samples WHERE run_id = ? ORDER BY problem_index, sample_index", arguments: [run])
            return try rows.map(Self.sampleRecord)
        }
    }

    /// Records the time the run finished (again, if called twice).
    public func markFinished(run: Int64) throws {
        let finished = now()
        try guarded("marking run \(run) finished") { try writer.write { db in
            try Self.requireRun(run, db, path: path)
            try db.execute(sql: "UPDATE runs SET finished_at = ? WHERE id = ?", arguments: [finished, run])
        } }
    }

    /// Runs `body`, turning SQLite failures into `StoreError.databaseFailure` (store errors pass through).
    func guarded<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.databaseFailure(path: path, operation: operation, reason: "\(error)")
        }
    }

    static func requireRun(_ run: Int64, _ db: Database, path: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [run]) == true else {
            throw StoreError.unknownRun(id: run, path: path)
        }
    }

    static func encodeJSON<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeJSON<Value: Decodable>(_ type: Value.Type, _ text: String, table: String, key: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow(table: table, key: key, reason: "its JSON does not decode as \(type) (\(error))")
        }
    }
}
