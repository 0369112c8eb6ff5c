import ArgumentParser
import Engine
import Foundation
import GGUF
import Tokenizer

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize", abstract: "Show the token ids (and pieces) of a text.")

    @Option(name: .long, help: "GGUF model file whose tokenizer to use (default: the default model).")
    var model: String?
    @Flag(help: "Treat special-token text such as <|im_start|> as plain text.") var noParseSpecial = false
    @Flag(help: "Add BOS/EOS as the model's metadata asks.") var addSpecial = false
    @Option(help: "Output format: text or json ({\"tokens\":[ids...]}).") var format: OutputFormat = .text
    @Argument(help: "The text to tokenize.") var text: String

    func run() throws {
        let path = try ModelOptions.modelPath(model)
        let file = try GGUFFile(path: path)
        let tokenizer = try Tokenizer(vocabulary: try TokenizerVocabulary(gguf: file))
        let ids = tokenizer.encode(text, addSpecial: addSpecial, parseSpecial: !noParseSpecial)
        switch format {
        case .json:
            struct Output: Encodable { let tokens: [Int] }
            print(try jsonLine(Output(tokens: ids)))
        case .text:
            for id in ids {
                let piece = tokenizer.piece(id).debugDescription
                print(String(format: "%6d  ", id) + piece)
            }
            printError("\(ids.count) tokens")
        }
    }
}
