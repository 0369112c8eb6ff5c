import Sampling

/// Stored as JSON with the run (`configuration_json`). The sampling settings sit under `sampling`; configurations
/// stored before they did (with `temperature`, `topP`, `topK` and `minP` at the top level and no `stop`) still decode.
extension EvalConfiguration: Codable {
    enum CodingKeys: String, CodingKey {
        case task, taskVersion, difficulty, problems, samples, seed, maxTokens, sampling, stop, promptStyle, chat, model
        case strategies
        // Before the sampling settings were grouped.
        case temperature, topP, topK, minP
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let sampling: SamplingParameters
        if let grouped = try c.decodeIfPresent(SamplingParameters.self, forKey: .sampling) {
            sampling = grouped
        } else {
            sampling = SamplingParameters(
                temperature: try c.decode(Double.self, forKey: .temperature), topK: try c.decode(Int.self, forKey: .topK),
                topP: try c.decode(Double.self, forKey: .topP), minP: try c.decode(Double.self, forKey: .minP))
        }
        self.init(
            task: try c.decode(String.self, forKey: .task), taskVersion: try c.decodeIfPresent(Int.self, forKey: .taskVersion),
            difficulty: try c.decode([String: String].self, forKey: .difficulty),
            problems: try c.decode(Int.self, forKey: .problems), samples: try c.decode(Int.self, forKey: .samples),
            seed: try c.decode(UInt64.self, forKey: .seed), maxTokens: try c.decode(Int.self, forKey: .maxTokens),
            sampling: sampling, stop: try c.decodeIfPresent([String].self, forKey: .stop) ?? [],
            promptStyle: try c.decode(String.self, forKey: .promptStyle), chat: try c.decode(Bool.self, forKey: .chat),
            model: try c.decode(String.self, forKey: .model),
            strategies: try c.decodeIfPresent([StrategySpec].self, forKey: .strategies) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(task, forKey: .task)
        try c.encodeIfPresent(taskVersion, forKey: .taskVersion)
        try c.encode(difficulty, forKey: .difficulty)
        try c.encode(problems, forKey: .problems)
        try c.encode(samples, forKey: .samples)
        try c.encode(seed, forKey: .seed)
        try c.encode(maxTokens, forKey: .maxTokens)
        try c.encode(sampling, forKey: .sampling)
        try c.encode(stop, forKey: .stop)
        try c.encode(promptStyle, forKey: .promptStyle)
        try c.encode(chat, forKey: .chat)
        try c.encode(model, forKey: .model)
        try c.encode(strategies, forKey: .strategies)
    }
}
