import Foundation
import GGUF
import Model
import Numerics
import Sampling
import Tokenizer

/// Runs a GGUF model on this machine: loads the file (memory-mapped), its tokenizer and architecture, and serves
/// generation requests one at a time.
public final class LocalEngine: TextGenerating, Sendable {
    public let file: GGUFFile
    /// Path of the model file.
    public let path: String
    public let model: any LanguageModel
    public let tokenizer: Tokenizer
    /// Positions the engine's KV caches hold (prompt plus generated tokens).
    public let contextLength: Int
    /// How activations enter the quantised products (``numerics``' `activations`).
    public let activations: ActivationPrecision
    /// The arithmetic the model runs on (weights, activation and KV formats, L-Mul); part of ``modelIdentifier``.
    public let numerics: NumericsMode
    /// Most bytes the KV caches of one request may hold (a ``LiveBatch`` on this engine sizes its whole page pool
    /// from it).
    public let kvMemoryLimit: Int
    /// Bytes one position takes in a KV cache of this model (keys and values of every layer).
    public let kvBytesPerPosition: Int
    /// Threads used by the kernels (the caller's included).
    public var threads: Int { pool.threadCount }
    let pool: WorkerPool
    private let templateOverride: ChatTemplate?
    private let lock = NSLock()

    /// - Parameters:
    ///   - path: a GGUF file.
    ///   - threads: kernel threads, default: every core.
    ///   - contextLength: KV-cache size in positions; default min(trained context, 4096). A larger value is capped at
    ///     the trained context (compare ``contextLength`` with what was asked to tell the user).
    ///   - kvMemoryLimit: most bytes the KV caches of one request may hold; default half of the physical memory.
    ///     Requests needing more are decoded in groups of samples that fit, and a single sequence that cannot fit
    ///     is refused with ``EngineError/insufficientMemory(needed:limit:what:)`` before anything is allocated.
    ///   - template: chat template to use instead of the one detected from the file.
    ///   - activations: how activations enter quantised products (`.int16`: fast generation; `.float32`: the
    ///     reference-faithful path). Ignored when `numerics` is given.
    ///   - numerics: the arithmetic (inference mode); default: the model as stored with `activations`.
    ///   - loading: how the file is brought into memory; `.resident` (default) reads it once into huge-page-backed
    ///     memory, which generation streams faster than a 4 KiB-page mapping.
    ///   - interleaveRows: whether resident Q4_1/Q8_0 matrices are reordered into the x8 layout the int16 generation
    ///     kernels stream fastest (results are bit-identical either way); default: when activations are integer
    ///     blocks (`.int16`, `.int8`) and the weights are used as stored.
    public init(path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount, contextLength: Int? = nil,
                template: ChatTemplate? = nil, activations: ActivationPrecision = .default,
                loading: GGUFLoading = .resident, kvMemoryLimit: Int? = nil,
                numerics: NumericsMode? = nil, interleaveRows: Bool? = nil) throws(EngineError) {
        self.path = path
        let mode = numerics ?? NumericsMode(activations: activations)
        let interleave = interleaveRows ?? (mode.activations != .float32 && mode.weights.isIdentity)
        do {
            file = try GGUFFile(path: path, loading: loading, interleaveRows: interleave)
        } catch { throw .file(error) }
        pool = WorkerPool(threadCount: threads)
        self.numerics = mode
        self.activations = mode.activations
        do { model = try ModelRegistry.load(file, pool: pool, numerics: mode) } catch { throw .model(error) }
        do {
            tokenizer = try Tokenizer(vocabulary: try TokenizerVocabulary(gguf: file))
        } catch { throw .tokenizer(error) }
        if let contextLength, contextLength < 1 {
            throw .invalidRequest("context length must be ≥ 1 position, got \(contextLength)")
        }
        let trained = max(1, model.shape.trainedContextLength)
        self.contextLength = min(contextLength ?? 4096, trained)
        self.kvMemoryLimit = kvMemoryLimit ?? Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
        guard let perPosition = KVCache.bytesPerPosition(layers: model.shape.layers, kvDimension: model.shape.kvDimension)
        else { throw .insufficientMemory(needed: nil, limit: self.kvMemoryLimit, what: "one position of the KV cache") }
        kvBytesPerPosition = perPosition
        templateOverride = template
    }

