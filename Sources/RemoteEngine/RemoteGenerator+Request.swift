import Engine
import Foundation
import Tokenizer

extension RemoteGenerator {
    /// Checks what can be checked before sending anything.
    func validate(_ request: GenerationRequest) throws(EngineError) {
        guard maxRetries >= 0 else { throw .invalidRequest("maxRetries must be ≥ 0, got \(maxRetries)") }
        guard maxConcurrency >= 1 else { throw .invalidRequest("maxConcurrency must be ≥ 1, got \(maxConcurrency)") }
        guard timeout > .zero else { throw .invalidRequest("timeout must be positive, got \(timeout)") }
        guard request.maxTokens >= 0 else { throw .invalidRequest("max-tokens must be ≥ 0, got \(request.maxTokens)") }
        do { _ = try request.sampling.validated() } catch { throw .sampling(error) }
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw .remote(url: endpoint, reason: "not an http(s) URL; give the API root, e.g. http://127.0.0.1:8080/v1")
        }
        switch (request.prompt, api) {
        case let (.text(text), _) where text.isEmpty: throw .emptyPrompt
        case let (.tokens(ids), _) where ids.isEmpty: throw .emptyPrompt
        case let (.chat(messages), _) where messages.isEmpty: throw .emptyPrompt
        case (.chat, .completions):
            throw .invalidRequest("a chat prompt needs the chat API (reckon: --api chat); the completions API takes "
                + "raw text (reckon eval: --no-chat) or token ids")
        case (.tokens, .chat):
            throw .invalidRequest("a token prompt needs the completions API (reckon: --api completions); the chat API takes "
                + "messages")
        default: break
        }
    }

    /// The JSON body of the request for one seed (keys sorted, so equal requests give equal bytes).
    func requestBody(for request: GenerationRequest, seed: UInt64, choices: Int = 1) throws(EngineError) -> [UInt8] {
        var sampling = RemoteSamplingFields(request: request, seed: seed)
        sampling.n = choices
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            switch (api, request.prompt) {
            case let (.completions, .text(text)):
                return Array(try encoder.encode(CompletionRequestBody(
                    model: modelName, prompt: .text(text), sampling: sampling,
                    logprobs: requestsLogProbabilities ? 1 : nil)))
            case let (.completions, .tokens(ids)):
                return Array(try encoder.encode(CompletionRequestBody(
                    model: modelName, prompt: .tokens(ids), sampling: sampling,
                    logprobs: requestsLogProbabilities ? 1 : nil)))
            case let (.chat, .text(text)):
                return Array(try encoder.encode(ChatCompletionRequestBody(
                    model: modelName, messages: [.init(role: "user", content: text)], sampling: sampling,
                    logprobs: requestsLogProbabilities ? true : nil)))
            case let (.chat, .chat(messages)):
                return Array(try encoder.encode(ChatCompletionRequestBody(
                    model: modelName, messages: messages, sampling: sampling,
                    logprobs: requestsLogProbabilities ? true : nil)))
            case (.completions, .chat), (.chat, .tokens):
                throw EngineError.invalidRequest("prompt kind does not fit the \(api.rawValue) API")
            }
        } catch let error as EngineError {
            throw error
        } catch {
            throw .invalidRequest("could not encode the request as JSON: \(error)")
        }
    }
}
