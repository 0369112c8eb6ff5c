/// A strategy as the online executor runs it: what it starts, when it stops, and how it answers. Sample j of a
/// problem always uses the replay's seed for j, so with a batch-invariant generator the online run decides
/// exactly as the replay over the same seeds (see each case for the tokens it generates).
public enum OnlineStrategy: Sendable {
    /// Starts samples 0..<k together and runs them to the end, then answers with `strategy` over them (majority,
    /// weighted votes, best-of-n, pass@k, single): the replay's samples and charge exactly.
    case allAtOnce(k: Int, strategy: any Strategy)
    /// Starts samples 0..<k together and stops the rest the moment the m finishers are known
    /// (``ShortMAtKLockstep``): the replay's tokens exactly.
    case shortMAtK(ShortMAtK, k: Int)
    /// Draws samples in waves of `wave` in sample order and stops the problem when ``MarginRule`` says the vote is
    /// decided (``EarlyStop``'s rule over the samples complete in sample order); samples of the last wave beyond
    /// the stopping point are stopped or were wasted. With `wave` = 1 exactly the replay's tokens; larger waves
    /// trade tokens for fewer rounds.
    case earlyStop(EarlyStop, budget: Int, wave: Int)
    /// Draws samples one at a time, each stopped after the tokens the budget leaves (``TokenBudget``): the
    /// replay's tokens exactly.
    case tokenBudget(TokenBudget, k: Int)
    /// Rounds across problems (``AdaptiveAllocation``'s rule on the samples drawn so far); the replay's samples
    /// and tokens exactly.
    case adaptive(AdaptiveAllocation)

    /// The online form of `resolved` for runs with `samplesPerProblem` samples per problem at most.
    /// - Parameter wave: samples per wave of early stopping (≥ 1).
    /// - Throws: ``ReasoningError/invalidConfiguration(field:value:requirement:)`` for a strategy without an online
    ///   executor (every registry strategy has one).
    public init(_ resolved: ResolvedStrategy, samplesPerProblem: Int, wave: Int = 1) throws(ReasoningError) {
        let n = samplesPerProblem
        func cap(_ k: Int?) -> Int { min(k ?? n, n) }
        switch resolved {
        case let .acrossProblems(adaptive as AdaptiveAllocation): self = .adaptive(adaptive)
        case let .perProblem(shortest as ShortMAtK): self = .shortMAtK(shortest, k: cap(shortest.k))
        case let .perProblem(early as EarlyStop): self = .earlyStop(early, budget: cap(early.k), wave: max(1, wave))
        case let .perProblem(budget as TokenBudget): self = .tokenBudget(budget, k: cap(budget.k))
        case let .perProblem(strategy as SingleSample): self = .allAtOnce(k: min(1, n), strategy: strategy)
        case let .perProblem(vote as MajorityVote): self = .allAtOnce(k: cap(vote.k), strategy: vote)
        case let .perProblem(vote as WeightedVote): self = .allAtOnce(k: cap(vote.k), strategy: vote)
        case let .perProblem(best as BestOfN): self = .allAtOnce(k: cap(best.k), strategy: best)
        case let .perProblem(sampling as RepeatedSampling): self = .allAtOnce(k: cap(sampling.k), strategy: sampling)
        default:
            throw .invalidConfiguration(
                field: "strategy", value: resolved.label,
                requirement: "a strategy that runs online (\(StrategyRegistry.names.joined(separator: ", "))); "
                    + "replay it with --mode replay")
        }
    }

    /// Runs one problem (every case but `.adaptive`) and returns its outcome; the problem's samples are kept in
    /// `problem`.
    func decide(_ problem: LiveProblem, costs: CostContext) async throws(ReasoningError) -> StrategyOutcome {
        switch self {
        case let .allAtOnce(k, strategy):
            try problem.start(0..<k)
            _ = try await problem.advance(until: .allFinished)
            let decided = strategy.apply(to: problem.generatedSamples, costs: costs)
            return problem.outcome(answerKey: decided.answerKey, correct: decided.correct, costs: costs)

        case let .shortMAtK(strategy, k):
            try problem.start(0..<k)
            var lockstep = ShortMAtKLockstep(m: strategy.m, started: 0..<k)
            while !lockstep.isDecided {
                // While a tie may be open only the next step decides; otherwise nothing is decided before a finish.
                let finishes = try await problem.advance(until: lockstep.needsNextStep ? .steps(1) : .anyFinished)
                let step = lockstep.needsNextStep || finishes.isEmpty
                    ? lockstep.step + 1
                    : max(lockstep.step + 1, ShortMAtKLockstep.finishStep(
                        tokens: finishes[0].generatedTokens, finishReason: finishes[0].finishReason))
                let stopping = lockstep.observe(
                    step: step, finishes: finishes.map { .init(index: $0.sample, tokens: $0.generatedTokens) })
                for sample in stopping { problem.stop(sample) }
                if !lockstep.isDecided && !problem.isLive { break }
            }
            let finishers = lockstep.finishers.compactMap { problem.generated[$0.index] }
            let winner = VoteCount(finishers).winner(tieBreak: .shortest)
            return problem.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, costs: costs)

        case let .earlyStop(strategy, budget, wave):
            var votes = VoteCount()
            var counted = 0
            var decided = false
            var next = 0
            while next < budget && !decided {
                let end = min(next + wave, budget)
                try problem.start(next..<end)
                next = end
                while !decided && problem.isLive {
                    _ = try await problem.advance(until: .anyFinished)
                    while !decided, counted < next, let sample = problem.generated[counted] {
                        votes.add(sample)
                        counted += 1
                        let (leader, runnerUp) = votes.topTwoVotes
                        decided = counted >= strategy.minimum && MarginRule.isDecisive(
                            leader: leader, runnerUp: runnerUp, remaining: budget - counted,
                            confidence: strategy.confidence)
                    }
                }
            }
            let voters = (0..<counted).compactMap { problem.generated[$0] }
            let winner = VoteCount(voters).winner()
            return problem.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, costs: costs)

        case let .tokenBudget(strategy, k):
            var spent = 0
            var complete: [SampleRecord] = []
            for sample in 0..<k {
                let left = strategy.tokens - spent
                guard left > 0 else { break }
                try problem.start([sample])
                let finished = try await problem.advance(until: .steps(left))
                guard let record = finished.first else {
                    problem.stop(sample)
                    break
                }
                complete.append(record)
                spent += record.generatedTokens
            }
            let winner = VoteCount(complete).winner()
            return problem.outcome(answerKey: winner?.key, correct: winner?.correct ?? false, costs: costs)

        case .adaptive:
            preconditionFailure("adaptive allocation decides every problem together (OnlineEvalRunner)")
        }
    }
}