    /// The chat template: the override if one was given, else the one detected from `tokenizer.chat_template`.
    public func chatTemplate() throws(EngineError) -> ChatTemplate {
        if let templateOverride { return templateOverride }
        do { return try ChatTemplate.detect(from: file.metadata.string("tokenizer.chat_template")) } catch {
            throw .tokenizer(error)
        }
    }

    /// The token ids a prompt turns into.
    public func tokens(for prompt: Prompt, parseSpecial: Bool = true, addSpecial: Bool = true) throws(EngineError) -> [Int] {
        switch prompt {
        case let .tokens(ids):
            return ids
        case let .text(text):
            return tokenizer.encode(text, addSpecial: addSpecial, parseSpecial: parseSpecial)
        case let .chat(messages):
            let rendered = try chatTemplate().render(
                messages, addGenerationPrompt: true,
                defaultSystemPrompt: ChatTemplate.defaultSystemPrompt(inJinja: file.metadata.string("tokenizer.chat_template")))
            return tokenizer.encode(rendered, addSpecial: addSpecial, parseSpecial: true)
        }
    }

    /// File name and size, plus the numerics mode when it is not the default (it changes the samples), e.g.
    /// `"m.gguf (123 bytes), float32 activations"` or `"m.gguf (123 bytes), mxfp4 weights, lmul:m=3 matmul"`.
    public var modelIdentifier: String {
        let base = "\((path as NSString).lastPathComponent) (\(file.fileSize) bytes)"
        return numerics.isDefault ? base : base + ", " + numerics.description
    }

    /// Generates one completion, streaming its visible text to `onText`.
    public func generate(_ request: GenerationRequest,
                         onText: @Sendable (String) -> Void = { _ in }) throws(EngineError) -> GenerationResult {
        lock.lock()
        defer { lock.unlock() }
        let prompt = try prefill(request)
        return try decode(request, seeds: [request.sampling.seed], prompt: prompt, onText: onText)[0]
    }

    /// `generateSamples(_:seeds:)` run on a dedicated thread: the calling task suspends (it never blocks a thread
    /// of Swift's cooperative pool) and gets exactly what `generateSamples` returns.
    public func generate(_ request: GenerationRequest, seeds: [UInt64]) async throws(EngineError) -> [GenerationResult] {
        guard !seeds.isEmpty else { return [] }
        return try await DedicatedThread.run(name: "reckon-generate") { () throws(EngineError) in
            try self.generateSamples(request, seeds: seeds)
        }
    }

    /// The synchronous body of `generate(_:seeds:)`: one prefill, then the samples decoded together, one batched
    /// forward step per token, each sample's cache sharing the prompt's keys and values (no copies). When all the
    /// samples' caches would exceed ``kvMemoryLimit`` they are decoded in consecutive groups that fit. Each sample
    /// equals what `generate` gives for its seed alone: the batched step is batch-invariant.
    public func generateSamples(_ request: GenerationRequest, seeds: [UInt64]) throws(EngineError) -> [GenerationResult] {
        lock.lock()
        defer { lock.unlock() }
        guard !seeds.isEmpty else { return [] }
        let prompt = try prefill(request)
        let group = try samplesPerGroup(request, prompt: prompt)
        var results: [GenerationResult] = []
        results.reserveCapacity(seeds.count)
        for start in stride(from: 0, to: seeds.count, by: group) {
            let end = start + min(group, seeds.count - start)
            results += try decode(request, seeds: Array(seeds[start..<end]), prompt: prompt, onText: { _ in })
        }
        return results
    }

    /// Positions each sample adds after the prompt.
    private func room(_ request: GenerationRequest, prompt: Prefill) -> Int {
        room(request, promptCount: prompt.tokens.count)
    }

    /// How many samples can decode together within ``kvMemoryLimit`` (≥ 1; the batched step is batch-invariant,
    /// so grouping never changes a sample). Throws when even one sample cannot fit.
    private func samplesPerGroup(_ request: GenerationRequest, prompt: Prefill) throws(EngineError) -> Int {
        let positions = room(request, prompt: prompt)
        let promptBytes = prompt.tokens.count * kvBytesPerPosition  // checked in prefill
        let perSample = try requireMemory(positions: positions, reserved: promptBytes,
                                          what: "the KV cache of one sample (\(positions) positions after the prompt)")
        return perSample == 0 ? Int.max : max(1, (kvMemoryLimit - promptBytes) / perSample)
    }

