import ArgumentParser

/// The `reckon` command-line tool.
@main
struct Reckon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reckon",
        abstract: "Compute-aware, verifiable reasoning with language models.",
        version: ReckonVersion.current,
        subcommands: [
            GenerateCommand.self, ChatCommand.self, TokenizeCommand.self, InspectCommand.self,
            PerplexityCommand.self, ModelCommand.self,
        ])
}

enum ReckonVersion {
    static let current = "0.1.0"
}
