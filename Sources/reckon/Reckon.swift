import ArgumentParser

/// The `reckon` command-line tool.
@main
struct Reckon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reckon",
        abstract: "Compute-aware, verifiable reasoning with language models.",
        version: ReckonVersion.current,
        subcommands: [
            GenerateCommand.self, ChatCommand.self, TokenizeCommand.self, InspectCommand.self,
            PerplexityCommand.self, ModelCommand.self, TasksCommand.self, AnswersCommand.self, StatsCommand.self,
            EvalCommand.self, RunsCommand.self, ReportCommand.self,
            NumericsCommand.self,
            QuantizeCommand.self,
        ])
}

enum ReckonVersion {
    static let current = "0.1.0"
}