    /// The bytes `positions` KV positions take; throws when they (plus `reserved` bytes) exceed ``kvMemoryLimit``.
    @discardableResult
    private func requireMemory(positions: Int, reserved: Int = 0, what: String) throws(EngineError) -> Int {
        guard let bytes = KVCache.byteCount(layers: model.shape.layers, kvDimension: model.shape.kvDimension,
                                            positions: positions)
        else { throw .insufficientMemory(needed: nil, limit: kvMemoryLimit, what: what) }
        let (total, overflow) = bytes.addingReportingOverflow(reserved)
        guard !overflow else { throw .insufficientMemory(needed: nil, limit: kvMemoryLimit, what: what) }
        guard total <= kvMemoryLimit else { throw .insufficientMemory(needed: total, limit: kvMemoryLimit, what: what) }
        return bytes
    }

    /// A processed prompt: its tokens, the cache holding them, and the logits of its last position.
    private struct Prefill {
        let tokens: [Int]
        let cache: KVCache
        let logits: [Float]
    }

    /// The request's prompt tokens, after checking its limits and sampling settings and that the prompt leaves
    /// room for at least one generated token in the context window.
    func validatedPromptTokens(_ request: GenerationRequest) throws(EngineError) -> [Int] {
        guard request.maxTokens >= 0 else { throw .invalidRequest("max-tokens must be ≥ 0, got \(request.maxTokens)") }
        do { _ = try request.sampling.validated() } catch { throw .sampling(error) }
        let promptTokens = try tokens(for: request.prompt, parseSpecial: request.parseSpecial, addSpecial: request.addSpecial)
        guard !promptTokens.isEmpty else { throw .emptyPrompt }
        guard promptTokens.count < contextLength else {
            throw .model(.contextFull(needed: promptTokens.count + 1, capacity: contextLength))
        }
        return promptTokens
    }

    /// Positions a sequence may add after a prompt of `promptCount` tokens: `maxTokens`, or less when the context
    /// window ends first.
    func room(_ request: GenerationRequest, promptCount: Int) -> Int {
        min(request.maxTokens, contextLength - promptCount)
    }

    private func prefill(_ request: GenerationRequest) throws(EngineError) -> Prefill {
        let promptTokens = try validatedPromptTokens(request)
        try requireMemory(positions: promptTokens.count, what: "the prompt's KV cache (\(promptTokens.count) positions)")
        // Sized to the prompt: sequences continue in caches of their own that share it.
        let cache = model.makeCache(capacity: promptTokens.count)
        do {
            return Prefill(tokens: promptTokens, cache: cache,
                           logits: try model.forward(promptTokens, cache: cache, logits: .last)[0])
        } catch { throw .model(error) }
    }

    /// Samples one continuation per seed from a prefilled prompt. Sequences still running advance together in one
    /// batched forward step per token; `onText` streams the first sequence's text.
    private func decode(_ request: GenerationRequest, seeds: [UInt64], prompt: Prefill,
                        onText: @Sendable (String) -> Void) throws(EngineError) -> [GenerationResult] {
        let room = room(request, prompt: prompt)
        if seeds.count == 1 {
            try requireMemory(positions: room, reserved: prompt.tokens.count * kvBytesPerPosition,
                              what: "the KV cache of the continuation (\(room) positions after the prompt)")
        }
        let caches = seeds.map { _ in KVCache(sharing: prompt.cache, capacity: prompt.tokens.count + room) }
        var decoders: [SequenceDecoder] = []
        for seed in seeds {
            decoders.append(try SequenceDecoder(request: request, seed: seed, promptTokens: prompt.tokens,
                                                tokenizer: tokenizer))
        }
        var logits = Array(repeating: prompt.logits, count: seeds.count)
        var active = Array(seeds.indices)
        while !active.isEmpty {
            var next: [(sequence: Int, token: Int)] = []
            for sequence in active {
                let canContinue = caches[sequence].count < caches[sequence].capacity
                let stream: (String) -> Void = sequence == 0 ? { onText($0) } : { _ in }
                if let token = try decoders[sequence].step(logits: logits[sequence], canContinue: canContinue,
                                                           onText: stream) {
                    next.append((sequence, token))
                }
            }
            active = next.map(\.sequence)
            guard !next.isEmpty else { break }
            let stepLogits: [[Float]]
            do {
                stepLogits = try model.forward(decoding: next.map(\.token), caches: next.map { caches[$0.sequence] })
            } catch { throw .model(error) }
            for (row, entry) in next.enumerated() { logits[entry.sequence] = stepLogits[row] }
        }
        return decoders.indices.map { decoders[$0].result() }
    }
}
