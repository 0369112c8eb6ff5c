import Foundation

/// The individual stages of the sampler chain, each a pure function over the candidate set so that it can be
/// tested alone. Probabilities are always the softmax of the current candidates' logits (renormalised over the set).
public enum SamplerStages {
    /// CTRL-style repetition penalty: every distinct token in `recent` has a positive logit divided by `penalty`
    /// and a negative one multiplied by it.
    public static func applyRepetitionPenalty(_ logits: inout [Float], recent: some Collection<Int>, penalty: Float) {
        guard penalty != 1 else { return }
        var seen = Set<Int>()
        for token in recent where token >= 0 && token < logits.count && seen.insert(token).inserted {
            let value = logits[token]
            logits[token] = value > 0 ? value / penalty : value * penalty
        }
    }

    /// Index of the largest finite logit (the lowest index wins ties); nil when none is finite.
    public static func argmax(_ logits: [Float]) -> Int? {
        var best: Int?
        var bestValue = -Float.infinity
        for (i, v) in logits.enumerated() where v.isFinite && (best == nil || v > bestValue) {
            best = i
            bestValue = v
        }
        return best
    }

    /// The `k` candidates with the largest logits, sorted by descending logit (ties: lower id first).
    /// Complexity: O(n·k) worst case, O(n) typical for small k.
    public static func topK(_ logits: [Float], k: Int) -> [TokenCandidate] {
        var kept: [TokenCandidate] = []
        kept.reserveCapacity(k + 1)
        for (i, v) in logits.enumerated() where v.isFinite {
            if kept.count == k, let last = kept.last, !(v > last.logit) { continue }
            var position = kept.count
            while position > 0 && kept[position - 1].logit < v { position -= 1 }
            kept.insert(TokenCandidate(id: i, logit: v), at: position)
            if kept.count > k { kept.removeLast() }
        }
        return kept
    }

    /// All finite candidates sorted by descending logit (ties: lower id first).
    public static func sortedCandidates(_ logits: [Float], minimumLogit: Float = -.infinity) -> [TokenCandidate] {
        var all: [TokenCandidate] = []
        for (i, v) in logits.enumerated() where v.isFinite && v >= minimumLogit {
            all.append(TokenCandidate(id: i, logit: v))
        }
        all.sort { $0.logit > $1.logit || ($0.logit == $1.logit && $0.id < $1.id) }
        return all
    }

    /// Probabilities of sorted candidates (softmax, computed in Double for stability).
    public static func probabilities(_ sorted: [TokenCandidate]) -> [Double] {
        guard let top = sorted.first?.logit else { return [] }
        var p = sorted.map { exp(Double($0.logit - top)) }
        let total = p.reduce(0, +)
        for i in p.indices { p[i] /= total }
        return p
    }

    /// Nucleus filter on candidates sorted by descending logit: keeps the shortest prefix whose mass reaches `p`.
    public static func topP(_ sorted: [TokenCandidate], p: Double) -> [TokenCandidate] {
        guard p < 1, !sorted.isEmpty else { return sorted }
        let probs = probabilities(sorted)
        var mass = 0.0
        for (i, q) in probs.enumerated() {
            mass += q
            if mass >= p { return Array(sorted.prefix(i + 1)) }
        }
        return sorted
    }

    /// Min-p filter on sorted candidates: keeps tokens whose probability is at least `minP` × the top probability.
    public static func minP(_ sorted: [TokenCandidate], minP: Double) -> [TokenCandidate] {
        guard minP > 0, let top = sorted.first?.logit else { return sorted }
        let threshold = top + Float(log(minP))
        return sorted.filter { $0.logit >= threshold }
    }

    /// Draws one candidate with probability proportional to exp(logit), using one uniform number in [0, 1).
    public static func draw(_ sorted: [TokenCandidate], uniform: Double) -> Int {
        let probs = probabilities(sorted)
        var cumulative = 0.0
        for (i, q) in probs.enumerated() {
            cumulative += q
            if uniform < cumulative { return sorted[i].id }
        }
        return sorted[sorted.count - 1].id
    }
}
