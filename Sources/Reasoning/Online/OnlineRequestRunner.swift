import Engine
import Tasks

/// Answers requests with no reference answer (the server's reasoning extension) by running an online strategy on
/// a live session: the strategy starts, stops and votes over samples exactly as ``OnlineEvalRunner`` runs it
/// (``OnlineStrategy``), samples are keyed by their extracted final answer (``SampleRecord/ungraded(_:problem:sample:seed:)``),
/// and an optional token budget caps the tokens every sample of the request generates together.
///
/// Strategies: `single`, `majority`, `weighted-logprob`, `short-m-at-k`, `early-stop` and `budget` (their registry
/// parameters: `samples` is `k`, `token_budget` is the budget's `tokens`). Strategies that need a verifier with a
/// reference answer (`pass-at-k`, `best-of-n`, `weighted-verifier`) or several problems (`adaptive`) are refused.
public struct OnlineRequestRunner: Sendable {
    /// Strategies a request may name.
    public static let strategies = ["single", "majority", "weighted-logprob", "short-m-at-k", "early-stop", "budget"]

    public let strategy: OnlineStrategy
    /// The strategy as resolved, e.g. `short-m-at-k:k=8,m=3`.
    public let label: String
    /// Most samples per prompt.
    public let samples: Int
    /// Most tokens generated per request, over every sample of every prompt (nil: no cap beyond `max_tokens`).
    public let tokenBudget: Int?

    /// - Parameters:
    ///   - name: one of ``strategies``.
    ///   - samples: most samples per prompt (≥ 1); the strategy's `k`.
    ///   - tokenBudget: most tokens generated per request (≥ 1); required by `budget`.
    ///   - m: finishers voting, for `short-m-at-k` (≤ samples).
    ///   - confidence: the stopping certainty of `early-stop`, in (0.5, 1).
    /// - Throws: ``ReasoningError`` naming the offending parameter (`strategy`, `k`, `tokens`, `m`, `confidence`).
    public init(strategy name: String, samples: Int, tokenBudget: Int?, m: Int? = nil,
                confidence: Double? = nil) throws(ReasoningError) {
        guard Self.strategies.contains(name) else {
            if StrategyRegistry.names.contains(name) {
                throw .invalidConfiguration(
                    field: "strategy", value: name,
                    requirement: "one of \(Self.strategies.joined(separator: ", ")) (\(name) needs "
                        + (name == "adaptive" ? "several problems" : "a reference answer to grade against") + ")")
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
        if name == "budget", let tokenBudget { parameters["tokens"] = Double(tokenBudget) }
        if name == "single" && samples != 1 {
            throw .invalidStrategyParameter(strategy: name, parameter: "k", value: Double(samples), requirement: "1 for single")
        }
        if let m {
            guard name == "short-m-at-k" else { throw .unknownStrategyParameter(strategy: name, parameter: "m", known: []) }
            parameters["m"] = Double(m)
        }
        if let confidence {
            guard name == "early-stop" else {
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

    /// Answers each request in turn (prompt `i` is problem `i`; sample `j` is seeded
    /// ``SampleSeed/derive(runSeed:problem:sample:)`` with `seed`) in `session`, the prompts sharing the token
    /// budget. The session is left open (its owner closes it).
    /// - Throws: ``ReasoningError/generation(problem:message:)`` when the engine fails.
    public func answer(_ requests: [GenerationRequest], seed: UInt64, in session: any LiveSession)
    async throws(ReasoningError) -> [OnlineAnswer] {
        let budgeted = tokenBudget.map { BudgetedSession(session, budget: $0) }
        let live: any LiveSession = budgeted ?? session
        var answers: [OnlineAnswer] = []
        for (index, request) in requests.enumerated() {
            let before = live.usage
            let stoppedBefore = budgeted?.stoppedByBudget ?? 0
            let problem = try await LiveProblem.open(problem: index, request: request, runSeed: seed, session: live) {
                result, sample, seed in SampleRecord.ungraded(result, problem: index, sample: sample, seed: seed)
            }
            let outcome = try await strategy.decide(problem, costs: .tokensOnly)
            let samples = problem.generatedSamples
            let complete = samples.filter { $0.finishReason != FinishReason.stopped.rawValue }
            var votes: [String: Int] = [:]
            for sample in complete { if let key = sample.answerKey { votes[key, default: 0] += 1 } }
            let chosen = complete.first { $0.answerKey != nil && $0.answerKey == outcome.answerKey } ?? complete.first
            let stoppedByBudget = (budgeted?.stoppedByBudget ?? 0) - stoppedBefore
            answers.append(OnlineAnswer(
                answer: outcome.answerKey, chosen: chosen, votes: votes,
                samplesStarted: problem.startedCount, samplesComplete: complete.count,
                samplesStopped: problem.startedCount - complete.count,
                stoppedByBudget: stoppedByBudget,
                generatedTokens: live.usage.generatedTokens - before.generatedTokens,
                promptTokens: live.usage.promptTokens - before.promptTokens,
                cachedPromptTokens: live.usage.cachedPromptTokens - before.cachedPromptTokens))
        }
        return answers
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
    /// Tokens generated for this prompt (stopped samples included), measured.
    public var generatedTokens: Int
    /// Prompt tokens prefilled, and how many of them came from the prefix cache.
    public var promptTokens: Int
    public var cachedPromptTokens: Int
}
