import Engine
import Synchronization

/// A test double for ``LiveGenerating`` built on a ``ScriptedGenerator``: a sequence started with seed s plays out,
/// token by token, exactly the result `ScriptedGenerator.generate(request, seeds: [s])` gives (same text, length,
/// log-probabilities and finish reason), honouring the lockstep contract:
///
/// - a sequence whose result has g tokens takes one sampling decision per `advance` step: it holds t tokens after
///   step t ≤ g; it ends at step g when its result ends by a stop string or the length limit, and at step g + 1
///   (one more decision, no token) when it ends by end of sequence (at step 1 at the earliest);
/// - finishes are returned in step order, within a step by sequence id;
/// - `stop` returns what the sequence holds so far: its first t tokens, the proportional prefix of its text
///   (⌊count · t / g⌋ characters), finish `.stopped`; a stopped sequence never takes another step.
///
/// Usage: one prefill (1 forward pass, the prompt's tokens) per `addPrompt`; 1 forward pass per step in which the
/// session had a live sequence; one generated token per decision that yields a token. No pages (0). A fork
/// continues with the child's own scripted result, its parent's tokens so far counted as already held.
/// ``ledger`` counts, over every session, the tokens generated and the steps each seed took part in.
public final class ScriptedLiveGenerator: LiveGenerating {
    /// Everything every session of this generator did.
    public final class Ledger: Sendable {
        private let state = Mutex<(tokens: Int, stepsBySeed: [UInt64: Int], prefills: Int)>((0, [:], 0))
        public init() {}
        /// Tokens generated over all sessions (stopped sequences count what they generated).
        public var generatedTokens: Int { state.withLock { $0.tokens } }
        /// Decisions taken by the sequences started or forked with `seed`.
        public func steps(seed: UInt64) -> Int { state.withLock { $0.stepsBySeed[seed] ?? 0 } }
        /// Prompts added over all sessions.
        public var prefills: Int { state.withLock { $0.prefills } }

        func record(seed: UInt64, token: Bool) {
            state.withLock {
                $0.stepsBySeed[seed, default: 0] += 1
                if token { $0.tokens += 1 }
            }
        }

        func recordPrefill() { state.withLock { $0.prefills += 1 } }
    }

    public let scripted: ScriptedGenerator
    public let ledger = Ledger()
    public var modelIdentifier: String { scripted.modelIdentifier }

    public init(_ scripted: ScriptedGenerator) { self.scripted = scripted }

    public func makeSession() -> any LiveSession { Session(scripted: scripted, ledger: ledger) }

    final class Session: LiveSession {
        struct Sequence {
            var seed: UInt64
            var request: GenerationRequest
            /// The whole result this sequence plays out.
            var result: GenerationResult
            /// Tokens held now, and tokens the parent had when this one was forked (not generated here).
            var held: Int
            var inherited: Int
            /// Decisions it takes before it ends by itself.
            var decisions: Int
            var taken = 0
        }

        struct State {
            var prompts: [GenerationRequest] = []
            var sequences: [LiveSequenceID: Sequence] = [:]
            var nextID = 0
            var usage = LiveUsage()
            var closed = false
        }

        private let scripted: ScriptedGenerator
        private let ledger: Ledger
        private let state = Mutex(State())

        init(scripted: ScriptedGenerator, ledger: Ledger) {
            self.scripted = scripted
            self.ledger = ledger
        }

        func addPrompt(_ request: GenerationRequest) async throws(EngineError) -> LivePromptID {
            ledger.recordPrefill()
            return try state.withLock { state throws(EngineError) in
                guard !state.closed else { throw .invalidRequest("the live session is closed") }
                state.prompts.append(request)
                state.usage.promptTokens += scripted.promptTokens
                state.usage.forwardPasses += 1
                return LivePromptID(state.prompts.count - 1)
            }
        }

        func start(_ prompt: LivePromptID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
            try state.withLock { state throws(EngineError) in
                guard !state.closed, state.prompts.indices.contains(prompt.rawValue) else {
                    throw .invalidRequest("unknown prompt \(prompt.rawValue) in this live session")
                }
                let result = scripted.result(for: state.prompts[prompt.rawValue], seed: seed)
                return Self.add(Sequence(seed: seed, request: state.prompts[prompt.rawValue], result: result, held: 0, inherited: 0,
                                         decisions: Self.decisions(result)), to: &state)
            }
        }

