import Foundation
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
    /// A request needs more memory than the engine may use (`needed` is nil when the size does not even fit an
    /// `Int`); refused before anything was allocated.
    case insufficientMemory(needed: Int?, limit: Int, what: String)

    /// `bytes` for people: exact below a megabyte, else MB or GB with one decimal.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000_000 { return String(format: "%.1f MB", Double(bytes) / 1e6) }
        return String(format: "%.1f GB", Double(bytes) / 1e9)
    }

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
        case let .insufficientMemory(needed, limit, what):
            let amount = needed.map(Self.size) ?? "more bytes than a 64-bit size can count"
            return "\(what) needs \(amount) but at most \(Self.size(limit)) may be used for KV caches; "
                + "ask for fewer tokens (--max-tokens, --context) or fewer samples"
        }
    }
}
