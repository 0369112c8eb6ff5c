/// Difficulty-adaptive allocation online over open problems: a first round on every problem, then up to `rounds`
/// rounds in which the remaining budget goes where ``AdaptiveAllocation/extras(round:drawn:capacity:remaining:)``
/// says (each problem's session kept open between rounds). The eval runner and the server's request runner share
/// it; they differ only in how a round's samples are drawn (`draw`: start `counts[i]` more samples of problem `i`
/// and run them to their end).
enum AdaptiveRounds {
    static func run(
        _ strategy: AdaptiveAllocation, problems: [LiveProblem], capacity: Int,
        draw: ([Int]) async throws(ReasoningError) -> Void
    ) async throws(ReasoningError) {
        try await draw(problems.map { _ in min(strategy.first, capacity) })
        var remaining = max(0, strategy.samples * problems.count - problems.reduce(0) { $0 + $1.startedCount })
        for round in 0..<strategy.rounds where remaining > 0 {
            let extra = strategy.extras(
                round: round, drawn: problems.map(\.generatedSamples),
                capacity: Array(repeating: capacity, count: problems.count), remaining: remaining)
            let handedOut = extra.reduce(0, +)
            guard handedOut > 0 else { break }
            try await draw(extra)
            remaining -= handedOut
        }
    }

    /// Each problem's outcome: the majority of its samples (ties to the earliest).
    static func outcomes(_ problems: [LiveProblem], costs: CostContext) -> [StrategyOutcome] {
        problems.map { problem in
            let winner = VoteCount(problem.generatedSamples).winner()
            return problem.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, costs: costs)
        }
    }
}
