import ArgumentParser
import Engine
import Foundation
import Model
import ModelStore
import Tokenizer

/// Options shared by every command that runs a model.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "GGUF model file (default: SmolLM2-135M-Instruct, fetched into the cache on first use).")
    var model: String?

    @Option(name: .long, help: "Kernel threads (default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "KV-cache size in tokens (default: min(trained context, 4096)).")
    var context: Int?

    @Option(name: .long, help: "Chat template to use instead of the model's: chatml or raw.")
    var template: ChatTemplate?

    @Option(name: .long, help: ArgumentHelp(
        "Activations in quantised products: int16 (fast generation, logits within ~1e-4 of float32) or float32 "
            + "(reference-faithful).", valueName: "precision"))
    var activations: ActivationPrecision = .default

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
        if let context, context < 1 { throw ValidationError("--context must be ≥ 1, got \(context)") }
    }

    /// The model path: `--model`, else the default model (fetched with a progress line when missing).
    func resolvedModelPath() throws -> String { try Self.modelPath(model) }

    /// `model` if given (it must exist), else the default model, fetched with a progress line when missing.
    static func modelPath(_ model: String?) throws -> String {
        if let model {
            guard let kind = FileKind.of(model, followingLinks: true) else {
                throw CommandFailure("model file not found: \(model)", status: .noInput)
            }
            // Opening a FIFO or a device would block or read forever: only regular files (or links to one).
            guard kind == .regular else {
                throw CommandFailure("--model '\(model)' is \(kind.phrase), not a regular file; pass a GGUF file",
                                     status: .noInput)
            }
            return model
        }
        return try ModelStore.fromEnvironment().ensure(log: FileHandle.standardError).path
    }

    /// `--threads`, capped at the machine's cores with a warning (more threads than cores only contend).
    func cappedThreads() -> Int {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard threads > cores else { return threads }
        printError("warning: --threads \(threads) is more than the \(cores) cores of this machine; using \(cores)")
        return cores
    }

    /// The local engine; says so on standard error when `--context` was capped at the model's trained context.
    func makeEngine() throws -> LocalEngine {
        let engine = try LocalEngine(path: resolvedModelPath(), threads: cappedThreads(), contextLength: context,
                                     template: template, activations: activations)
        if let context, context > engine.contextLength {
            printError("note: --context \(context) is more than the model's trained context; using \(engine.contextLength) positions")
        }
        return engine
    }
}

extension ChatTemplate: ExpressibleByArgument {}
extension ActivationPrecision: ExpressibleByArgument {}

/// Output formats of commands with machine-readable output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes to standard error (progress, summaries, warnings).
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Encodes a value as one line of JSON with sorted keys.
func jsonLine<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
