import Foundation

/// One token and its natural log-probability under the model's unmodified distribution.
public struct TokenLogProbability: Sendable, Equatable, Codable {
    public var token: Int
    /// ln p(token), ≤ 0 (log-softmax of the raw logits at temperature 1).
    public var logProbability: Double

    public init(token: Int, logProbability: Double) {
        self.token = token
        self.logProbability = logProbability
    }
}

/// The log-probabilities of one generated position: the token sampled there and the most likely tokens of the
/// distribution it was sampled from.
///
/// Every value is log-softmax of the **raw** logits at temperature 1 (the distribution the model produced, as
/// OpenAI and vLLM report it), whatever temperature, top-k/top-p/min-p truncation, repetition penalty or masking
/// the sampler applied; computed stably in Double as ``LogProbability/of(_:logits:)`` computes it, so the chosen
/// token's value is bit-identical to the one in `GenerationResult.tokenLogProbabilities`.
public struct TokenLogProbabilities: Sendable, Equatable, Codable {
    /// The token sampled and its log-probability.
    public var chosen: TokenLogProbability
    /// The `k` most likely tokens, most likely first (ties: lower id first); the chosen token appears here only
    /// when it is among them.
    public var top: [TokenLogProbability]

    public init(chosen: TokenLogProbability, top: [TokenLogProbability]) {
        self.chosen = chosen
        self.top = top
    }

    /// The log-probabilities of `token` and of the `k` most likely tokens (k ≥ 0, at most the vocabulary) of
    /// `logits`, in one pass over the logits plus a partial selection (O(V log k)).
    public static func of(_ token: Int, top k: Int, logits: [Float]) -> TokenLogProbabilities {
        precondition(k >= 0, "the number of alternatives cannot be negative")
        let m = Double(logits.max() ?? 0)
        var total = 0.0
        for v in logits { total += exp(Double(v) - m) }
        let logTotal = log(total)
        func logProbability(_ id: Int) -> Double { Double(logits[id]) - m - logTotal }
        let chosen = TokenLogProbability(token: token, logProbability: logProbability(token))
        let count = min(k, logits.count)
        guard count > 0 else { return TokenLogProbabilities(chosen: chosen, top: []) }
        // Keep the best `count` ids in a small array sorted best first (logit descending, id ascending).
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        func better(_ a: Int, _ b: Int) -> Bool { logits[a] != logits[b] ? logits[a] > logits[b] : a < b }
        for id in logits.indices {
            if best.count == count, let last = best.last, !better(id, last) { continue }
            var position = best.count
            while position > 0, better(id, best[position - 1]) { position -= 1 }
            best.insert(id, at: position)
            if best.count > count { best.removeLast() }
        }
        return TokenLogProbabilities(chosen: chosen, top: best.map {
            TokenLogProbability(token: $0, logProbability: logProbability($0))
        })
    }
}
