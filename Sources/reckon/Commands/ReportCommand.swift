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
        try OutputFile.requireWritablePath(out, option: "--out")
        let store = try RunsCommand.openStore(db)
        let runs = try ReportData.load(from: store, runs: runID.map { [$0] })
        let html = HTMLReport.render(ReportData.build(title: title, runs: runs))
        try OutputFile.writeAtomically(Data(html.utf8), to: out, option: "--out")
        FileHandle.standardError.write(Data("wrote \(out) (\(runs.count) run(s), \(html.utf8.count) bytes)\n".utf8))
    }
}
