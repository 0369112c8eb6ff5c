import Foundation
import Testing

/// `runs list|show|export` and `report` only read: a foreign file is named "not a Reckon run database" and left
/// byte for byte as it was, and a read-only Reckon database is read without being touched.
@Suite struct ReadOnlyStoreCLITests {
    /// The file's bytes and modification time.
    static func snapshot(_ path: String) throws -> (Data, Date?) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        return (data, modified)
    }

    @Test("a zero-length file stays zero-length", arguments: [["runs", "list"], ["report", "--out", "REPORT"]])
    func emptyFileIsNotARunDatabase(command: [String]) throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: db, contents: Data()))
        let report = folder.appendingPathComponent("report.html").path
        let outcome = try ReckonProcess.run(command.map { $0 == "REPORT" ? report : $0 } + ["--db", db], timeout: 60)
        #expect(outcome.status == 65, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("'\(db)' is not a Reckon run database (it is empty); it was left unchanged"),
                "\(outcome.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: report))
    }

    @Test("another application's SQLite file is neither migrated nor switched to WAL",
          arguments: [["runs", "list"], ["runs", "export"], ["report", "--out", "REPORT"]])
    func foreignDatabaseIsUntouched(command: [String]) throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("notes.sqlite").path
        try CLIFixtures.foreignSQLite(at: db)
        let (before, _) = try Self.snapshot(db)
        // SQLite header bytes 18 and 19 are the write/read format versions: 1 = rollback journal, 2 = WAL.
        #expect(before[18] == 1 && before[19] == 1)
        let report = folder.appendingPathComponent("report.html").path
        let outcome = try ReckonProcess.run(command.map { $0 == "REPORT" ? report : $0 } + ["--db", db], timeout: 60)
        #expect(outcome.status == 65, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(
            "'\(db)' is not a Reckon run database (it holds another application's tables); it was left unchanged"),
            "\(outcome.standardError)")
        let (after, _) = try Self.snapshot(db)
        #expect(after == before)
        #expect(after[18] == 1 && after[19] == 1)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
    }

    @Test("eval refuses another application's SQLite file instead of adding its tables")
    func evalRefusesAForeignDatabase() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("notes.sqlite").path
        try CLIFixtures.foreignSQLite(at: db)
        let (before, _) = try Self.snapshot(db)
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1", "--db", db,
             "--endpoint", "http://127.0.0.1:9/v1", "--model-name", "nobody", "--retries", "0"], timeout: 60)
        #expect(outcome.status == 65, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("is not a Reckon run database"), "\(outcome.standardError)")
        #expect(try Self.snapshot(db).0 == before)
    }

    @Test("a read-only run database (mode 444) is read and left untouched")
    func readOnlyDatabaseIsRead() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        #expect(chmod(db, 0o444) == 0)
        let (before, modified) = try Self.snapshot(db)
        // Tests may run as root, whom mode 444 does not stop: what is checked is that nothing was written.
        Thread.sleep(forTimeInterval: 1.1)
        let list = try ReckonProcess.run(["runs", "list", "--db", db], timeout: 60)
        #expect(list.status == 0, "\(list.standardError)")
        #expect(list.standardOutput.contains("\tarithmetic\t"), "\(list.standardOutput)")
        let show = try ReckonProcess.run(["runs", "show", "--db", db, "--run", "1"], timeout: 60)
        #expect(show.status == 0, "\(show.standardError)")
        let report = folder.appendingPathComponent("report.html").path
        let written = try ReckonProcess.run(["report", "--db", db, "--out", report], timeout: 60)
        #expect(written.status == 0, "\(written.standardError)")
        let (after, modifiedAfter) = try Self.snapshot(db)
        #expect(after == before)
        #expect(modifiedAfter == modified)
    }
}
