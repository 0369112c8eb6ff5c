import Engine
import Sampling
import Synchronization

/// How one choice ended.
public struct ChoiceOutcome: Sendable, Equatable {
    /// `prompt_index * n + j`.
    public var index: Int
    public var text: String
    /// OpenAI's `stop` or `length`.
    public var finishReason: String
    public var completionTokens: Int
    /// Per generated token, its log-probabilities (when the request asked for them), in order.
    public var logprobs: [TokenLogProbabilities]?
}

/// What a running request reports as it goes (streaming).
public enum ChoiceEvent: Sendable, Equatable {
    /// Visible text of a choice, in order.
    case text(choice: Int, String)
    /// The log-probabilities of a choice's next token (requests with logprobs), sent before the text it made visible.
    case logprobs(choice: Int, TokenLogProbabilities)
    /// A choice ended; `remainder` is text of its result not yet sent as `.text` (normally empty).
    case finished(ChoiceOutcome, remainder: String)
}

/// Runs a ``PreparedGeneration`` in one live session: each prompt is added once, its `n` choices start from it
/// (sharing its keys and values) with their ``ChoiceSeeds``, and the session advances until every choice ended.
public enum ChoiceRunner {
    /// OpenAI's finish reason for an engine one.
    public static func finishReason(_ reason: FinishReason) -> String {
        switch reason {
        case .endOfSequence, .stop: return "stop"
        case .length, .stopped: return "length"
        }
    }

    /// Runs every choice to its end; `onEvent` is called on the engine's thread (keep it short). Returns the
    /// outcomes by choice index. Closing `session` from elsewhere ends the run early (choices not finished are
    /// missing from the result).
    public static func run(_ prepared: PreparedGeneration, in session: any LiveSession,
                           onEvent: @escaping @Sendable (ChoiceEvent) -> Void = { _ in }) async throws(EngineError)
    -> [ChoiceOutcome] {
        var choiceOf: [LiveSequenceID: Int] = [:]
        for (promptIndex, tokens) in prepared.prompts.enumerated() {
            var request = prepared.request
            request.prompt = .tokens(tokens)
            let prompt = try await session.addPrompt(request)
            for j in 0..<prepared.n {
                let index = promptIndex * prepared.n + j
                let id = try session.start(prompt, seed: ChoiceSeeds.seed(request: prepared.seed, choice: index))
                choiceOf[id] = index
            }
        }
        let lookup = choiceOf
        let streamed = Mutex<[Int: String]>([:])
        let onToken: @Sendable (LiveSequenceID, String) -> Void = { id, piece in
            guard let index = lookup[id], !piece.isEmpty else { return }
            streamed.withLock { $0[index, default: ""] += piece }
            onEvent(.text(choice: index, piece))
        }
        let wantsLogprobs = prepared.request.topLogProbabilities != nil
        let logprobs = Mutex<[Int: [TokenLogProbabilities]]>([:])
        let onLogProbabilities: @Sendable (LiveSequenceID, TokenLogProbabilities) -> Void = { id, entry in
            guard let index = lookup[id] else { return }
            logprobs.withLock { $0[index, default: []].append(entry) }
            onEvent(.logprobs(choice: index, entry))
        }
        var outcomes: [ChoiceOutcome] = []
        while !session.liveSequences.isEmpty {
            let finishes = try await session.advance(until: .anyFinished, onToken: onToken,
                                                     onLogProbabilities: onLogProbabilities)
            if finishes.isEmpty { break }  // the session was closed meanwhile
            for finish in finishes {
                guard let index = lookup[finish.sequence] else { continue }
                let outcome = ChoiceOutcome(index: index, text: finish.result.text,
                                            finishReason: finishReason(finish.result.finishReason),
                                            completionTokens: finish.result.generatedTokenCount,
                                            logprobs: wantsLogprobs ? logprobs.withLock { $0[index] ?? [] } : nil)
                let sent = streamed.withLock { $0[index] ?? "" }
                let remainder = outcome.text.hasPrefix(sent) ? String(outcome.text.dropFirst(sent.count)) : ""
                outcomes.append(outcome)
                onEvent(.finished(outcome, remainder: remainder))
            }
        }
        return outcomes.sorted { $0.index < $1.index }
    }
}
