import Engine
import Tasks
import Tokenizer

extension EvalConfiguration {
    /// The request for one problem: the plain or boxed prompt, as text or as one user chat message, with the
    /// configuration's limits and sampling settings (each sample replaces the seed with its own).
    public func request(for instance: TaskInstance) -> GenerationRequest {
        let text = promptStyle == "plain" ? instance.prompt : instance.boxedPrompt
        return GenerationRequest(
            prompt: chat ? .chat([ChatMessage(role: "user", content: text)]) : .text(text),
            maxTokens: maxTokens, sampling: sampling, stop: stop)
    }
}
