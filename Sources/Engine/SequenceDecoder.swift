import Sampling
import Tokenizer

/// The per-sequence side of generation: turns each step's logits into the next token, tracks stop strings,
/// streamed text, log-probabilities and why the sequence ended. Holds no model state (the KV cache lives apart),
/// so many decoders can share one batched forward pass.
struct SequenceDecoder {
    private var sampler: Sampler
    private let maxTokens: Int
    private let endTokens: Set<Int>
    /// End tokens masked out before sampling (`ignoreEndOfSequence`), else empty.
    private let maskedTokens: [Int]
    private var detokenizer: StreamingDetokenizer
    private var stops: StopStringMatcher
    private var history: [Int]
    private let promptTokens: [Int]
    private(set) var generated: [Int] = []
    private var logProbabilities: [Double] = []
    /// Alternatives reported per generated token (nil: none, and no callback).
    private let topLogProbabilities: Int?
    /// Set once the sequence has ended.
    private(set) var finish: FinishReason?

    init(request: GenerationRequest, seed: UInt64, promptTokens: [Int], tokenizer: Tokenizer) throws(EngineError) {
        var parameters = request.sampling
        parameters.seed = seed
        do { sampler = try Sampler(parameters) } catch { throw .sampling(error) }
        maxTokens = request.maxTokens
        topLogProbabilities = request.topLogProbabilities.map { max(0, $0) }
        endTokens = Set(tokenizer.endOfTurnIDs)
        maskedTokens = request.ignoreEndOfSequence ? endTokens.sorted() : []
        detokenizer = StreamingDetokenizer(tokenizer: tokenizer)
        stops = StopStringMatcher(stops: request.stop)
        history = promptTokens
        self.promptTokens = promptTokens
        if maxTokens == 0 { finish = .length }
    }

    /// Consumes the logits of the latest position: samples a token, streams its visible text to `onText`, and
    /// returns the token to feed next, or nil when the sequence has ended (`canContinue` false means no room is
    /// left in the context window). When the request asked for log-probabilities, each kept token's
    /// ``TokenLogProbabilities`` go to `onLogProbabilities` before its text goes to `onText`.
    mutating func step(logits: [Float], canContinue: Bool, onText: (String) -> Void,
                       onLogProbabilities: (TokenLogProbabilities) -> Void = { _ in }) throws(EngineError) -> Int? {
        guard finish == nil else { return nil }
        let next: Int
        var candidates = logits
        for token in maskedTokens where candidates.indices.contains(token) { candidates[token] = -.infinity }
        do { next = try sampler.sample(logits: candidates, history: history) } catch { throw .sampling(error) }
        if endTokens.contains(next) {
            end(.endOfSequence, onText: onText)
            return nil
        }
        generated.append(next)
        history.append(next)
        if let k = topLogProbabilities {
            let reported = TokenLogProbabilities.of(next, top: k, logits: logits)
            logProbabilities.append(reported.chosen.logProbability)
            onLogProbabilities(reported)
        } else {
            logProbabilities.append(LogProbability.of(next, logits: logits))
        }
        let (visible, stopped) = stops.append(detokenizer.append(next))
        if !visible.isEmpty { onText(visible) }
        if stopped {
            finish = .stop
            return nil
        }
        guard generated.count < maxTokens, canContinue else {
            end(.length, onText: onText)
            return nil
        }
        return next
    }

    /// Ends the sequence, flushing held-back text (unless a stop string already ended it).
    private mutating func end(_ reason: FinishReason, onText: (String) -> Void) {
        var reason = reason
        let (visible, stopped) = stops.append(detokenizer.flush())
        if stopped { reason = .stop }
        let rest = visible + (stopped ? "" : stops.flush())
        if !rest.isEmpty { onText(rest) }
        finish = reason
    }

    /// A decoder continuing from this one's exact state (tokens, history, stop matcher, held-back text) whose
    /// sampler starts afresh from `seed` (same settings), for a forked sequence.
    func forked(seed: UInt64) throws(EngineError) -> SequenceDecoder {
        var child = self
        var parameters = sampler.parameters
        parameters.seed = seed
        do { child.sampler = try Sampler(parameters) } catch { throw .sampling(error) }
        return child
    }

    /// Ends a live sequence at its owner's request (finish reason `.stopped`), flushing held-back text the way a
    /// natural end does (a stop string it completes still cuts the text), and returns its result.
    mutating func stopped() -> GenerationResult {
        if finish == nil {
            end(.length, onText: { _ in })
            finish = .stopped
        }
        return result()
    }

    /// Ends a sequence that never sampled (maxTokens == 0) or was cut off, and returns its result.
    mutating func result() -> GenerationResult {
        if finish == nil { end(.length, onText: { _ in }) }
        return GenerationResult(promptTokens: promptTokens, tokens: generated, text: stops.text,
                                finishReason: finish ?? .length, tokenLogProbabilities: logProbabilities)
    }
}
