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
    public init(path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount, contextLength: Int? = nil,
                template: ChatTemplate? = nil) throws(EngineError) {
        do { file = try GGUFFile(path: path) } catch { throw .file(error) }
        pool = WorkerPool(threadCount: threads)
        do { model = try ModelRegistry.load(file, pool: pool) } catch { throw .model(error) }
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

    public func generate(_ request: GenerationRequest,
                         onText: @Sendable (String) -> Void = { _ in }) throws(EngineError) -> GenerationResult {
        lock.lock()
        defer { lock.unlock() }
        guard request.maxTokens >= 0 else { throw .invalidRequest("max-tokens must be ≥ 0, got \(request.maxTokens)") }
        var sampler: Sampler
        do { sampler = try Sampler(request.sampling) } catch { throw .sampling(error) }
        let promptTokens = try tokens(for: request.prompt, parseSpecial: request.parseSpecial, addSpecial: request.addSpecial)
        guard !promptTokens.isEmpty else { throw .emptyPrompt }
        guard promptTokens.count < contextLength else {
            throw .model(.contextFull(needed: promptTokens.count + 1, capacity: contextLength))
        }

        let cache = model.makeCache(capacity: contextLength)
        var logits: [Float]
        do { logits = try model.forward(promptTokens, cache: cache, logits: .last)[0] } catch { throw .model(error) }

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
