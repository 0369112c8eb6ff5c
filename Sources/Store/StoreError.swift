import Foundation
import GRDB

/// Failures of the run store. Each message says what was expected, what was found, where, and what to do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// The file was written by a newer Reckon whose schema this build does not know.
    case schemaTooNew(path: String, unknownMigrations: [String])
    /// No run with this id exists in the database.
    case unknownRun(id: Int64, path: String)
    /// A stored row could not be decoded (hand-edited or corrupt file).
    case corruptRow(table: String, key: String, reason: String)
    /// The run was opened again with a model file whose SHA-256 differs from the one recorded for it.
    case modelFileChanged(run: Int64, recorded: String, found: String)
    /// SQLite failed during an operation (disk full, file locked by another writer, I/O error…). The operation's
    /// transaction was rolled back: nothing of it was stored, and everything committed before is intact.
    case databaseFailure(path: String, operation: String, reason: String)
    /// A value cannot be stored (for example a negative index).
    case invalidValue(field: String, value: String, expected: String)
    /// The file is not a Reckon run database (another application's SQLite file, an empty file, not SQLite);
    /// it was not modified.
    case notARunDatabase(path: String, reason: String)

    /// An underlying failure for people: SQLite's own message (e.g. "database is locked", "disk I/O error")
    /// without the SQL statement or Swift type names.
    static func plain(_ error: any Error) -> String {
        if let database = error as? DatabaseError {
            return database.message ?? "SQLite error \(database.resultCode.rawValue)"
        }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        let described = String(describing: error)
        return described.contains("Domain=") ? "an unexpected failure" : described
    }

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open run database '\(path)': \(reason); check the path exists and is a Reckon SQLite file"
        case let .schemaTooNew(path, unknown):
            return "run database '\(path)' has schema migrations this Reckon does not know (\(unknown.joined(separator: ", "))); "
                + "it was written by a newer Reckon: upgrade Reckon or use another --db file"
        case let .unknownRun(id, path):
            return "no run with id \(id) in '\(path)'; list the runs with `reckon runs list --db \(path)`"
        case let .corruptRow(table, key, reason):
            return "row \(key) of table '\(table)' cannot be read: \(reason); the file may have been edited by hand — re-run the evaluation into a new --db file"
        case let .modelFileChanged(run, recorded, found):
            return "run \(run) was generated with a model file of SHA-256 \(recorded) but this model file has SHA-256 \(found); "
                + "samples would not be reproducible: use the original model file or a new --db file"
        case let .databaseFailure(path, operation, reason):
            return "\(operation) failed in '\(path)': \(reason); nothing of it was stored (earlier samples are safe) — "
                + "fix the cause (disk space, permissions, another process holding the file) and re-run to resume"
        case let .invalidValue(field, value, expected):
            return "cannot store \(field) = \(value): expected \(expected)"
        case let .notARunDatabase(path, reason):
            return "'\(path)' is not a Reckon run database (\(reason)); it was left unchanged: pass the --db file "
                + "written by `reckon eval`"
        }
    }
}
