import Sampling

/// Writes the engine's per-token ``TokenLogProbabilities`` in OpenAI's two shapes, with token text from the
/// tokenizer's bytes.
struct LogprobsFormatter: Sendable {
    /// The bytes a token stands for.
    let tokenBytes: @Sendable (Int) -> [UInt8]

    /// Chat's `logprobs.content` entries.
    func chat(_ entries: [TokenLogProbabilities]) -> ChatLogprobs {
        ChatLogprobs(content: entries.map { entry in
            let bytes = tokenBytes(entry.chosen.token)
            return ChatTokenLogprob(
                token: String(decoding: bytes, as: UTF8.self), logprob: Logprobs.clamped(entry.chosen.logProbability),
                bytes: bytes, topLogprobs: entry.top.map { alternative in
                    let bytes = tokenBytes(alternative.token)
                    return .init(token: String(decoding: bytes, as: UTF8.self),
                                 logprob: Logprobs.clamped(alternative.logProbability), bytes: bytes)
                })
        })
    }

    /// The legacy completions arrays for `entries`; `offset` is the text offset of the first entry (Unicode
    /// scalars of the choice's tokens before it) and is moved past the last.
    func completion(_ entries: [TokenLogProbabilities], offset: inout Int) -> CompletionLogprobs {
        var result = CompletionLogprobs()
        for entry in entries {
            let bytes = tokenBytes(entry.chosen.token)
            let text = String(decoding: bytes, as: UTF8.self)
            result.tokens.append(text)
            result.tokenLogprobs.append(Logprobs.clamped(entry.chosen.logProbability))
            var top: [String: Double] = [:]
            for alternative in entry.top + [entry.chosen] {
                let key = String(decoding: tokenBytes(alternative.token), as: UTF8.self)
                let value = Logprobs.clamped(alternative.logProbability)
                top[key] = max(top[key] ?? -.infinity, value)
            }
            result.topLogprobs.append(top)
            result.textOffset.append(offset)
            // Scalars start at every byte that is not a UTF-8 continuation byte.
            offset += bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        return result
    }
}
