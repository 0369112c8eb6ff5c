/// short-m@k (Hassid et al. 2025, "Don't Overthink It"): start k samples in lockstep, stop when the first m have
/// finished, and take the majority vote among those m; a vote tie goes to the answer with the shortest sample
/// (then the one that finished first).
///
/// Offline, the first k samples of the pool are the k started, and the m with the fewest generated tokens are the
/// first to finish (equal lengths finish in sample order). Each is charged its length; every other started sample
/// is charged what it generates in lockstep until the finishers are known (``ShortMAtKLockstep``): with ℓ₍ₘ₎ the
/// m-th finisher's length, that is ℓ₍ₘ₎ tokens, or ℓ₍ₘ₎ + 1 when the m-th finisher's end (an end of sequence after
/// ℓ₍ₘ₎ tokens is decided at step ℓ₍ₘ₎ + 1) or a possible tie needed one more step — never more than the sample's
/// own length. When every finisher ends by a stop string or the length limit and no tie is open, this is
/// Σ_{i≤m} ℓ₍ᵢ₎ + (k − m)·ℓ₍ₘ₎. All k are counted as used; the online executor generates exactly these tokens.
/// Registry name `short-m-at-k`, parameters `k` (default: the whole pool) and `m` (default 1; m ≤ k).
public struct ShortMAtK: Strategy {
    /// Samples started (`nil`: the whole pool).
    public let k: Int?
    /// Finishers voting (≥ 1).
    public let m: Int

    public init(k: Int? = nil, m: Int = 1) {
        self.k = k
        self.m = m
    }

    public var label: String { "short-m-at-k:" + (k.map { "k=\($0)," } ?? "") + "m=\(m)" }

    /// The samples that finish first, in finishing order.
    public func finishers(of samples: [SampleRecord]) -> [SampleRecord] {
        let started = samples.prefix(k ?? samples.count)
        let order = started.indices.sorted {
            (started[$0].generatedTokens, $0) < (started[$1].generatedTokens, $1)
        }
        return order.prefix(m).map { started[$0] }
    }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        let started = Array(samples.prefix(k ?? samples.count))
        let finished = finishers(of: samples)
        guard !finished.isEmpty else { return costs.outcome(answerKey: nil, correct: false, charges: []) }
        let winner = VoteCount(finished).winner(tieBreak: .shortest)
        let lockstep = ShortMAtKLockstep.replay(m: m, started: started)
        let charges = started.indices.map { index in
            CostContext.Charge(
                promptTokens: started[index].promptTokens,
                generatedTokens: lockstep.chargedTokens(index, length: started[index].generatedTokens))
        }
        return costs.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, charges: charges)
    }
}
