import Foundation
import Testing

/// One exit-status convention (sysexits.h, documented in the README) and messages for people: no Swift type names,
/// Foundation error domains or SQL.
@Suite struct ExitStatusCLITests {
    @Test("a negative --max-tokens reports the valid range, as a usage error",
          arguments: [["generate", "--prompt", "x"], ["chat"], ["eval", "--task", "arithmetic", "--db", ":memory:"]])
    func negativeMaxTokens(command: [String]) throws {
        let outcome = try ReckonProcess.run(command + ["--max-tokens", "-1"], timeout: 60)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--max-tokens must be an integer ≥ 0 (most tokens to generate), got -1"),
                "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("Missing value"))
    }

    @Test func statusesFollowSysexits() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let usage = try ReckonProcess.run(["tasks", "sample", "arithmetic", "--seed", "1", "--no-such-option"])
        #expect(usage.status == 64, "\(usage.standardError)")
        let unknownFamily = try ReckonProcess.run(["tasks", "sample", "arithmetc", "--seed", "1"])
        #expect(unknownFamily.status == 64, "\(unknownFamily.standardError)")

        let missing = try ReckonProcess.run(["tasks", "grade", "--input", folder.appendingPathComponent("none.jsonl").path])
        #expect(missing.status == 66, "\(missing.standardError)")
        #expect(missing.standardError.contains("does not exist"))
        let noDatabase = try ReckonProcess.run(["runs", "list", "--db", folder.appendingPathComponent("none.sqlite").path])
        #expect(noDatabase.status == 66, "\(noDatabase.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path))

        let malformed = folder.appendingPathComponent("bad.jsonl")
        try Data("{oops\n".utf8).write(to: malformed)
        let bad = try ReckonProcess.run(["tasks", "grade", "--input", malformed.path])
        #expect(bad.status == 65, "\(bad.standardError)")
        #expect(bad.standardError.contains("line 1: not valid JSON"), "\(bad.standardError)")

        let corrupt = folder.appendingPathComponent("bad.gguf")
        try Data("GGUF\u{3}\0\0\0 too short".utf8).write(to: corrupt)
        let gguf = try ReckonProcess.run(["inspect", "--model", corrupt.path])
        #expect(gguf.status == 65, "\(gguf.standardError)")
    }

    @Test("report into a missing folder: the system's words, no NSCocoaErrorDomain")
    func reportIntoAMissingFolder() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        let out = folder.appendingPathComponent("no/such/folder/report.html").path
        let outcome = try ReckonProcess.run(["report", "--db", db, "--out", out], timeout: 60)
        #expect(outcome.status == 73, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("cannot write --out '\(out)': No such file or directory"),
                "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("NSCocoaErrorDomain") && !outcome.standardError.contains("Error Domain"))
    }

    @Test("a chat prompt sent to the completions API names the flags, not Swift enum cases")
    func chatPromptOnCompletionsAPI() throws {
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1", "--db", ":memory:",
             "--endpoint", "http://127.0.0.1:9/v1", "--model-name", "m", "--api", "completions", "--retries", "0"],
            timeout: 60)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--api chat") && outcome.standardError.contains("--no-chat"),
                "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("api: ."), "\(outcome.standardError)")
    }

    @Test("a database failure shows SQLite's words, not the SQL statement")
    func databaseFailureHasNoSQL() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        let outcome = try ReckonProcess.run(["runs", "show", "--db", db, "--run", "99"], timeout: 60)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("no run with id 99"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("SELECT"))
    }
}
