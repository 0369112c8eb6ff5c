import Foundation

/// The sampler chain: repetition penalty → temperature → top-k → top-p → min-p → seeded draw.
///
/// A `Sampler` owns its random stream, so two samplers built from the same parameters produce the same tokens
/// from the same logits. It is a value type: copy it to fork a stream.
public struct Sampler: Sendable {
    public let parameters: SamplingParameters
    private var generator: SeededGenerator

    public init(_ parameters: SamplingParameters) throws(SamplingError) {
        self.parameters = try parameters.validated()
        generator = SeededGenerator(seed: parameters.seed)
    }

    /// Picks the next token id.
    /// - Parameters:
    ///   - logits: one raw logit per vocabulary entry.
    ///   - history: the tokens seen so far (prompt and generated); only the last `penaltyWindow` are penalised.
    public mutating func sample(logits: [Float], history: [Int] = []) throws(SamplingError) -> Int {
        var working = logits
        if parameters.repetitionPenalty != 1, parameters.penaltyWindow > 0 {
            SamplerStages.applyRepetitionPenalty(
                &working, recent: history.suffix(parameters.penaltyWindow), penalty: Float(parameters.repetitionPenalty))
        }
        if parameters.isGreedy {
            guard let best = SamplerStages.argmax(working) else { throw .noFiniteLogits(count: logits.count) }
            return best
        }
        let inverseTemperature = Float(1 / parameters.temperature)
        for i in working.indices { working[i] *= inverseTemperature }

        var candidates: [TokenCandidate]
        if parameters.topK > 0 {
            candidates = SamplerStages.topK(working, k: parameters.topK)
        } else {
            // Min-p keeps a prefix defined by a logit threshold, so it can be applied first without changing the result:
            // the surviving set is the intersection of prefixes. It makes the full sort much cheaper.
            var threshold = -Float.infinity
            if parameters.minP > 0, let best = SamplerStages.argmax(working) {
                threshold = working[best] + Float(log(parameters.minP))
            }
            candidates = SamplerStages.sortedCandidates(working, minimumLogit: threshold)
        }
        guard !candidates.isEmpty else { throw .noFiniteLogits(count: logits.count) }
        candidates = SamplerStages.topP(candidates, p: parameters.topP)
        candidates = SamplerStages.minP(candidates, minP: parameters.minP)
        return SamplerStages.draw(candidates, uniform: generator.nextUnit())
    }
}
