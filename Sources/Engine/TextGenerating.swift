/// Anything that turns a request into samples: the local engine, or a remote OpenAI-compatible server.
///
/// Implementations are safe to call from several tasks at once (the local engine serialises its work).
public protocol TextGenerating: Sendable {
    /// A stable description of the model behind this generator, recorded with every run (for the local engine:
    /// the GGUF file name and its size; for a remote server: its URL and model name).
    var modelIdentifier: String { get }

    /// Generates one sample per seed for the same prompt: sample `i` uses `request.sampling` with its seed replaced
    /// by `seeds[i]`, so any subset of samples can be regenerated identically (resuming an interrupted run).
    /// The local engine processes the prompt once and shares it between the samples.
    func generate(_ request: GenerationRequest, seeds: [UInt64]) async throws(EngineError) -> [GenerationResult]
}
