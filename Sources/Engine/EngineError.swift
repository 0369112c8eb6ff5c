import GGUF
import Model
import Sampling
import Tokenizer

/// Errors of the engine layer, wrapping the lower layers' errors with what the user should do.
public enum EngineError: Error, CustomStringConvertible {
    case file(GGUFError)
    case model(ModelError)
    case tokenizer(TokenizerError)
    case sampling(SamplingError)
    /// The prompt is empty after tokenization.
    case emptyPrompt
    /// A request field is unusable.
    case invalidRequest(String)
    /// A remote server failed or answered something unusable; `url` is the endpoint.
    case remote(url: String, reason: String)

    public var description: String {
        switch self {
        case let .file(error): return error.description
        case let .model(error): return error.description
        case let .tokenizer(error): return error.description
        case let .sampling(error): return error.description
        case .emptyPrompt:
            return "the prompt is empty: give some text with --prompt"
        case let .invalidRequest(reason):
            return "invalid request: \(reason)"
        case let .remote(url, reason):
            return "remote server \(url): \(reason)"
        }
    }
}
