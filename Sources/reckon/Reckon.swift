import ArgumentParser
import Foundation

/// The `reckon` command-line tool.
@main
struct Reckon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reckon",
        abstract: "Compute-aware, verifiable reasoning with language models.",
        discussion: """
        Exit status (sysexits.h): 0 done; 64 wrong command line (unknown option, value out of range, a request too \
        large to do); 65 unusable input data (malformed JSON Lines, corrupt GGUF, not a Reckon run database); \
        66 input file missing or unreadable; 69 a service failed (remote server, model download); 70 internal \
        error; 73 output file cannot be created or is not a regular file; 74 I/O error while reading or writing.
        """,
        version: ReckonVersion.current,
        subcommands: [
            GenerateCommand.self, ChatCommand.self, TokenizeCommand.self, InspectCommand.self,
            PerplexityCommand.self, ModelCommand.self, TasksCommand.self, AnswersCommand.self, StatsCommand.self,
            EvalCommand.self, RunsCommand.self, ReportCommand.self, CostCommand.self, VerifyStepsCommand.self,
            NumericsCommand.self, ServeCommand.self,
            QuantizeCommand.self,
        ])

    /// Parses and runs a command; every failure ends with `Error: <message>` on standard error and the exit status
    /// of ``ExitStatus`` (one convention for every command).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            fail(error)
        }
    }

    /// Reports `error` and exits with its status.
    static func fail(_ error: any Error) -> Never {
        if let status = ExitStatus.of(error) {
            let message = String(describing: error)  // every error ExitStatus knows describes itself for people
            printError("Error: " + message)
            Foundation.exit(status.rawValue)
        }
        // ArgumentParser's own errors (usage, --help, --version, ValidationError) keep its messages and statuses
        // (64 for usage, 0 for help); anything else is an internal failure.
        let code = exitCode(for: error)
        guard code == .failure else { exit(withError: error) }
        printError("Error: " + plainMessage(error) + "; this is a bug in Reckon: please report it with the command")
        Foundation.exit(ExitStatus.software.rawValue)
    }
}

enum ReckonVersion {
    static let current = "0.1.0"
}
