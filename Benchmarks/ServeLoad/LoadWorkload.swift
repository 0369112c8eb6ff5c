import Foundation
import Random

/// One chat request of the load: its user message, how many tokens to generate, and its sampling seed.
struct LoadRequest: Sendable, Equatable {
    /// Position in the workload (0, 1, 2, …).
    var index: Int
    var userMessage: String
    /// Generated tokens asked for; sent with `ignore_eos`, so every server generates exactly this many.
    var maxTokens: Int
    var seed: UInt64
}

/// The seeded mix of requests: request `i` is a pure function of the workload seed and `i`, so two servers measured
/// with the same seed receive the same requests in the same order of dispatch.
///
/// Prompts: one shared system message, then a user message of 16, 64 or 192 words drawn from a fixed word list
/// (about 1.3 tokens per word with SmolLM2's tokenizer), each length equally likely. Outputs: 16, 32, 64 or 128
/// tokens, equally likely, independent of the prompt length.
struct LoadWorkload: Sendable {
    var seed: UInt64
    static let promptWordCounts = [16, 64, 192]
    static let outputTokenCounts = [16, 32, 64, 128]
    static let systemMessage = "You are a careful assistant. Answer in plain English and keep to the point."

    /// Longest prompt (system and user text) in words, for sizing a server's context.
    static var longestPromptWords: Int {
        (promptWordCounts.max() ?? 0) + systemMessage.split(separator: " ").count
    }

    func request(_ index: Int) -> LoadRequest {
        var random = Xoshiro256StarStar(seed: SeedDerivation.labelledIndex(seed: seed, label: "serve-load", index: index))
        let words = Self.promptWordCounts[random.intByModuloRejection(in: 0...(Self.promptWordCounts.count - 1))]
        let output = Self.outputTokenCounts[random.intByModuloRejection(in: 0...(Self.outputTokenCounts.count - 1))]
        var text = "Write a short story that uses these words:"
        for _ in 0..<words {
            text += " " + Self.vocabulary[random.intByModuloRejection(in: 0...(Self.vocabulary.count - 1))]
        }
        // 32 bits: llama-server keeps only the low 32 bits of a seed.
        return LoadRequest(index: index, userMessage: text, maxTokens: output, seed: random.next() >> 32)
    }

    /// The JSON body of `POST /v1/chat/completions` for `request`: streamed, with usage in the last chunk, sampling
    /// fields sent explicitly (servers differ in their defaults), `ignore_eos` so that the output length is fixed.
    func body(_ request: LoadRequest, model: String) -> [UInt8] {
        let object: [String: Any] = [
            "model": model,
            "messages": [["role": "system", "content": Self.systemMessage],
                         ["role": "user", "content": request.userMessage]],
            "max_tokens": request.maxTokens,
            "temperature": 0.8, "top_p": 0.95, "top_k": 40, "min_p": 0.05,
            "seed": request.seed,
            "ignore_eos": true,
            "stream": true,
            "stream_options": ["include_usage": true],
        ]
        // Sorted keys: the same request gives the same bytes to every server.
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    /// Common English words (no punctuation), so that prompts tokenize to a predictable length.
    static let vocabulary: [String] = """
        time year people way day man thing woman life child world school state family student group country problem \
        hand part place case week company system program question work government number night point home water \
        room mother area money story fact month lot right study book eye job word business issue side kind head \
        house service friend father power hour game line end member law car city community name president team \
        minute idea kid body information back parent face others level office door health person art war history \
        party result change morning reason research girl guy moment air teacher force education garden river stone \
        bread window light summer winter music paper letter market island forest bridge train doctor animal voice
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
