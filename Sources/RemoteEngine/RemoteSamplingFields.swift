import Engine
import Sampling

/// The request fields both endpoints share: limits, sampling settings, stop strings and the seed.
///
/// Encoded into the same JSON object as the endpoint's own fields. Disabled stages are omitted (`top_k` 0,
/// `min_p` 0, `repetition_penalty` 1, no stop strings) so that servers which reject unknown fields still work
/// with default settings.
struct RemoteSamplingFields: Encodable, Equatable {
    var maxTokens: Int
    var temperature: Double
    var topP: Double
    var topK: Int?
    var minP: Double?
    var repetitionPenalty: Double?
    var stop: [String]?
    /// The sample's seed. llama.cpp keeps only its low 32 bits; vLLM uses all 64.
    var seed: UInt64
    /// Choices asked for in this request (OpenAI's `n`); the server derives all of them from `seed`.
    var n: Int = 1

    init(request: GenerationRequest, seed: UInt64) {
        let sampling = request.sampling
        maxTokens = request.maxTokens
        temperature = sampling.temperature
        topP = sampling.topP
        topK = sampling.topK > 0 ? sampling.topK : nil
        minP = sampling.minP > 0 ? sampling.minP : nil
        repetitionPenalty = sampling.repetitionPenalty != 1 ? sampling.repetitionPenalty : nil
        stop = request.stop.isEmpty ? nil : request.stop
        self.seed = seed
    }

    private enum CodingKeys: String, CodingKey {
        case maxTokens = "max_tokens", temperature, topP = "top_p", topK = "top_k", minP = "min_p"
        case repetitionPenalty = "repetition_penalty", stop, seed, n, stream
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxTokens, forKey: .maxTokens)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(topP, forKey: .topP)
        try container.encodeIfPresent(topK, forKey: .topK)
        try container.encodeIfPresent(minP, forKey: .minP)
        try container.encodeIfPresent(repetitionPenalty, forKey: .repetitionPenalty)
        try container.encodeIfPresent(stop, forKey: .stop)
        try container.encode(seed, forKey: .seed)
        try container.encode(n, forKey: .n)
        try container.encode(false, forKey: .stream)
    }
}
