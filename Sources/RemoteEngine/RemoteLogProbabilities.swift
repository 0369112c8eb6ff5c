import Engine
/// `choices[].logprobs` in either of the two shapes servers use:
/// - legacy completions: `{"tokens": [...], "token_logprobs": [-0.1, ...], ...}`;
/// - chat (and llama.cpp's completions): `{"content": [{"token": "...", "logprob": -0.1, ...}, ...]}`.
///
/// Values are natural logarithms. vLLM clamps −∞ to −9999.
struct RemoteLogProbabilities: Decodable, Equatable {
    struct Entry: Decodable, Equatable {
        var logprob: Double
    }

    var tokenLogprobs: [Double]?
    var content: [Entry]?

    private enum CodingKeys: String, CodingKey {
        case tokenLogprobs = "token_logprobs", content
    }

    /// One value per generated token, from whichever shape the server sent (`token_logprobs` first).
    var values: [Double] {
        tokenLogprobs ?? content?.map(\.logprob) ?? []
    }
}
