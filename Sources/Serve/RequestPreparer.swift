import Engine
import Sampling
import Tokenizer

/// Checks a request's fields, tokenizes its prompt and checks that it fits, answering with OpenAI's 400 errors.
///
/// Defaults (documented, chosen to match OpenAI rather than llama-server): `n` 1, `temperature` 1, `top_p` 1,
/// `top_k` 0 (off; −1 also means off), `min_p` 0, `repetition_penalty` 1; `max_tokens` 16 on `/v1/completions`
/// (OpenAI's default) and the rest of the context on `/v1/chat/completions`. `temperature` 0 is greedy decoding.
public struct RequestPreparer: Sendable {
    public var limits: EngineLimits
    public var options: ServeOptions
    /// Tokenizes prompts (`.text` and `.chat`) with the engine's tokenizer and chat template.
    public var tokenize: @Sendable (Prompt) throws(EngineError) -> [Int]
    /// Draws the seed of a request that sent none.
    public var randomSeed: @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) }

    public init(limits: EngineLimits, options: ServeOptions, tokenize: @escaping @Sendable (Prompt) throws(EngineError) -> [Int]) {
        self.limits = limits
        self.options = options
        self.tokenize = tokenize
    }

    public func prepare(_ body: CompletionRequest) throws(OpenAIError) -> PreparedGeneration {
        try checkModel(body.model)
        let prompts: [[Int]]
        switch body.prompt {
        case let .texts(texts):
            prompts = try texts.map { text throws(OpenAIError) in try tokens(.text(text), param: "prompt") }
        case let .tokenLists(lists):
            for list in lists {
                if let bad = list.first(where: { !(0..<limits.vocabularySize).contains($0) }) {
                    throw .invalid("token id \(bad) is outside the vocabulary (0..<\(limits.vocabularySize))", param: "prompt")
                }
            }
            prompts = lists
        }
        guard !prompts.isEmpty else { throw .invalid("'prompt' is an empty list: send at least one prompt", param: "prompt") }
        if let echo = body.sampling.echo, echo {
            throw .invalid("'echo' is not supported by this server", param: "echo", code: "unsupported_parameter")
        }
        if let suffix = body.sampling.suffix, !suffix.isEmpty {
            throw .invalid("'suffix' is not supported by this server", param: "suffix", code: "unsupported_parameter")
        }
        var alternatives: Int?
        switch body.sampling.logprobs {
        case nil: alternatives = nil
        case let .count(count): alternatives = try Self.inRange(count, 0...5, param: "logprobs")
        case .flag:
            throw .invalid("Invalid type for 'logprobs': expected an integer (0 to 5) on /v1/completions, got a boolean",
                           param: "logprobs", code: "invalid_type")
        }
        return try finish(prompts, body.sampling, reasoning: body.reckon, defaultMaxTokens: 16, promptParam: "prompt",
                          topLogProbabilities: alternatives)
    }

    public func prepare(_ body: ChatCompletionRequest) throws(OpenAIError) -> PreparedGeneration {
        try checkModel(body.model)
        guard !body.messages.isEmpty else {
            throw .invalid("'messages' is empty: send at least one message", param: "messages")
        }
        let roles: Set = ["system", "developer", "user", "assistant", "tool"]
        var messages: [ChatMessage] = []
        for (index, message) in body.messages.enumerated() {
            guard roles.contains(message.role) else {
                throw .invalid("unknown role '\(message.role)': expected one of system, developer, user, assistant, tool",
                               param: "messages[\(index)].role")
            }
            messages.append(ChatMessage(role: message.role == "developer" ? "system" : message.role,
                                        content: message.content.text))
        }
        if body.hasTools {
            throw .invalid("tool calling is not supported by this server", param: "tools", code: "unsupported_parameter")
        }
        if body.hasResponseFormat {
            throw .invalid("'response_format' is not supported by this server", param: "response_format",
                           code: "unsupported_parameter")
        }
        let prompt = try tokens(.chat(messages), param: "messages")
        let wantsLogprobs: Bool
        switch body.sampling.logprobs {
        case nil: wantsLogprobs = false
        case let .flag(flag): wantsLogprobs = flag
        case .count:
            throw .invalid("Invalid type for 'logprobs': expected a boolean on /v1/chat/completions (set the number of "
                + "alternatives with 'top_logprobs'), got an integer", param: "logprobs", code: "invalid_type")
        }
        var alternatives: Int?
        if let top = body.sampling.topLogprobs {
            guard wantsLogprobs else {
                throw .invalid("Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' "
                    + "is used.", param: "top_logprobs")
            }
            alternatives = try Self.inRange(top, 0...20, param: "top_logprobs")
        } else if wantsLogprobs {
            alternatives = 0
        }
        return try finish([prompt], body.sampling, reasoning: body.reckon, defaultMaxTokens: nil, promptParam: "messages",
                          topLogProbabilities: alternatives)
    }

    // MARK: - Shared checks

    private func checkModel(_ model: String) throws(OpenAIError) {
        guard model == options.modelName else {
            throw OpenAIError(status: .notFound, message: "The model `\(model)` does not exist.",
                              type: "invalid_request_error", param: "model", code: "model_not_found")
        }
    }

    private func tokens(_ prompt: Prompt, param: String) throws(OpenAIError) -> [Int] {
        let ids: [Int]
        do { ids = try tokenize(prompt) } catch { throw .invalid(error.description, param: param) }
        guard !ids.isEmpty else { throw .invalid("the prompt is empty after tokenization", param: param) }
        return ids
    }

    /// `value` when it lies in `range`, else OpenAI's 400 (`integer_below_min_value` / `integer_above_max_value`).
    static func inRange(_ value: Int, _ range: ClosedRange<Int>, param: String) throws(OpenAIError) -> Int {
        if value < range.lowerBound {
            throw .invalid("Invalid '\(param)': integer below minimum value. Expected a value >= \(range.lowerBound), "
                + "but got \(value) instead.", param: param, code: "integer_below_min_value")
        }
        if value > range.upperBound {
            throw .invalid("Invalid '\(param)': integer above maximum value. Expected a value <= \(range.upperBound), "
                + "but got \(value) instead.", param: param, code: "integer_above_max_value")
        }
        return value
    }

    func finish(_ prompts: [[Int]], _ fields: SamplingFields, defaultMaxTokens: Int?,
                        promptParam: String, topLogProbabilities: Int?) throws(OpenAIError) -> PreparedGeneration {
        let n = fields.n ?? 1
        guard n >= 1 else { throw .invalid("'n' must be ≥ 1, got \(n)", param: "n") }
        // A request with more choices than the admission gate ever admits at once could only ever get 429.
        let mostChoices = min(options.maxChoicesPerRequest, options.maxAdmittedSequences)
        guard n * prompts.count <= mostChoices else {
            throw .invalid("\(n * prompts.count) choices asked for (n × prompts), at most \(mostChoices) per request",
                           param: "n")
        }
        if let bestOf = fields.bestOf, bestOf != n {
            throw .invalid("'best_of' other than n is not supported", param: "best_of", code: "unsupported_parameter")
        }
        let temperature = fields.temperature ?? 1
        guard temperature.isFinite, (0...2).contains(temperature) else {
            throw .invalid("'temperature' must be between 0 and 2, got \(temperature)", param: "temperature")
        }
        let topP = fields.topP ?? 1
        guard topP > 0, topP <= 1 else { throw .invalid("'top_p' must be in (0, 1], got \(topP)", param: "top_p") }
        let topK = fields.topK ?? 0
        guard topK >= -1 else { throw .invalid("'top_k' must be ≥ 0 (0 or -1: off), got \(topK)", param: "top_k") }
        let minP = fields.minP ?? 0
        guard minP >= 0, minP < 1 else { throw .invalid("'min_p' must be in [0, 1), got \(minP)", param: "min_p") }
        let penalty = fields.repetitionPenalty ?? 1
        guard penalty.isFinite, penalty > 0 else {
            throw .invalid("'repetition_penalty' must be > 0, got \(penalty)", param: "repetition_penalty")
        }
        let stop = fields.stop?.strings ?? []
        guard stop.count <= 4 else { throw .invalid("at most 4 stop sequences, got \(stop.count)", param: "stop") }
        guard !stop.contains("") else { throw .invalid("stop sequences must not be empty", param: "stop") }
        let stream = fields.stream ?? false
        if fields.streamOptions != nil, !stream {
            throw .invalid("'stream_options' is only allowed when 'stream' is true", param: "stream_options")
        }

        let longest = prompts.map(\.count).max() ?? 0
        let maxParam = fields.maxCompletionTokens != nil ? "max_completion_tokens" : "max_tokens"
        let maxTokens: Int
        if let asked = fields.maxCompletionTokens ?? fields.maxTokens {
            guard asked >= 1 else { throw .invalid("'\(maxParam)' must be ≥ 1, got \(asked)", param: maxParam) }
            maxTokens = asked
        } else {
            maxTokens = defaultMaxTokens ?? max(0, limits.contextLength - longest)
        }
        guard longest + maxTokens <= limits.contextLength, maxTokens >= 1 else {
            throw .invalid("This model's maximum context length is \(limits.contextLength) tokens. However, you "
                + "requested \(longest + maxTokens) tokens (\(longest) in the prompt, \(maxTokens) for the completion). "
                + "Please reduce the prompt or the completion length.",
                param: fields.maxTokens != nil || fields.maxCompletionTokens != nil ? maxParam : promptParam,
                code: "context_length_exceeded")
        }
        var sampling: SamplingParameters
        do {
            sampling = try SamplingParameters(temperature: temperature, topK: max(0, topK), topP: topP, minP: minP,
                                              repetitionPenalty: penalty).validated()
        } catch { throw .invalid(error.description, param: nil) }
        sampling.seed = 0
        var request = GenerationRequest(prompt: .tokens([]), maxTokens: maxTokens, sampling: sampling, stop: stop)
        request.ignoreEndOfSequence = fields.ignoreEOS ?? false
        request.topLogProbabilities = topLogProbabilities
        let seed = fields.seed?.bits ?? randomSeed()
        let prepared = PreparedGeneration(prompts: prompts, request: request, n: n, seed: seed, stream: stream,
                                          includeUsage: stream && (fields.streamOptions?.includeUsage ?? false))
        if let pageLimit = limits.pageLimit {
            // A request that could never fit is refused now; one that fits the pool but not what is free waits
            // (``KVPageReservations``).
            let needed = prepared.worstCasePages(positionsPerPage: limits.positionsPerPage)
            guard needed <= pageLimit else {
                throw .invalid("the request needs up to \(needed) KV pages but the server holds \(pageLimit): ask for "
                    + "fewer choices or fewer tokens", param: maxParam, code: "context_length_exceeded")
            }
        }
        return prepared
    }
}
