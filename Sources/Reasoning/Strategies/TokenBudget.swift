/// A per-problem token budget: draw samples one after another while their generated tokens fit in `tokens`, then
/// take the majority vote of the complete ones (ties: the answer that appeared first). The sample during which
/// the budget runs out is cut off there: it is charged the tokens left and does not vote.
///
/// A sample is complete when it ends within the decisions the budget leaves: with ℓ tokens left it must end by a
/// stop string or the length limit after at most ℓ tokens, or by end of sequence after fewer than ℓ (ending by end
/// of sequence is one more sampling decision, which a sample cut after ℓ tokens never takes). So the online
/// executor, which stops a sample after ℓ steps, generates exactly what is charged here and never more than
/// `tokens`.
/// Registry name `budget`, parameters `tokens` (generated tokens per problem, ≥ 1, required) and `k` (most
/// samples, default: the whole pool).
public struct TokenBudget: Strategy {
    /// Generated tokens allowed per problem (≥ 1).
    public let tokens: Int
    /// Most samples drawn (`nil`: the whole pool).
    public let k: Int?

    public init(tokens: Int, k: Int? = nil) {
        self.tokens = tokens
        self.k = k
    }

    public var label: String { "budget:" + (k.map { "k=\($0)," } ?? "") + "tokens=\(tokens)" }

    public func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome {
        var spent = 0
        var complete: [SampleRecord] = []
        var charges: [CostContext.Charge] = []
        for sample in samples.prefix(k ?? samples.count) {
            let left = tokens - spent
            guard left > 0 else { break }
            if ShortMAtKLockstep.finishStep(tokens: sample.generatedTokens, finishReason: sample.finishReason) <= left {
                complete.append(sample)
                charges.append(sample.charge)
                spent += sample.generatedTokens
            } else {
                charges.append(.init(promptTokens: sample.promptTokens, generatedTokens: left))
                break
            }
        }
        let winner = VoteCount(complete).winner()
        return costs.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, charges: charges)
    }
}
