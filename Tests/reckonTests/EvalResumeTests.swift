import Foundation
import Testing
import TestSupport

/// The resume guarantee of `reckon eval`: a run killed with SIGKILL mid-way and started again ends with exactly the
/// samples and numbers of an uninterrupted run with the same seed — none lost, none duplicated.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"), .serialized)
struct EvalResumeTests {
    static func arguments(db: String, model: String) -> [String] {
        ["eval", "--model", model, "--task", "arithmetic", "--difficulty", "digits=2", "--problems", "6",
         "--samples", "3", "--max-tokens", "24", "--temperature", "0.8", "--seed", "5", "--threads", "1",
         "--db", db, "--format", "json"]
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("reckon-resume-\(UUID().uuidString).sqlite").path
    }

    /// Stored samples of run 1, as "k/N" from `reckon runs list`, or 0 before the run exists.
    static func storedSamples(_ db: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: db) else { return 0 }
        let list = try ReckonProcess.run(["runs", "list", "--db", db])
        guard list.status == 0 else { return 0 }
        for line in list.standardOutput.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t")
            if columns.count > 3, let done = Int(columns[3].split(separator: "/")[0]) { return done }
        }
        return 0
    }

    static func export(_ db: String) throws -> String {
        let outcome = try ReckonProcess.run(["runs", "export", "--db", db, "--format", "jsonl"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return outcome.standardOutput
    }

    @Test func killedRunResumesToTheSameResult() throws {
        let model = try DefaultModel.require()
        let straightDB = Self.temporaryDatabase(), resumedDB = Self.temporaryDatabase()
        defer {
            for db in [straightDB, resumedDB] {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            }
        }

        let straight = try ReckonProcess.run(Self.arguments(db: straightDB, model: model))
        #expect(straight.status == 0, "\(straight.standardError)")
        // The replay's JSON says its costs are estimates: every strategy has "measured": false, and no wall time.
        let report = try JSONSerialization.jsonObject(with: Data(straight.standardOutput.utf8)) as? [String: Any]
        let strategies = report?["strategies"] as? [[String: Any]] ?? []
        #expect(!strategies.isEmpty && strategies.allSatisfy { $0["measured"] as? Bool == false })
        #expect(strategies.allSatisfy { ($0["summary"] as? [String: Any])?["wallSeconds"] == nil })

        // Start the same run on a fresh database and kill it (SIGKILL) once some, but not all, samples are stored.
        let child = Process()
        child.executableURL = ReckonProcess.executable
        child.arguments = Self.arguments(db: resumedDB, model: model)
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        var storedAtKill = 0
        let deadline = Date().addingTimeInterval(300)
        while child.isRunning && Date() < deadline {
            storedAtKill = try Self.storedSamples(resumedDB)
            if storedAtKill >= 3 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        let storedAfterKill = try Self.storedSamples(resumedDB)
        #expect(storedAfterKill > 0 && storedAfterKill < 18, "stored at kill: \(storedAfterKill) of 18")

        let resumed = try ReckonProcess.run(Self.arguments(db: resumedDB, model: model))
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput == straight.standardOutput, "final report differs from the uninterrupted run")
        #expect(try Self.storedSamples(resumedDB) == 18)
        #expect(try Self.export(resumedDB) == (try Self.export(straightDB)))
    }
}
