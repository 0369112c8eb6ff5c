import Reasoning

/// A request's reasoning extension, checked: the strategy, its samples and the request's token budget.
public struct PreparedReasoning: Sendable, Equatable {
    public var strategy: String
    public var samples: Int
    public var tokenBudget: Int?
    public var m: Int?
    public var confidence: Double?
    /// Sequences the request may have live at once (``OnlineRequestRunner/mostLiveSequences(prompts:)``).
    public var liveSequences = 0

    /// The runner (already validated when the request was prepared).
    public func runner() throws(OpenAIError) -> OnlineRequestRunner {
        do {
            return try OnlineRequestRunner(strategy: strategy, samples: samples, tokenBudget: tokenBudget, m: m,
                                           confidence: confidence)
        } catch {
            throw RequestPreparer.reasoningError(error)
        }
    }
}

extension RequestPreparer {
    /// Samples per prompt when `reckon.samples` is absent (1 for `single`).
    public static let defaultReasoningSamples = 8

    /// ``finish(_:_:defaultMaxTokens:promptParam:topLogProbabilities:)`` for a request with the reasoning extension: `n` must be absent
    /// or 1 and `stream` false; the strategy and its parameters are checked (400 with `param` `reckon.…`); limits
    /// and KV pages are checked for the sequences the strategy may have live at once.
    func finish(_ prompts: [[Int]], _ fields: SamplingFields, reasoning field: ReasoningField?, defaultMaxTokens: Int?,
                promptParam: String, topLogProbabilities: Int?) throws(OpenAIError) -> PreparedGeneration {
        guard let field else {
            return try finish(prompts, fields, defaultMaxTokens: defaultMaxTokens, promptParam: promptParam,
                              topLogProbabilities: topLogProbabilities)
        }
        if topLogProbabilities != nil {
            throw .invalid("'logprobs' is not supported with 'reckon': the answer is a strategy's chosen sample, "
                + "whose log-probabilities are not reported; remove 'logprobs' (and 'top_logprobs')",
                param: "logprobs", code: "unsupported_parameter")
        }
        if let n = fields.n, n != 1 {
            throw .invalid("'n' must be 1 (or absent) with 'reckon': the strategy's samples are set by 'reckon.samples'",
                           param: "n")
        }
        if fields.stream == true {
            throw .invalid("'stream' is not supported with 'reckon': the answer is known only when the strategy decides",
                           param: "stream", code: "unsupported_parameter")
        }
        let samples = field.samples ?? (field.strategy == "single" ? 1 : Self.defaultReasoningSamples)
        var plan = PreparedReasoning(strategy: field.strategy, samples: samples, tokenBudget: field.tokenBudget,
                                     m: field.m, confidence: field.confidence)
        let live = try plan.runner().mostLiveSequences(prompts: prompts.count)
        let most = min(options.maxChoicesPerRequest, options.maxAdmittedSequences)
        guard live <= most else {
            throw .invalid("'reckon.samples' asks for up to \(live) sequences at once, at most \(most) on this server",
                           param: "reckon.samples")
        }
        plan.liveSequences = live
        // Checked as ⌈live / prompts⌉ choices per prompt: every prompt's pages, and pages for `live` sequences.
        var asChoices = fields
        asChoices.n = (live + prompts.count - 1) / max(1, prompts.count)
        var prepared = try finish(prompts, asChoices, defaultMaxTokens: defaultMaxTokens, promptParam: promptParam,
                                  topLogProbabilities: nil)
        prepared.n = 1
        prepared.reasoning = plan
        return prepared
    }

    /// A strategy error as a 400 naming the `reckon` field at fault.
    static func reasoningError(_ error: ReasoningError) -> OpenAIError {
        let field: String
        switch error {
        case .unknownStrategy, .invalidConfiguration, .malformedStrategy: field = "strategy"
        case let .unknownStrategyParameter(_, parameter, _): field = Self.fieldName(parameter)
        case let .invalidStrategyParameter(_, parameter, _, _): field = Self.fieldName(parameter)
        default: field = "strategy"
        }
        return .invalid("Invalid value for 'reckon.\(field)': \(error.description)", param: "reckon.\(field)")
    }

    /// The request field of a strategy parameter.
    private static func fieldName(_ parameter: String) -> String {
        switch parameter {
        case "k": return "samples"
        case "tokens": return "token_budget"
        default: return parameter
        }
    }
}
