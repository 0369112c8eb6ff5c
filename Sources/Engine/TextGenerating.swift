/// Anything that turns a request into text: the local engine today, a remote OpenAI-compatible server later.
public protocol TextGenerating: Sendable {
    /// Generates one completion. `onText` receives the visible text as it is produced (complete characters only).
    func generate(_ request: GenerationRequest, onText: @Sendable (String) -> Void) throws(EngineError) -> GenerationResult
}
