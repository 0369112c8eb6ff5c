import ArgumentParser
import Foundation
import Report
import Store

/// `reckon report`: a self-contained HTML report (inline SVG charts, no network needed) of stored runs.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an offline HTML report: coverage vs samples with its power-law fit and saturation point, "
            + "accuracy vs tokens with the compute frontier, accuracy by difficulty, cost table (95 % bootstrap "
            + "intervals on every accuracy).")

    @Option(help: "SQLite run database written by `reckon eval`.") var db: String
    @Option(help: "Output HTML file.") var out: String
    @Option(name: .customLong("run"), help: "Only this run (default: every run).") var runID: Int64?
    @Option(help: "Report title.") var title: String = "Reckon evaluation report"
    @Option(help: "Coverage the fitted curve must reach for the saturation point N* (in (0, 1)).")
    var saturationTarget: Double = ReportData.defaultSaturationTarget

    func validate() throws {
        guard saturationTarget.isFinite, saturationTarget > 0, saturationTarget < 1 else {
            throw ValidationError("--saturation-target must be in (0, 1), e.g. 0.95, got \(saturationTarget)")
        }
    }

    func run() throws {
        try OutputFile.requireWritablePath(out, option: "--out")
        let store = try RunsCommand.openStore(db)
        let runs = try ReportData.load(from: store, runs: runID.map { [$0] })
        let html = HTMLReport.render(ReportData.build(title: title, runs: runs, saturationTarget: saturationTarget))
        try OutputFile.writeAtomically(Data(html.utf8), to: out, option: "--out")
        FileHandle.standardError.write(Data("wrote \(out) (\(runs.count) run(s), \(html.utf8.count) bytes)\n".utf8))
    }
}
