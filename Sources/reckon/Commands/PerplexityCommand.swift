import ArgumentParser
import Engine
import Foundation

struct PerplexityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perplexity",
        abstract: "Perplexity of the model on a text file (llama.cpp's method).",
        discussion: """
        The text is tokenized and cut into non-overlapping chunks of --context tokens (default 512) (the remainder is dropped).
        In each chunk the second half of the positions is scored; PPL = exp(mean negative log-likelihood).
        """)

    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Text file to evaluate.") var file: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read text file: \(file)")
        }
        let text = String(decoding: data, as: UTF8.self)
        // --context is the chunk size here, and the KV cache is sized to it.
        var options = modelOptions
        options.context = modelOptions.context ?? 512
        let engine = try options.makeEngine()
        let context = engine.contextLength  // --context capped at the trained context
        let tokens = try engine.tokens(for: .text(text), addSpecial: false)
        let started = Date()
        let report = try engine.perplexity(tokens: tokens, context: context) { index, count, running in
            if format == .text {
                print(String(format: "[%d/%d] running perplexity %.4f", index + 1, count, running))
            }
        }
        let seconds = Date().timeIntervalSince(started)
        switch format {
        case .text:
            print(String(format: "final perplexity: %.4f over %d scored tokens (%d tokens, %d chunks of %d) in %.1f s",
                         report.perplexity, report.scoredTokens, report.tokenCount, report.chunkCount, context, seconds))
        case .json:
            struct Output: Encodable {
                let perplexity: Double
                let running: [Double]
                let scored_tokens: Int
                let tokens: Int
                let chunks: Int
                let context: Int
            }
            print(try jsonLine(Output(perplexity: report.perplexity, running: report.runningPerplexity,
                                      scored_tokens: report.scoredTokens, tokens: report.tokenCount,
                                      chunks: report.chunkCount, context: context)))
        }
    }
}
