import Foundation

/// Log-probabilities under the model's unmodified distribution (softmax of the raw logits).
public enum LogProbability {
    /// log softmax(logits)[token], computed stably in Double.
    public static func of(_ token: Int, logits: [Float]) -> Double {
        let m = Double(logits.max() ?? 0)
        var total = 0.0
        for v in logits { total += exp(Double(v) - m) }
        return Double(logits[token]) - m - log(total)
    }
}
