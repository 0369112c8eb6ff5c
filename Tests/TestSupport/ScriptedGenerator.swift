import Engine
import Random
import Synchronization

/// A test double for ``TextGenerating``: answers each prompt from a scripted answer distribution, choosing one
/// answer per seed deterministically, so tests know the exact text, length and log-probability of every sample
/// without a model.
///
/// For a seed s the answer index is the first i with u · W < w₀ + … + wᵢ, where W is the total weight and
/// u = (splitmix64(s) >> 11) · 2⁻⁵³ ∈ [0, 1) with splitmix64 the SplitMix64 output for state s + 0x9E3779B97F4A7C15
/// (see ``choose(seed:weights:)``). Every call is appended to ``log``.
public struct ScriptedGenerator: TextGenerating {
    /// One scripted response and its probability weight.
    public struct Answer: Sendable, Equatable {
        /// The full response text.
        public var text: String
        /// Relative weight (> 0 to be chosen at all).
        public var weight: Double
        /// Generated tokens reported.
        public var generatedTokens: Int
        /// Mean token log-probability reported (every token gets this log-probability).
        public var meanLogProbability: Double
        public var finishReason: FinishReason

        public init(
            _ text: String, weight: Double = 1, generatedTokens: Int = 10, meanLogProbability: Double = -0.5,
            finishReason: FinishReason = .endOfSequence
        ) {
            self.text = text
            self.weight = weight
            self.generatedTokens = generatedTokens
            self.meanLogProbability = meanLogProbability
            self.finishReason = finishReason
        }
    }

    /// A thread-safe record of the calls made.
    public final class CallLog: Sendable {
        /// One `generate` call: the prompt text and the seeds asked for.
        public struct Call: Sendable, Equatable {
            public var prompt: String
            public var seeds: [UInt64]
        }

        private let storage = Mutex<[Call]>([])

        public init() {}

        public var calls: [Call] { storage.withLock { $0 } }

        func append(_ call: Call) { storage.withLock { $0.append(call) } }
    }

    public let modelIdentifier: String
    /// Prompt tokens reported for every sample.
    public let promptTokens: Int
    /// Calls made so far (shared by copies of this value).
    public let log: CallLog
    private let script: @Sendable (String) -> [Answer]

    /// - Parameter script: the answer distribution for a prompt text (for chat prompts, the last message's
    ///   content). An empty distribution yields an empty response.
    public init(
        modelIdentifier: String = "scripted", promptTokens: Int = 16, script: @escaping @Sendable (String) -> [Answer]
    ) {
        self.modelIdentifier = modelIdentifier
        self.promptTokens = promptTokens
        self.script = script
        self.log = CallLog()
    }

    /// Answers looked up by exact prompt text; other prompts get `fallback`.
    public init(
        modelIdentifier: String = "scripted", promptTokens: Int = 16, answersByPrompt: [String: [Answer]],
        fallback: [Answer] = []
    ) {
        self.init(modelIdentifier: modelIdentifier, promptTokens: promptTokens) { answersByPrompt[$0] ?? fallback }
    }

    /// The index chosen for `seed` among `weights` (see the type's documentation); `nil` when no weight is > 0.
    public static func choose(seed: UInt64, weights: [Double]) -> Int? {
        let total = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0 else { return nil }
        let u = Double(SeedDerivation.firstOutput(seed) >> 11) * 0x1p-53
        let target = u * total
        var cumulative = 0.0
        var lastPositive: Int?
        for (index, weight) in weights.enumerated() where weight > 0 {
            cumulative += weight
            lastPositive = index
            if target < cumulative { return index }
        }
        return lastPositive
    }

    /// The text a prompt is looked up by.
    public static func promptText(_ prompt: Prompt) -> String {
        switch prompt {
        case let .text(text): text
        case let .chat(messages): messages.last?.content ?? ""
        case let .tokens(tokens): tokens.map(String.init).joined(separator: " ")
        }
    }

    public func generate(_ request: GenerationRequest, seeds: [UInt64]) async throws(EngineError) -> [GenerationResult] {
        log.append(CallLog.Call(prompt: Self.promptText(request.prompt), seeds: seeds))
        return seeds.map { result(for: request, seed: $0) }
    }

    /// The result `generate` gives for `request` and one seed (nothing is logged).
    public func result(for request: GenerationRequest, seed: UInt64) -> GenerationResult {
        let answers = script(Self.promptText(request.prompt))
        guard let index = Self.choose(seed: seed, weights: answers.map(\.weight)) else {
            return GenerationResult(
                promptTokens: [], promptTokenCount: promptTokens, tokens: [], generatedTokenCount: 0, text: "",
                finishReason: .endOfSequence, tokenLogProbabilities: [])
        }
        let answer = answers[index]
        let count = min(answer.generatedTokens, request.maxTokens)
        return GenerationResult(
            promptTokens: [], promptTokenCount: promptTokens, tokens: [], generatedTokenCount: count,
            text: answer.text, finishReason: count < answer.generatedTokens ? .length : answer.finishReason,
            tokenLogProbabilities: [Double](repeating: answer.meanLogProbability, count: count))
    }
}
