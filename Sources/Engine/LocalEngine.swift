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
    /// How activations enter the quantised products.
    public let activations: ActivationPrecision
    /// Threads used by the kernels (the caller's included).
    public var threads: Int { pool.threadCount }
    let pool: WorkerPool
    private let templateOverride: ChatTemplate?
    private let lock = NSLock()

    /// - Parameters:
    ///   - path: a GGUF file.
    ///   - threads: kernel threads, default: every core.
    ///   - contextLength: KV-cache size in positions; default min(trained context, 4096).
    ///   - template: chat template to use instead of the one detected from the file.
    ///   - activations: how activations enter quantised products (`.int16`: fast generation; `.float32`: the
    ///     reference-faithful path).
    ///   - loading: how the file is brought into memory; `.resident` (default) reads it once into huge-page-backed
    ///     memory, which generation streams faster than a 4 KiB-page mapping.
    public init(path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount, contextLength: Int? = nil,
                template: ChatTemplate? = nil, activations: ActivationPrecision = .default,
                loading: GGUFLoading = .resident) throws(EngineError) {
        self.path = path
        do { file = try GGUFFile(path: path, loading: loading) } catch { throw .file(error) }
        pool = WorkerPool(threadCount: threads)
        self.activations = activations
        do { model = try ModelRegistry.load(file, pool: pool, activations: activations) } catch { throw .model(error) }
        do {
            tokenizer = try Tokenizer(vocabulary: try TokenizerVocabulary(gguf: file))
        } catch { throw .tokenizer(error) }
        self.contextLength = contextLength ?? min(model.shape.trainedContextLength, 4096)
        guard self.contextLength > 0 else { throw .invalidRequest("context length must be positive") }
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

    /// File name and size, plus the activation precision when it is not the default (it changes the samples).
    public var modelIdentifier: String {
        let base = "\((path as NSString).lastPathComponent) (\(file.fileSize) bytes)"
        return activations == .default ? base : base + ", \(activations.rawValue) activations"
    }

    /// Generates one completion, streaming its visible text to `onText`.
    public func generate(_ request: GenerationRequest,
                         onText: @Sendable (String) -> Void = { _ in }) throws(EngineError) -> GenerationResult {
        lock.lock()
        defer { lock.unlock() }
        let prompt = try prefill(request)
        return try decode(request, seeds: [request.sampling.seed], prompt: prompt, onText: onText)[0]
    }

    public func generate(_ request: GenerationRequest, seeds: [UInt64]) async throws(EngineError) -> [GenerationResult] {
        try generateSamples(request, seeds: seeds)
    }

    /// The synchronous body of `generate(_:seeds:)`: one prefill, then all samples decoded together, one batched
    /// forward step per token, each sample's cache sharing the prompt's keys and values (no copies). Each sample
    /// equals what `generate` gives for its seed alone: the batched step is batch-invariant.
    public func generateSamples(_ request: GenerationRequest, seeds: [UInt64]) throws(EngineError) -> [GenerationResult] {
        lock.lock()
        defer { lock.unlock() }
        guard !seeds.isEmpty else { return [] }
        return try decode(request, seeds: seeds, prompt: try prefill(request), onText: { _ in })
    }

    /// A processed prompt: its tokens, the cache holding them, and the logits of its last position.
    private struct Prefill {
        let tokens: [Int]
        let cache: KVCache
        let logits: [Float]
    }

    private func prefill(_ request: GenerationRequest) throws(EngineError) -> Prefill {
        guard request.maxTokens >= 0 else { throw .invalidRequest("max-tokens must be ≥ 0, got \(request.maxTokens)") }
        do { _ = try request.sampling.validated() } catch { throw .sampling(error) }
        let promptTokens = try tokens(for: request.prompt, parseSpecial: request.parseSpecial, addSpecial: request.addSpecial)
        guard !promptTokens.isEmpty else { throw .emptyPrompt }
        guard promptTokens.count < contextLength else {
            throw .model(.contextFull(needed: promptTokens.count + 1, capacity: contextLength))
        }
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
        let room = min(request.maxTokens, contextLength - prompt.tokens.count)
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
