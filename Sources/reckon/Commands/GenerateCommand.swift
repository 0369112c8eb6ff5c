import ArgumentParser
import Engine
import Foundation
import Sampling
import Tokenizer

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Continue a prompt with the model.")

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @Option(help: "The prompt text.") var prompt: String
    @Flag(help: "Wrap the prompt as a user message in the model's chat template.") var chat = false
    @Flag(help: "Treat special-token text such as <|im_start|> as plain text.") var noParseSpecial = false
    @Option(help: "Output format: text (streamed) or json.") var format: OutputFormat = .text
    @Flag(help: "Never stop at an end-of-sequence token (masked out before sampling): run to --max-tokens or a stop string.")
    var ignoreEos = false

    func run() throws {
        let engine = try modelOptions.makeEngine()
        var request = GenerationRequest(
            prompt: chat ? .chat([ChatMessage(role: "user", content: prompt)]) : .text(prompt),
            maxTokens: sampling.maxTokens(default: 128), sampling: try sampling.parameters(), stop: sampling.stops,
            parseSpecial: !noParseSpecial)
        request.ignoreEndOfSequence = ignoreEos
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
