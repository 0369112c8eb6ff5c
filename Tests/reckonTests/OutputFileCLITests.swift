import Foundation
import Testing

/// Reckon writes regular files only: a symbolic link, FIFO or other non-regular file at an output path is refused
/// and left as it was; a FIFO given as the model is refused instead of blocking forever.
@Suite struct OutputFileCLITests {
    @Test("report --out on a symbolic link: refused, the link and its target untouched")
    func reportRefusesASymlink() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        let victim = folder.appendingPathComponent("victim.txt").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        let link = folder.appendingPathComponent("report.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)

        let outcome = try ReckonProcess.run(["report", "--db", db, "--out", link], timeout: 60)
        #expect(outcome.status == 73, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--out '\(link)' is a symbolic link; Reckon writes regular files only"),
                "\(outcome.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == victim)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
    }

    @Test("report --out on a FIFO: refused, still a FIFO")
    func reportRefusesAFIFO() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        let fifo = folder.appendingPathComponent("report.html").path
        try CLIFixtures.fifo(at: fifo)

        let outcome = try ReckonProcess.run(["report", "--db", db, "--out", fifo], timeout: 60)
        #expect(outcome.status == 73, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("is a FIFO (named pipe)"), "\(outcome.standardError)")
        #expect(Self.isFIFO(fifo))
    }

    @Test("report --out on a regular file replaces it with the report")
    func reportReplacesARegularFile() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        let out = folder.appendingPathComponent("report.html").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        let outcome = try ReckonProcess.run(["report", "--db", db, "--out", out], timeout: 60)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"), "\(html.prefix(40))")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".reckon-") }
        #expect(leftovers.isEmpty)
    }

    @Test("runs export --out on a FIFO: refused at once instead of blocking")
    func exportRefusesAFIFO() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        let fifo = folder.appendingPathComponent("samples.jsonl").path
        try CLIFixtures.fifo(at: fifo)
        let outcome = try ReckonProcess.run(["runs", "export", "--db", db, "--out", fifo], timeout: 30)
        #expect(!outcome.timedOut, "blocked on the FIFO")
        #expect(outcome.status == 73, "\(outcome.standardError)")
        #expect(Self.isFIFO(fifo))
    }

    @Test("--model on a FIFO: refused at once instead of blocking forever")
    func modelFIFOIsRefused() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let fifo = folder.appendingPathComponent("model.gguf").path
        try CLIFixtures.fifo(at: fifo)
        for arguments in [["inspect", "--model", fifo], ["generate", "--model", fifo, "--prompt", "x"]] {
            let outcome = try ReckonProcess.run(arguments, timeout: 30)
            #expect(!outcome.timedOut, "blocked on the FIFO: \(arguments)")
            #expect(outcome.status == 66, "\(outcome.standardError)")
            #expect(outcome.standardError.contains("--model '\(fifo)' is a FIFO (named pipe), not a regular file"),
                    "\(outcome.standardError)")
        }
    }

    static func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }
}
