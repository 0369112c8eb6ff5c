import Engine

extension ServeHandler {
    /// Whether the live batch reuses cached prompt prefixes (then `usage` reports `prompt_tokens_details`).
    var hasPrefixCache: Bool { (live as? LiveBatch)?.prefixCache != nil }

    /// The `usage` of a request run in `session`: its prompt tokens (each prompt once), `completionTokens`, and,
    /// with a prefix cache, the prompt tokens the session took from it (`prompt_tokens_details.cached_tokens`).
    func usage(_ prepared: PreparedGeneration, completionTokens: Int, session: any LiveSession) -> Usage {
        Usage(promptTokens: prepared.promptTokenCount, completionTokens: completionTokens,
              cachedTokens: hasPrefixCache ? session.usage.cachedPromptTokens : nil)
    }
}
