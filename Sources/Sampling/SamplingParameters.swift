/// What a user asks of the sampler, validated once and then immutable.
///
/// The stages run in a fixed order, as a chain: repetition penalty → temperature → top-k → top-p → min-p → draw.
/// A temperature of 0 means greedy decoding (argmax), whatever the other settings say.
public struct SamplingParameters: Sendable, Equatable, Codable {
    /// Softmax temperature; 0 selects greedy decoding. Must be finite and ≥ 0.
    public var temperature: Double
    /// Keep only the `topK` most likely tokens; 0 disables the stage.
    public var topK: Int
    /// Nucleus sampling: keep the smallest set of tokens whose probability mass reaches `topP`; 1 disables it. In (0, 1].
    public var topP: Double
    /// Drop tokens whose probability is below `minP` × the top token's probability; 0 disables it. In [0, 1).
    public var minP: Double
    /// CTRL-style penalty applied to tokens seen in the last `penaltyWindow` tokens (positive logits divided by it,
    /// negative ones multiplied); 1 disables it. Must be > 0.
    public var repetitionPenalty: Double
    /// How many of the most recent tokens the repetition penalty looks at (≥ 0).
    public var penaltyWindow: Int
    /// Seed of the sampler's random stream: the same seed, model and prompt give the same text.
    public var seed: UInt64

    public init(temperature: Double = 0.8, topK: Int = 40, topP: Double = 0.95, minP: Double = 0.05,
                repetitionPenalty: Double = 1.0, penaltyWindow: Int = 64, seed: UInt64 = 0) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.minP = minP
        self.repetitionPenalty = repetitionPenalty
        self.penaltyWindow = penaltyWindow
        self.seed = seed
    }

    /// Greedy decoding: always the most likely token.
    public static let greedy = SamplingParameters(temperature: 0, topK: 0, topP: 1, minP: 0)

    /// Whether this configuration always picks the argmax.
    public var isGreedy: Bool { temperature == 0 }

    /// Checks every field's range; returns `self` so it can be chained.
    public func validated() throws(SamplingError) -> SamplingParameters {
        guard temperature.isFinite, temperature >= 0 else {
            throw .outOfRange(name: "temperature", value: "\(temperature)", expected: "a finite number ≥ 0 (0 = greedy)")
        }
        guard topK >= 0 else { throw .outOfRange(name: "top-k", value: "\(topK)", expected: "an integer ≥ 0 (0 = off)") }
        guard topP > 0, topP <= 1 else { throw .outOfRange(name: "top-p", value: "\(topP)", expected: "a number in (0, 1] (1 = off)") }
        guard minP >= 0, minP < 1 else { throw .outOfRange(name: "min-p", value: "\(minP)", expected: "a number in [0, 1) (0 = off)") }
        guard repetitionPenalty.isFinite, repetitionPenalty > 0 else {
            throw .outOfRange(name: "repetition-penalty", value: "\(repetitionPenalty)", expected: "a number > 0 (1 = off)")
        }
        guard penaltyWindow >= 0 else {
            throw .outOfRange(name: "penalty-window", value: "\(penaltyWindow)", expected: "an integer ≥ 0")
        }
        return self
    }
}
