import Foundation
import GGUF
import Model
import Numerics
import Sampling
import Tokenizer

/// Runs a GGUF model on this machine: loads the file (memory-mapped), its tokenizer and architecture, and serves
/// generation requests one at a time.
public final class LocalEngine: TextGenerating, @unchecked Sendable {
    public let file: GGUFFile
    /// Path of the model file.
    public let path: String
    public let model: any LanguageModel
    public let tokenizer: Tokenizer
    /// Positions the engine's KV caches hold (prompt plus generated tokens).
    public let contextLength: Int
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
    public init(path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount, contextLength: Int? = nil,
                template: ChatTemplate? = nil, activations: ActivationPrecision = .default) throws(EngineError) {
        self.path = path
        do { file = try GGUFFile(path: path) } catch { throw .file(error) }
        pool = WorkerPool(threadCount: threads)
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

    public var modelIdentifier: String {
        "\((path as NSString).lastPathComponent) (\(file.fileSize) bytes)"
    }

    /// Generates one completion, streaming its visible text to `onText`.
    public func generate(_ request: GenerationRequest,
                         onText: @Sendable (String) -> Void = { _ in }) throws(EngineError) -> GenerationResult {
        lock.lock()
        defer { lock.unlock() }
        let prompt = try prefill(request)
        return try continueSample(request, seed: request.sampling.seed, prompt: prompt, cache: prompt.cache, onText: onText)
    }

    public func generate(_ request: GenerationRequest, seeds: [UInt64]) async throws(EngineError) -> [GenerationResult] {
        try generateSamples(request, seeds: seeds)
    }

    /// The synchronous body of `generate(_:seeds:)`: one prefill, then one sample per seed from a copy of its cache.
    public func generateSamples(_ request: GenerationRequest, seeds: [UInt64]) throws(EngineError) -> [GenerationResult] {
        lock.lock()
        defer { lock.unlock() }
        guard !seeds.isEmpty else { return [] }
        let prompt = try prefill(request)
        var results: [GenerationResult] = []
        for (index, seed) in seeds.enumerated() {
            let cache = index == seeds.count - 1 ? prompt.cache : prompt.cache.copy()
            results.append(try continueSample(request, seed: seed, prompt: prompt, cache: cache, onText: { _ in }))
        }
        return results
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
        let cache = model.makeCache(capacity: contextLength)
        do {
            return Prefill(tokens: promptTokens, cache: cache,
                           logits: try model.forward(promptTokens, cache: cache, logits: .last)[0])
        } catch { throw .model(error) }
    }

    /// Samples one continuation from a prefilled prompt; `cache` holds the prompt and is extended in place.
    private func continueSample(_ request: GenerationRequest, seed: UInt64, prompt: Prefill, cache: KVCache,
                                onText: @Sendable (String) -> Void) throws(EngineError) -> GenerationResult {
        var parameters = request.sampling
        parameters.seed = seed
        var sampler: Sampler
        do { sampler = try Sampler(parameters) } catch { throw .sampling(error) }
        let promptTokens = prompt.tokens
        var logits = prompt.logits

        var generated: [Int] = []
        var logProbabilities: [Double] = []
        var detokenizer = StreamingDetokenizer(tokenizer: tokenizer)
        var stops = StopStringMatcher(stops: request.stop)
        var finish = FinishReason.length
        let endTokens = tokenizer.endOfTurnIDs
        var history = promptTokens
        while generated.count < request.maxTokens {
            let next: Int
            do { next = try sampler.sample(logits: logits, history: history) } catch { throw .sampling(error) }
            if endTokens.contains(next) {
                finish = .endOfSequence
                break
            }
            generated.append(next)
            history.append(next)
            logProbabilities.append(LogProbability.of(next, logits: logits))
            let (visible, stopped) = stops.append(detokenizer.append(next))
            if !visible.isEmpty { onText(visible) }
            if stopped {
                finish = .stop
                break
            }
            guard generated.count < request.maxTokens, cache.count < contextLength else { break }
            do { logits = try model.forward([next], cache: cache, logits: .last)[0] } catch { throw .model(error) }
        }
        if finish != .stop {
            let (visible, stopped) = stops.append(detokenizer.flush())
            if stopped { finish = .stop }
            let rest = visible + (stopped ? "" : stops.flush())
            if !rest.isEmpty { onText(rest) }
        }
        return GenerationResult(promptTokens: promptTokens, tokens: generated, text: stops.text,
                                finishReason: finish, tokenLogProbabilities: logProbabilities)
    }
}
