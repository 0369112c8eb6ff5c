import Engine
import Sampling
import Tasks
import Tokenizer

/// A model verifying step-by-step solutions itself: it gets ProcessBench's critic prompt
/// (``StepVerifierPrompt``) and its last `\boxed{}` index is the prediction (nil when unreadable).
public struct SelfStepVerifier: Sendable {
    public let generator: any TextGenerating
    /// Most tokens of the model's review.
    public var maxTokens: Int
    /// Send the prompt as a chat message (else as raw text).
    public var chat: Bool
    /// Decoding settings (greedy by default, as ProcessBench's critics).
    public var sampling: SamplingParameters

    public init(generator: any TextGenerating, maxTokens: Int = 512, chat: Bool = true, sampling: SamplingParameters = .greedy) {
        self.generator = generator
        self.maxTokens = maxTokens
        self.chat = chat
        self.sampling = sampling
    }

    /// One verdict: the predicted earliest wrong step (nil when the reply holds no readable index) and the reply.
    public struct Judgement: Sendable, Equatable {
        public var prediction: Int?
        public var reply: String
    }

    public func judge(_ solution: LabelledSolution) async throws(EngineError) -> Judgement {
        let text = StepVerifierPrompt.text(problem: solution.problem, steps: solution.steps)
        let request = GenerationRequest(
            prompt: chat ? .chat([ChatMessage(role: "user", content: text)]) : .text(text), maxTokens: maxTokens,
            sampling: sampling)
        let reply = try await generator.generate(request, seeds: [sampling.seed]).first?.text ?? ""
        return Judgement(prediction: StepVerifierPrompt.prediction(in: reply, stepCount: solution.steps.count), reply: reply)
    }
}
