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
    /// The private copy a read-only store reads when the file cannot be read in place (removed on deinit).
    private let privateCopy: URL?

    /// Opens or creates the store at `path` and applies pending schema migrations.
    /// - Parameters:
    ///   - path: a file path, or `":memory:"`.
    ///   - now: the clock used for `created_at` / `finished_at` (injectable for tests).
    /// - Throws: `StoreError.cannotOpen`, or `StoreError.schemaTooNew` when a newer Reckon wrote the file.
    public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.now = now
        privateCopy = nil
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: configuration)
            } else {
                // Look before opening for writing (which switches the file to WAL): only a new, empty or Reckon file
                // is used.
                try Self.requireEmptyOrReckon(path)
                writer = try DatabasePool(path: path, configuration: configuration)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: StoreError.plain(error))
        }
        try Self.migrate(writer, path: path)
    }

    /// Opens an existing run database for reading only: nothing is migrated, created or written, so a foreign
    /// or read-only file (mode 444, a read-only folder) is read as it is. Writing through the store fails.
    /// - Throws: `StoreError.notARunDatabase` for a file that is not a Reckon run database (another application's
    ///   SQLite file, an empty file, not SQLite at all), which is left untouched; `StoreError.schemaTooNew`;
    ///   `StoreError.cannotOpen`.
    public init(readingAt path: String) throws {
        self.path = path
        now = { Date() }
        do {
            writer = try Self.openReadOnly(path, reportedAs: path)
            privateCopy = nil
        } catch let error as StoreError {
            guard case .cannotOpen = error else { throw error }
            // SQLite reads a WAL-mode file only beside its shared-memory file (-shm); in a read-only folder that
            // cannot be created, so the file (and its -wal) is read from a private copy, removed on deinit.
            let copy = try Self.copyForReading(path)
            do {
                writer = try Self.openReadOnly(copy.appendingPathComponent("runs.sqlite").path, reportedAs: path)
            } catch {
                try? FileManager.default.removeItem(at: copy)
                throw error
            }
            privateCopy = copy
        }
    }

    deinit {
        if let privateCopy { try? FileManager.default.removeItem(at: privateCopy) }
    }

    /// A read-only connection to `file`, checked to be a Reckon run database (errors name `reportedAs`).
    private static func openReadOnly(_ file: String, reportedAs path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: file, configuration: configuration)
            _ = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notARunDatabase(path: path, reason: "it is not an SQLite database")
        } catch {
            throw StoreError.cannotOpen(path: path, reason: StoreError.plain(error))
        }
        _ = try appliedReckonMigrations(queue, path: path)
        return queue
    }

    /// Copies `path` (and its `-wal`, if any) into a new private temporary folder.
    private static func copyForReading(_ path: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-read-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            try FileManager.default.copyItem(atPath: path, toPath: folder.appendingPathComponent("runs.sqlite").path)
            if FileManager.default.fileExists(atPath: path + "-wal") {
                try FileManager.default.copyItem(atPath: path + "-wal",
                                                 toPath: folder.appendingPathComponent("runs.sqlite-wal").path)
            }
            return folder
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw StoreError.cannotOpen(path: path, reason: "it cannot be read (\(StoreError.plain(error)))")
        }
    }

    /// Reckon's migrations recorded in the file (after checking it is a Reckon run database this build can read).
    static func appliedReckonMigrations(_ reader: any DatabaseReader, path: String) throws -> Set<String> {
        let tables: Set<String>
        let applied: Set<String>
        do {
            (tables, applied) = try reader.read { db in
                let names = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                let applied = names.contains("grdb_migrations")
                    ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
                return (names, applied)
            }
        } catch {
            throw StoreError.notARunDatabase(path: path, reason: "it is not an SQLite database")
        }
        guard applied.contains(Schema.identifiers[0]), tables.contains("runs") else {
            throw StoreError.notARunDatabase(
                path: path, reason: tables.isEmpty ? "it is empty" : "it holds another application's tables")
        }
        let unknown = applied.subtracting(Schema.identifiers).sorted()
        guard unknown.isEmpty else { throw StoreError.schemaTooNew(path: path, unknownMigrations: unknown) }
        return applied
    }

    /// Refuses an existing file that is neither empty nor a Reckon run database, reading it only.
    static func requireEmptyOrReckon(_ path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size, size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        let reader: DatabaseQueue
        do { reader = try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw StoreError.cannotOpen(path: path, reason: StoreError.plain(error))
        }
        try requireEmptyOrReckon(reader, path: path)
    }

    static func requireEmptyOrReckon(_ reader: any DatabaseReader, path: String) throws {
        let isEmpty: Bool
        do {
            isEmpty = try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") == 0 }
        } catch {
            throw StoreError.notARunDatabase(path: path, reason: "it is not an SQLite database")
        }
        if !isEmpty { _ = try appliedReckonMigrations(reader, path: path) }
    }

    /// Brings a new or Reckon file up to the current schema; a foreign SQLite file (tables, none of them
    /// Reckon's) is refused without a change.
    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let migrator = Schema.migrator()
        try requireEmptyOrReckon(writer, path: path)
        do {
            try migrator.migrate(writer)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "its schema could not be updated (\(StoreError.plain(error)))")
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
            throw StoreError.databaseFailure(path: path, operation: operation, reason: StoreError.plain(error))
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
