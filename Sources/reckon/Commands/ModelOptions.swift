import ArgumentParser
import Engine
import Foundation
import Model
import ModelStore
import Numerics
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
        "Activations in products: int16 (fast generation, logits within ~1e-4 of float32), int8-blocks (8-bit "
            + "blocks with Q4_1 weights: faster batched decoding, logits within ~2-4 %), float32 "
            + "(reference-faithful), or a number format every product's input is rounded to (fp8-e4m3, mxfp4, ...).",
        valueName: "precision"))
    var activations: String = ActivationPrecision.default.rawValue

    @Option(name: .long, help: ArgumentHelp(
        "Re-encode every weight matrix on load: fp32 (as stored), fp16, bf16 (LayerCast), fp8-e4m3, fp8-e5m2, "
            + "mxfp8, mxfp6, mxfp4, nvfp4, int8, int4-g32, ternary, binary, q8_0, q4_0, q4_1, ...",
        valueName: "format"))
    var weights: String = "fp32"

    @Option(name: .long, help: ArgumentHelp(
        "Round keys and values to this number format when they enter the KV cache (default fp32).",
        valueName: "format"))
    var kv: String = "fp32"

    @Option(name: .long, help: ArgumentHelp(
        "Multiplications in the weight products: exact, or lmul:m=M (L-Mul, M mantissa bits, fp32 accumulation).",
        valueName: "rule"))
    var matmul: String = "exact"

    @Option(name: .long, help: ArgumentHelp(
        "Multiplications in attention (scores and weighted sums): exact, or lmul:m=M.", valueName: "rule"))
    var attention: String = "exact"

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
        if let context, context < 1 { throw ValidationError("--context must be ≥ 1, got \(context)") }
        _ = try numericsMode()
    }

    /// The arithmetic the flags ask for; a ValidationError naming the flag and the valid values otherwise.
    func numericsMode() throws -> NumericsMode {
        func parse<T>(_ flag: String, _ body: () throws(NumericsError) -> T) throws -> T {
            do { return try body() } catch { throw ValidationError("--\(flag): \(error.description)") }
        }
        let (precision, activationFormat) = try parse("activations") { () throws(NumericsError) in
            try NumericsMode.parseActivations(activations)
        }
        return NumericsMode(
            weights: try parse("weights") { () throws(NumericsError) in try NumberFormat(parsing: weights, role: "weights") },
            activations: precision, activationFormat: activationFormat,
            kv: try parse("kv") { () throws(NumericsError) in try NumberFormat(parsing: kv, role: "kv") },
            matmul: try parse("matmul") { () throws(NumericsError) in try Multiplier(parsing: matmul) },
            attention: try parse("attention") { () throws(NumericsError) in try Multiplier(parsing: attention) })
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
                                     template: template, numerics: numericsMode())
        if let context, context > engine.contextLength {
            printError("note: --context \(context) is more than the model's trained context; using \(engine.contextLength) positions")
        }
        return engine
    }
}

extension ChatTemplate: ExpressibleByArgument {}

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
