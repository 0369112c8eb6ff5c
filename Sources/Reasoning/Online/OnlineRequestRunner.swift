import Engine
import Tasks

/// Answers requests with no reference answer (the server's reasoning extension) by running an online strategy on
/// a live session: the strategy starts, stops and votes over samples exactly as ``OnlineEvalRunner`` runs it
/// (``OnlineStrategy``), samples are keyed by their extracted final answer (``SampleRecord/ungraded(_:problem:sample:seed:)``),
/// and an optional token budget caps the tokens every sample of the request generates together.
///
/// Strategies: `single`, `majority`, `weighted-logprob`, `short-m-at-k`, `early-stop`, `budget` (their registry
/// parameters: `samples` is `k`, `token_budget` is the budget's `tokens`) and `adaptive` (across the request's
/// prompts: `samples` is the mean per prompt, the first round `max(1, samples / 2)`, and one prompt may take up to
/// `samples` × prompts). Strategies that need a verifier with a reference answer (`pass-at-k`, `best-of-n`,
/// `weighted-verifier`) are refused.
public struct OnlineRequestRunner: Sendable {
    /// Strategies a request may name.
    public static let strategies = ["single", "majority", "weighted-logprob", "short-m-at-k", "early-stop", "budget",
                                    "adaptive"]

    public let strategy: OnlineStrategy
    /// The strategy as resolved, e.g. `short-m-at-k:k=8,m=3`.
    public let label: String
    /// Most samples per prompt (for `adaptive`, the mean per prompt).
    public let samples: Int

    /// Sequences a request of `prompts` prompts may have live at once: `samples` (prompts run one after another),
    /// or for `adaptive` `samples` × `prompts` (one prompt may take them all).
    public func mostLiveSequences(prompts: Int) -> Int {
        if case .adaptive = strategy { return samples * prompts }
        return samples
    }
    /// Most tokens generated per request, over every sample of every prompt (nil: no cap beyond `max_tokens`).
    public let tokenBudget: Int?

    /// - Parameters:
    ///   - name: one of ``strategies``.
    ///   - samples: most samples per prompt (≥ 1); the strategy's `k`.
    ///   - tokenBudget: most tokens generated per request (≥ 1); required by `budget`.
    ///   - m: finishers voting, for `short-m-at-k` (≤ samples).
    ///   - confidence: the stopping certainty of `early-stop` (or the settling certainty of `adaptive`), in (0.5, 1).
    /// - Throws: ``ReasoningError`` naming the offending parameter (`strategy`, `k`, `tokens`, `m`, `confidence`).
    public init(strategy name: String, samples: Int, tokenBudget: Int?, m: Int? = nil,
                confidence: Double? = nil) throws(ReasoningError) {
        guard Self.strategies.contains(name) else {
            if StrategyRegistry.names.contains(name) {
                throw .invalidConfiguration(
                    field: "strategy", value: name,
                    requirement: "one of \(Self.strategies.joined(separator: ", ")) (\(name) needs "
                        + "a reference answer to grade against)")
            }
            throw .unknownStrategy(name: name, suggestion: EditDistance.closest(to: name, among: Self.strategies),
                                   known: Self.strategies)
        }
        if let tokenBudget, tokenBudget < 1 {
            throw .invalidStrategyParameter(strategy: name, parameter: "tokens", value: Double(tokenBudget),
                                            requirement: "a whole number ≥ 1")
        }
        var parameters: [String: Double] = ["k": Double(samples)]
        if name == "single" || name == "budget" && tokenBudget == nil { parameters = [:] }
        if name == "adaptive" { parameters = ["samples": Double(samples), "first": Double(max(1, samples / 2))] }
        if name == "budget", let tokenBudget { parameters["tokens"] = Double(tokenBudget) }
        if name == "single" && samples != 1 {
            throw .invalidStrategyParameter(strategy: name, parameter: "k", value: Double(samples), requirement: "1 for single")
        }
        if let m {
            guard name == "short-m-at-k" else { throw .unknownStrategyParameter(strategy: name, parameter: "m", known: []) }
            parameters["m"] = Double(m)
        }
        if let confidence {
            guard name == "early-stop" || name == "adaptive" else {
                throw .unknownStrategyParameter(strategy: name, parameter: "confidence", known: [])
            }
            parameters["confidence"] = confidence
        }
        if samples < 1 {
            throw .invalidStrategyParameter(strategy: name, parameter: "k", value: Double(samples), requirement: "a whole number ≥ 1")
        }
        let resolved = try StrategyRegistry.resolve(StrategySpec(name: name, parameters: parameters))
        strategy = try OnlineStrategy(resolved, samplesPerProblem: samples)
        label = resolved.label
        self.samples = samples
        self.tokenBudget = tokenBudget
    }

