import ArgumentParser
import Engine
import Foundation
import Tokenizer

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk with the model interactively (chat template applied, replies streamed).",
        discussion: "Type a message and press Enter. /reset starts a new conversation, /exit (or end of input) quits.")

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @Option(help: "System prompt (default: the template's own, if it has one).") var system: String?

    func run() throws {
        let engine = try modelOptions.makeEngine()
        _ = try engine.chatTemplate()
        let parameters = try sampling.parameters()
        var messages: [ChatMessage] = system.map { [ChatMessage(role: "system", content: $0)] } ?? []
        let initial = messages
        var turn: UInt64 = 0
        printError("reckon chat — /reset to start over, /exit to quit")
        while true {
            FileHandle.standardError.write(Data("> ".utf8))
            guard let line = readLine(strippingNewline: true) else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text == "/exit" || text == "/quit" { break }
            if text == "/reset" {
                messages = initial
                printError("(conversation reset)")
                continue
            }
            messages.append(ChatMessage(role: "user", content: text))
            var turnParameters = parameters
            turnParameters.seed = parameters.seed &+ turn
            turn += 1
            let result = try engine.generate(
                GenerationRequest(prompt: .chat(messages), maxTokens: sampling.maxTokens(default: 128), sampling: turnParameters,
                                  stop: sampling.stops)) { piece in
                FileHandle.standardOutput.write(Data(piece.utf8))
            }
            print("")
            messages.append(ChatMessage(role: "assistant", content: result.text))
        }
    }
}
