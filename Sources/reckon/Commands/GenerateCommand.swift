import ArgumentParser
import Engine
import Foundation
import Sampling
import Tokenizer

/// Sampling flags shared by `generate` and `chat`.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Most tokens to generate.") var maxTokens: Int = 128
    @Option(help: "Temperature; 0 = greedy.") var temperature: Double = 0.8
    @Option(help: "Top-k (0 = off).") var topK: Int = 40
    @Option(help: "Top-p / nucleus (1 = off).") var topP: Double = 0.95
    @Option(help: "Min-p (0 = off).") var minP: Double = 0.05
    @Option(help: "Repetition penalty (1 = off).") var repeatPenalty: Double = 1.0
    @Option(help: "Tokens the repetition penalty looks back over.") var repeatWindow: Int = 64
    @Option(help: "Random seed: the same seed gives the same text.") var seed: UInt64 = 0
    @Option(name: .customLong("stop"), help: "Stop string (repeatable).") var stops: [String] = []

    func parameters() throws -> SamplingParameters {
        guard maxTokens >= 0 else { throw ValidationError("--max-tokens must be ≥ 0, got \(maxTokens)") }
        do {
            return try SamplingParameters(
                temperature: temperature, topK: topK, topP: topP, minP: minP,
                repetitionPenalty: repeatPenalty, penaltyWindow: repeatWindow, seed: seed).validated()
        } catch { throw ValidationError(error.description) }
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Continue a prompt with the model.")

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @Option(help: "The prompt text.") var prompt: String
    @Flag(help: "Wrap the prompt as a user message in the model's chat template.") var chat = false
    @Flag(help: "Treat special-token text such as <|im_start|> as plain text.") var noParseSpecial = false
    @Option(help: "Output format: text (streamed) or json.") var format: OutputFormat = .text

    func run() throws {
        let engine = try modelOptions.makeEngine()
        let request = GenerationRequest(
            prompt: chat ? .chat([ChatMessage(role: "user", content: prompt)]) : .text(prompt),
            maxTokens: sampling.maxTokens, sampling: try sampling.parameters(), stop: sampling.stops,
            parseSpecial: !noParseSpecial)
        let streaming = format == .text
        let started = Date()
        let result = try engine.generate(request) { text in
            if streaming {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        switch format {
        case .text:
            print("")
            let seconds = Date().timeIntervalSince(started)
            printError(String(format: "[%d prompt tokens, %d generated, %.1f tokens/s overall, finish: %@]",
                              result.promptTokens.count, result.tokens.count,
                              Double(result.tokens.count) / max(seconds, 1e-9), result.finishReason.rawValue))
        case .json:
            struct Output: Encodable {
                let prompt_tokens: [Int]
                let tokens: [Int]
                let text: String
                let finish_reason: String
            }
            print(try jsonLine(Output(prompt_tokens: result.promptTokens, tokens: result.tokens, text: result.text,
                                      finish_reason: result.finishReason.rawValue)))
        }
    }
}
