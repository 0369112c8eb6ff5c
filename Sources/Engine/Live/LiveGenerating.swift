import Sampling

/// A generator whose sequences are started, forked and stopped between decoding steps, so that a strategy spends
/// only the compute it decides to spend (issue 11). The local engine's live batch implements it; so does a scripted
/// test double. The OpenAI-compatible server sits on the same interface (one session per request).
///
/// Contract every implementation keeps:
/// - **Determinism.** A sequence started from prompt `p` with seed `s` produces exactly the tokens, text and
///   log-probabilities that `TextGenerating.generate(p, seeds: [s])` produces, whatever else runs beside it
///   (decoding is batch-invariant), and however the owner interleaves `advance` calls.
/// - **Lockstep within a session.** One `advance` step gives every live sequence of the session exactly one
///   sampling decision (a token, or its end). Sequences of a session never advance while its owner is not inside
///   `advance`, so the owner decides between steps and a stop takes effect before the next token.
/// - **Compute off the cooperative pool.** Model work runs on the implementation's own threads; `advance` and
///   `addPrompt` suspend, never block, the calling task.
public protocol LiveGenerating: Sendable {
    /// The same description `TextGenerating.modelIdentifier` gives for this model.
    var modelIdentifier: String { get }

    /// A new, empty session.
    func makeSession() -> any LiveSession
}

/// One owner's group of sequences in a live batch (one problem, one strategy, or one server request).
///
/// A session is driven by one task at a time. Closing it (or releasing it) stops its sequences and frees their
/// KV pages.
public protocol LiveSession: AnyObject, Sendable {
    /// Processes `request.prompt` once (one prefill) and keeps its keys and values, shared by every sequence
    /// started from it. `request` also fixes the sequences' limits, stop strings and sampling settings (each
    /// sequence replaces `request.sampling.seed` with its own seed).
    func addPrompt(_ request: GenerationRequest) async throws(EngineError) -> LivePromptID

    /// Starts a sequence from a processed prompt; it samples its first token at the next `advance` step.
    func start(_ prompt: LivePromptID, seed: UInt64) throws(EngineError) -> LiveSequenceID

    /// A child that continues from `parent`'s exact current state (its tokens so far; keys and values shared, not
    /// copied) and samples with its own `seed` from its next token on. The parent continues unchanged. The child's
    /// result (when it finishes or is stopped) lists the parent's tokens up to the fork, then its own.
    func fork(_ parent: LiveSequenceID, seed: UInt64) throws(EngineError) -> LiveSequenceID

    /// Stops a live sequence now, frees its KV pages, and returns what it generated so far (finish reason
    /// `.stopped`; `nil` when the sequence had already finished or is unknown).
    @discardableResult
    func stop(_ sequence: LiveSequenceID) -> GenerationResult?

    /// Runs steps for this session's live sequences until `condition` holds (or none is live) and returns the
    /// sequences that finished, in the order they finished (same step: by sequence id). `onToken` is called, on the
    /// engine's thread, for each visible piece of text as it is produced (streaming); keep it short.
    func advance(until condition: LiveAdvanceCondition,
                 onToken: @escaping @Sendable (LiveSequenceID, String) -> Void) async throws(EngineError) -> [LiveFinish]

    /// `advance(until:onToken:)` that also reports, for the sequences whose prompt's request set
    /// `topLogProbabilities`, each kept token's ``TokenLogProbabilities`` to `onLogProbabilities` (on the engine's
    /// thread, before that token's text goes to `onToken`). Reported values are part of the determinism contract:
    /// the same alone or beside other sequences. An implementation that cannot report them (a scripted double)
    /// leaves this default, which reports nothing.
    func advance(until condition: LiveAdvanceCondition,
                 onToken: @escaping @Sendable (LiveSequenceID, String) -> Void,
                 onLogProbabilities: @escaping @Sendable (LiveSequenceID, TokenLogProbabilities) -> Void)
    async throws(EngineError) -> [LiveFinish]

    /// The sequences of this session still generating.
    var liveSequences: [LiveSequenceID] { get }

    /// What this session has really used so far.
    var usage: LiveUsage { get }

    /// Stops every live sequence and frees the session's KV pages (prompts included). Idempotent.
    func close()
}

extension LiveSession {
    public func advance(until condition: LiveAdvanceCondition,
                        onToken: @escaping @Sendable (LiveSequenceID, String) -> Void,
                        onLogProbabilities: @escaping @Sendable (LiveSequenceID, TokenLogProbabilities) -> Void)
    async throws(EngineError) -> [LiveFinish] {
        try await advance(until: condition, onToken: onToken)
    }

    /// `advance(until:onToken:)` without streaming.
    public func advance(until condition: LiveAdvanceCondition) async throws(EngineError) -> [LiveFinish] {
        try await advance(until: condition, onToken: { _, _ in })
    }
}

/// A processed prompt of a session.
public struct LivePromptID: Hashable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// A sequence of a session; ids increase in the order sequences were started or forked.
public struct LiveSequenceID: Hashable, Comparable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// When `advance` returns.
public enum LiveAdvanceCondition: Sendable, Equatable {
    /// After the first step in which at least one sequence finished.
    case anyFinished
    /// When no sequence of the session is live.
    case allFinished
    /// After this many steps (≥ 1).
    case steps(Int)
}

/// A sequence that ended by itself (end of sequence, stop string, length or context end) during `advance`.
public struct LiveFinish: Sendable, Equatable {
    public var sequence: LiveSequenceID
    public var result: GenerationResult
    public init(sequence: LiveSequenceID, result: GenerationResult) {
        self.sequence = sequence
        self.result = result
    }
}

/// Compute a session really used (measured, not estimated).
public struct LiveUsage: Sendable, Equatable, Codable {
    /// Prompt tokens prefilled (each distinct prompt once).
    public var promptTokens: Int = 0
    /// Of ``promptTokens``, those whose keys and values came from the batch's prefix cache instead of being
    /// computed (OpenAI's `cached_tokens`; 0 without a prefix cache).
    public var cachedPromptTokens: Int = 0
    /// Tokens sampled and kept by the session's sequences (stopped sequences count what they generated).
    public var generatedTokens: Int = 0
    /// Batched forward passes the session took part in (each prefill counts one).
    public var forwardPasses: Int = 0
    /// Most KV pages the session held at once (shared pages counted once).
    public var peakPages: Int = 0
    /// KV pages the session holds now.
    public var pagesInUse: Int = 0
    /// Positions per KV page (0 when the implementation has no pages, e.g. a scripted double).
    public var positionsPerPage: Int = 0

    public init() {}
}
