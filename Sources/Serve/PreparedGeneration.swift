import Engine
import Sampling

/// A request checked and tokenized, ready for the live batch: everything that can be refused was refused before
/// any model work.
public struct PreparedGeneration: Sendable, Equatable {
    /// Token ids of each prompt (one for chat).
    public var prompts: [[Int]]
    /// Limits, stop strings and sampling settings shared by every choice (its prompt is replaced per prompt, its
    /// seed per choice).
    public var request: GenerationRequest
    /// Choices per prompt.
    public var n: Int
    /// The request's seed (the client's, or a random one); choice seeds derive from it (``ChoiceSeeds``).
    public var seed: UInt64
    public var stream: Bool
    public var includeUsage: Bool
    /// Reckon's reasoning extension: each prompt is answered by an online strategy over its samples instead of
    /// `n` independent choices (`n` is then 1). Nil for an ordinary request.
    public var reasoning: PreparedReasoning? = nil

    /// Choices in all: `n` per prompt.
    public var choiceCount: Int { prompts.count * n }
    /// Sequences the request may have live at once (the admission gate counts these): its choices, or the
    /// strategy's samples (prompts run one after another).
    public var admittedSequences: Int { reasoning?.liveSequences ?? choiceCount }
    /// Prompt tokens, each prompt counted once.
    public var promptTokenCount: Int { prompts.reduce(0) { $0 + $1.count } }

    /// Most KV pages of `positionsPerPage` positions the request can hold at once in the live batch: each prompt's
    /// pages, plus per choice the pages its own tokens fill and a copy of its prompt's partly filled last page. With
    /// the reasoning extension, ⌈``admittedSequences`` / prompts⌉ choices per prompt (as ``RequestPreparer`` checks).
    public func worstCasePages(positionsPerPage perPage: Int) -> Int {
        let maxTokens = request.maxTokens
        let perPrompt = reasoning.map { ($0.liveSequences + prompts.count - 1) / max(1, prompts.count) } ?? n
        return prompts.reduce(0) { total, prompt in
            total + (prompt.count + perPage - 1) / perPage + perPrompt * ((maxTokens + perPage - 1) / perPage + 1)
        }
    }
}

/// What a ``RequestPreparer`` needs to know of the engine.
public struct EngineLimits: Sendable {
    /// Positions a sequence may hold (prompt plus generated tokens).
    public var contextLength: Int
    /// Token ids are in `0..<vocabularySize`.
    public var vocabularySize: Int
    /// Positions per KV page and pages in the whole pool (nil: no limit).
    public var positionsPerPage: Int
    public var pageLimit: Int?

    public init(contextLength: Int, vocabularySize: Int, positionsPerPage: Int, pageLimit: Int?) {
        self.contextLength = contextLength
        self.vocabularySize = vocabularySize
        self.positionsPerPage = positionsPerPage
        self.pageLimit = pageLimit
    }
}
