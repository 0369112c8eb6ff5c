import Engine
extension FinishReason {
    /// Maps a server's `finish_reason` (and vLLM's `stop_reason`) to ours.
    ///
    /// - `"length"` (also `"max_tokens"`, `"model_length"`) → `.length`.
    /// - `"stop"` (also `"stop_sequence"`) → `.stop` when a stop string matched, `.endOfSequence` when the model
    ///   ended the text. vLLM says which through `stop_reason`; when a server does not (llama.cpp), it is
    ///   `.endOfSequence` if the request had no stop strings, otherwise `.stop` (a guess: the text is the same).
    /// - `"eos"`, `"eos_token"`, `"end_turn"` and anything else (such as `"content_filter"`) → `.endOfSequence`:
    ///   generation ended before the limit for a reason other than a stop string.
    init(remote finishReason: String, stopReason: RemoteStopReason, requestedStops: [String]) {
        switch finishReason {
        case "length", "max_tokens", "model_length":
            self = .length
        case "stop", "stop_sequence":
            switch stopReason {
            case .text: self = .stop
            case .token, .null: self = .endOfSequence
            case .absent: self = requestedStops.isEmpty ? .endOfSequence : .stop
            }
        default:
            self = .endOfSequence
        }
    }
}
