import Analysis
import Model

/// How strategies charge their samples: the model's compute shape (optional) and whether samples share one prompt
/// prefill.
///
/// For samples with prompt length p and charged lengths g₁…gₛ (F(t) is `CostModel.forwardFLOPs(context: t)`):
/// - shared prompt (the local engine): prompt tokens = p; FLOPs = Σ_{t≤p} F(t) + Σᵢ Σ_{p<t≤p+gᵢ} F(t);
///   KV bytes = bytes(p + Σ gᵢ) (one prompt copy plus every sample's own tokens);
/// - unshared (a remote server billing each request): prompt tokens = s·p; FLOPs = Σᵢ Σ_{t≤p+gᵢ} F(t);
///   KV bytes = Σᵢ bytes(p + gᵢ).
public struct CostContext: Sendable, Equatable {
    /// FLOPs and KV-bytes model; `nil` charges tokens only (FLOPs and bytes are 0).
    public var costModel: CostModel?
    /// Whether samples of one problem share one prompt prefill and its KV cache.
    public var sharesPrompt: Bool

    public init(costModel: CostModel? = nil, sharesPrompt: Bool = true) {
        self.costModel = costModel
        self.sharesPrompt = sharesPrompt
    }

    /// Tokens only, shared prompt.
    public static let tokensOnly = CostContext()

    /// A context for a loaded model: P = its parameter count (the embedding lookup counted as a product, a slight
    /// overestimate), d_attn = embedding length, d_kv = its KV width, `bytesPerKVElement` (4 for an fp32 cache).
    /// - Throws: ``ReasoningError/invalidConfiguration(field:value:requirement:)`` for a degenerate shape.
    public init(shape: ModelShape, bytesPerKVElement: Double = 4, sharesPrompt: Bool = true) throws(ReasoningError) {
        do {
            let model = try CostModel(
                matmulParameters: shape.parameterCount, layers: shape.layers, attentionDim: shape.embeddingLength,
                kvDim: shape.kvDimension, bytesPerKVElement: bytesPerKVElement)
            self.init(costModel: model, sharesPrompt: sharesPrompt)
        } catch {
            throw .invalidConfiguration(field: "model shape", value: "\(shape)", requirement: "positive sizes (\(error))")
        }
    }

    /// One sample's charge: its prompt length and the tokens generated up to where it stopped.
    public struct Charge: Sendable, Equatable {
        public var promptTokens: Int
        public var generatedTokens: Int
        public init(promptTokens: Int, generatedTokens: Int) {
            self.promptTokens = promptTokens
            self.generatedTokens = generatedTokens
        }
    }

    /// The outcome for `answerKey`/`correct` charged for `charges` (one per sample started).
    public func outcome(answerKey: String?, correct: Bool, charges: [Charge]) -> StrategyOutcome {
        let generated = charges.reduce(0) { $0 + $1.generatedTokens }
        let prompt = charges.map(\.promptTokens).max() ?? 0
        let promptTokens = sharesPrompt ? prompt : charges.reduce(0) { $0 + $1.promptTokens }
        var flops = 0.0, bytes = 0.0
        if let model = costModel {
            if sharesPrompt {
                let prefill = model.sequenceFLOPs(prompt: prompt, generated: 0)
                flops = charges.isEmpty ? 0 : prefill
                for charge in charges {
                    flops += model.sequenceFLOPs(prompt: prompt, generated: charge.generatedTokens) - prefill
                }
                bytes = charges.isEmpty ? 0 : model.kvCacheBytes(tokens: prompt + generated)
            } else {
                for charge in charges {
                    flops += model.sequenceFLOPs(prompt: charge.promptTokens, generated: charge.generatedTokens)
                    bytes += model.kvCacheBytes(tokens: charge.promptTokens + charge.generatedTokens)
                }
            }
        }
        return StrategyOutcome(
            answerKey: answerKey, correct: correct, samplesUsed: charges.count, promptTokens: promptTokens,
            generatedTokens: generated, flops: flops, kvCacheBytes: bytes)
    }

    /// The outcome charging each of `samples` in full.
    public func outcome(answerKey: String?, correct: Bool, samples: some Collection<SampleRecord>) -> StrategyOutcome {
        outcome(answerKey: answerKey, correct: correct, charges: samples.map(\.charge))
    }
}

extension SampleRecord {
    /// This sample charged in full.
    public var charge: CostContext.Charge {
        CostContext.Charge(promptTokens: promptTokens, generatedTokens: generatedTokens)
    }
}
