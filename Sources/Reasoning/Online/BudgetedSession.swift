import Engine

/// A live session whose sequences together generate at most `budget` tokens (the server's per-request token
/// budget). It forwards everything to `inner` and steps it one step at a time while the budget could be overrun by
/// the next step (each live sequence takes at most one token per step): when fewer tokens are left than sequences
/// are live, it stops them all (they end as stopped, are not among the finishes, and do not vote). Several steps
/// go in one `advance` of `inner` when the budget allows them all, except for `.anyFinished`, which must return at
/// the first finish. Stepping in pieces changes no token (a live session's decoding does not depend on how its
/// owner splits `advance` calls).
// Unchecked: like the sessions it wraps, it is driven by one task at a time; `stoppedByBudget` is only touched from
// that task.
final class BudgetedSession: LiveSession, @unchecked Sendable {
    let inner: any LiveSession
    /// Most tokens all of the session's sequences may generate together (≥ 0).
    let budget: Int
    /// What the sequences stopped because the budget ran out had generated, by sequence.
    private(set) var stoppedByBudget: [LiveSequenceID: GenerationResult] = [:]

    init(_ inner: any LiveSession, budget: Int) {
        precondition(budget >= 0, "a token budget cannot be negative")
        self.inner = inner
        self.budget = budget
    }

    func addPrompt(_ request: GenerationRequest) async throws(EngineError) -> LivePromptID {
        try await inner.addPrompt(request)
    }

    func start(_ prompt: LivePromptID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
        try inner.start(prompt, seed: seed)
    }

    func fork(_ parent: LiveSequenceID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
        try inner.fork(parent, seed: seed)
    }

    @discardableResult
    func stop(_ sequence: LiveSequenceID) -> GenerationResult? { inner.stop(sequence) }

    func advance(until condition: LiveAdvanceCondition,
                 onToken: @escaping @Sendable (LiveSequenceID, String) -> Void) async throws(EngineError) -> [LiveFinish] {
        if case let .steps(count) = condition, count < 1 {
            throw .invalidRequest("advance needs at least 1 step, got \(count)")
        }
        var finishes: [LiveFinish] = []
        var stepsTaken = 0
        while true {
            let live = inner.liveSequences
            guard !live.isEmpty else { return finishes }
            let left = budget - inner.usage.generatedTokens
            guard left >= live.count else {
                for sequence in live { if let result = inner.stop(sequence) { stoppedByBudget[sequence] = result } }
                return finishes
            }
            let affordable = left / live.count
            let steps: Int
            switch condition {
            case .anyFinished: steps = 1
            case .allFinished: steps = affordable
            case let .steps(count): steps = min(count - stepsTaken, affordable)
            }
            let before = inner.usage.generatedTokens
            finishes += try await inner.advance(until: .steps(steps), onToken: onToken)
            // A session that finished everything in fewer steps returns early; count only what it may have used.
            stepsTaken += steps
            switch condition {
            case .anyFinished: if !finishes.isEmpty { return finishes }
            case .allFinished: break
            case let .steps(count): if stepsTaken >= count { return finishes }
            }
            if inner.usage.generatedTokens == before && inner.liveSequences == live { return finishes }  // closed
        }
    }

    var liveSequences: [LiveSequenceID] { inner.liveSequences }
    var usage: LiveUsage { inner.usage }
    func close() { inner.close() }
}
