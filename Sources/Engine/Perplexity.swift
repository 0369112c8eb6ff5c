import Foundation
import Model
import Sampling

/// The result of a perplexity evaluation.
public struct PerplexityReport: Sendable, Equatable {
    /// Tokens in the text.
    public var tokenCount: Int
    /// Chunks evaluated (`tokenCount / context`, the remainder dropped).
    public var chunkCount: Int
    /// Tokens whose probability was scored.
    public var scoredTokens: Int
    /// Running perplexity after each chunk.
    public var runningPerplexity: [Double]
    /// exp(mean negative log-likelihood) over all scored tokens.
    public var perplexity: Double
}

extension LocalEngine {
    /// Perplexity by llama.cpp's method: the tokens are cut into non-overlapping chunks of `context` tokens
    /// (the remainder is dropped); each chunk is run from an empty cache; the logits at positions
    /// `context/2 ..< context-1` predict the next token, whose negative log-likelihood is averaged over all chunks.
    /// No BOS is added unless the model's metadata asks for one (then it replaces each chunk's first token).
    public func perplexity(tokens: [Int], context: Int,
                           onChunk: (_ index: Int, _ count: Int, _ running: Double) -> Void = { _, _, _ in }) throws(EngineError) -> PerplexityReport {
        guard context >= 4 else { throw .invalidRequest("perplexity context must be ≥ 4 tokens, got \(context)") }
        guard context <= contextLength else {
            throw .invalidRequest("perplexity context \(context) exceeds the engine's context length \(contextLength)")
        }
        let chunks = tokens.count / context
        guard chunks > 0 else {
            throw .invalidRequest("the text has \(tokens.count) tokens, fewer than one chunk of \(context): use a longer text or a smaller --context")
        }
        let addBOS = file.metadata.bool("tokenizer.ggml.add_bos_token") ?? false
        let first = context / 2
        var totalNLL = 0.0
        var scored = 0
        var running: [Double] = []
        let cache = model.makeCache(capacity: context)
        for chunk in 0..<chunks {
            var piece = Array(tokens[chunk * context..<(chunk + 1) * context])
            if addBOS, let bos = tokenizer.bosID { piece[0] = bos }
            cache.truncate(to: 0)
            let logits: [[Float]]
            // Only positions first ..< context-1 are scored: ask for the logits of the last context-first positions.
            do { logits = try model.forward(piece, cache: cache, logits: .suffix(context - first)) } catch { throw .model(error) }
            for position in first..<(context - 1) {
                totalNLL -= Sampling.LogProbability.of(piece[position + 1], logits: logits[position - first])
                scored += 1
            }
            running.append(exp(totalNLL / Double(scored)))
            onChunk(chunk, chunks, running[chunk])
        }
        return PerplexityReport(tokenCount: tokens.count, chunkCount: chunks, scoredTokens: scored,
                                runningPerplexity: running, perplexity: running[chunks - 1])
    }
}