        func fork(_ parent: LiveSequenceID, seed: UInt64) throws(EngineError) -> LiveSequenceID {
            try state.withLock { state throws(EngineError) in
                guard let source = state.sequences[parent] else {
                    throw .invalidRequest("sequence \(parent.rawValue) is not live in this session")
                }
                var result = scripted.result(for: source.request, seed: seed)
                result.generatedTokenCount += source.held
                result.tokenLogProbabilities = Array(source.result.tokenLogProbabilities.prefix(source.held))
                    + result.tokenLogProbabilities
                return Self.add(Sequence(seed: seed, request: source.request, result: result, held: source.held, inherited: source.held,
                                         decisions: Self.decisions(result) - source.held), to: &state)
            }
        }

        /// Decisions a sequence takes: g + 1 when it ends by end of sequence, else g (at least 1).
        static func decisions(_ result: GenerationResult) -> Int {
            max(1, result.finishReason == .endOfSequence ? result.generatedTokenCount + 1 : result.generatedTokenCount)
        }

        private static func add(_ sequence: Sequence, to state: inout State) -> LiveSequenceID {
            let id = LiveSequenceID(state.nextID)
            state.nextID += 1
            state.sequences[id] = sequence
            return id
        }

        func stop(_ sequence: LiveSequenceID) -> GenerationResult? {
            state.withLock { state in
                guard let stopped = state.sequences.removeValue(forKey: sequence) else { return nil }
                return Self.partial(stopped)
            }
        }

        /// What `sequence` holds now, as a stopped result.
        static func partial(_ sequence: Sequence) -> GenerationResult {
            let whole = sequence.result
            let characters = whole.generatedTokenCount == 0
                ? 0 : whole.text.count * sequence.held / whole.generatedTokenCount
            return GenerationResult(
                promptTokens: whole.promptTokens, promptTokenCount: whole.promptTokenCount, tokens: [],
                generatedTokenCount: sequence.held, text: String(whole.text.prefix(characters)), finishReason: .stopped,
                tokenLogProbabilities: Array(whole.tokenLogProbabilities.prefix(sequence.held)))
        }

        func advance(
            until condition: LiveAdvanceCondition, onToken: @escaping @Sendable (LiveSequenceID, String) -> Void
        ) async throws(EngineError) -> [LiveFinish] {
            if case let .steps(n) = condition, n < 1 { throw .invalidRequest("advance needs at least 1 step, got \(n)") }
            var finishes: [LiveFinish] = []
            var steps = 0
            while true {
                let (ended, live) = state.withLock { state in step(&state) }
                steps += 1
                finishes += ended
                if live == 0 { break }
                switch condition {
                case .anyFinished: if !ended.isEmpty { return finishes }
                case .allFinished: continue
                case let .steps(n): if steps >= n { return finishes }
                }
            }
            return finishes
        }

        /// One lockstep decision for every live sequence; returns those that ended and how many are still live.
        private func step(_ state: inout State) -> ([LiveFinish], Int) {
            guard !state.sequences.isEmpty else { return ([], 0) }
            state.usage.forwardPasses += 1
            var ended: [LiveFinish] = []
            for id in state.sequences.keys.sorted() {
                var sequence = state.sequences[id]!
                sequence.taken += 1
                let yieldsToken = sequence.held < sequence.result.generatedTokenCount
                if yieldsToken {
                    sequence.held += 1
                    state.usage.generatedTokens += 1
                }
                ledger.record(seed: sequence.seed, token: yieldsToken)
                if sequence.taken >= sequence.decisions {
                    state.sequences[id] = nil
                    ended.append(LiveFinish(sequence: id, result: sequence.result))
                } else {
                    state.sequences[id] = sequence
                }
            }
            return (ended, state.sequences.count)
        }

        var liveSequences: [LiveSequenceID] { state.withLock { $0.sequences.keys.sorted() } }

        var usage: LiveUsage { state.withLock { $0.usage } }

        func close() {
            state.withLock { state in
                state.sequences.removeAll()
                state.closed = true
            }
        }
    }
}
