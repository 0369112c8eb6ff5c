import ArgumentParser
import Foundation
import Report
import Store

/// `reckon report`: a self-contained HTML report (inline SVG charts, no network needed) of stored runs.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an offline HTML report: coverage vs samples with its power-law fit, accuracy vs tokens, "
            + "accuracy by difficulty, cost table.")

    @Option(help: "SQLite run database written by `reckon eval`.") var db: String
    @Option(help: "Output HTML file.") var out: String
    @Option(name: .customLong("run"), help: "Only this run (default: every run).") var runID: Int64?
    @Option(help: "Report title.") var title: String = "Reckon evaluation report"

    func run() throws {
        let store = try RunsCommand.openStore(db)
        let runs = try ReportData.load(from: store, runs: runID.map { [$0] })
        let html = HTMLReport.render(ReportData.build(title: title, runs: runs))
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw RunsCommand.Failure(description: "cannot write report to '\(out)' (\(error.localizedDescription)); check the folder exists and is writable")
        }
        FileHandle.standardError.write(Data("wrote \(out) (\(runs.count) run(s), \(html.utf8.count) bytes)\n".utf8))
    }
}