    /// Answers the requests (prompt `i` is problem `i`; its sample `j` is seeded
    /// ``SampleSeed/derive(runSeed:problem:sample:)`` with `seed`) in `session`, the prompts sharing the token
    /// budget: one after another, or, for `adaptive`, together (a first round on every prompt, then the rest of
    /// the samples where the allocation rule puts them). The session is left open (its owner closes it).
    /// - Throws: ``ReasoningError/generation(problem:message:)`` when the engine fails.
    public func answer(_ requests: [GenerationRequest], seed: UInt64, in session: any LiveSession)
    async throws(ReasoningError) -> [OnlineAnswer] {
        let budgeted = tokenBudget.map { BudgetedSession(session, budget: $0) }
        let live: any LiveSession = budgeted ?? session
        func open(_ index: Int) async throws(ReasoningError) -> LiveProblem {
            try await LiveProblem.open(problem: index, request: requests[index], runSeed: seed, session: live) {
                result, sample, seed in SampleRecord.ungraded(result, problem: index, sample: sample, seed: seed)
            }
        }
        var decided: [(problem: LiveProblem, outcome: StrategyOutcome)] = []
        if case let .adaptive(allocation) = strategy {
            var problems: [LiveProblem] = []
            for index in requests.indices { problems.append(try await open(index)) }
            let opened = problems
            // One session: the prompts' rounds are drawn one prompt at a time.
            let capacity = samples * requests.count
            try await AdaptiveRounds.run(allocation, problems: opened, capacity: capacity) { counts throws(ReasoningError) in
                for (problem, count) in zip(opened, counts) where count > 0 {
                    try problem.start(problem.startedCount..<(problem.startedCount + count))
                    _ = try await problem.advance(until: .allFinished)
                }
            }
            decided = Array(zip(opened, AdaptiveRounds.outcomes(opened, costs: .tokensOnly)))
        } else {
            for index in requests.indices {
                let problem = try await open(index)
                decided.append((problem, try await strategy.decide(problem, costs: .tokensOnly)))
            }
        }
        return decided.map { problem, outcome in
            Self.answer(problem, outcome, stoppedByBudget: budgeted?.stoppedByBudget ?? [:])
        }
    }

    /// What a decided problem reports: votes and counts from its samples, tokens from them and from its samples
    /// the budget stopped (which the strategy never saw).
    private static func answer(_ problem: LiveProblem, _ outcome: StrategyOutcome,
                               stoppedByBudget: [LiveSequenceID: GenerationResult]) -> OnlineAnswer {
        let samples = problem.generatedSamples
        let complete = samples.filter { $0.finishReason != FinishReason.stopped.rawValue }
        var votes: [String: Int] = [:]
        for sample in complete { if let key = sample.answerKey { votes[key, default: 0] += 1 } }
        let chosen = complete.first { $0.answerKey != nil && $0.answerKey == outcome.answerKey } ?? complete.first
        let budgetStopped = problem.startedSequences.compactMap { stoppedByBudget[$0] }
        return OnlineAnswer(
            answer: outcome.answerKey, chosen: chosen, votes: votes,
            samplesStarted: problem.startedCount, samplesComplete: complete.count,
            samplesStopped: problem.startedCount - complete.count, stoppedByBudget: budgetStopped.count,
            generatedTokens: samples.reduce(0) { $0 + $1.generatedTokens }
                + budgetStopped.reduce(0) { $0 + $1.generatedTokenCount })
    }
}

/// How an online strategy answered one prompt.
public struct OnlineAnswer: Sendable, Equatable {
    /// The winning answer key (normalized final answer), nil when every complete sample abstained or none ended.
    public var answer: String?
    /// The sample returned as the choice: the first (by sample index) that ended by itself with the winning
    /// answer, else the first that ended by itself; nil when none did.
    public var chosen: SampleRecord?
    /// Answer key → complete samples with that answer.
    public var votes: [String: Int]
    /// Samples started / that ended by themselves / stopped early (by the strategy or the token budget).
    public var samplesStarted: Int
    public var samplesComplete: Int
    public var samplesStopped: Int
    /// Of the stopped samples, those stopped because the token budget ran out.
    public var stoppedByBudget: Int
    /// Tokens generated for this prompt, stopped samples included.
    public var generatedTokens: Int
}
