import Foundation
import GGUF
import Testing
@testable import Model

/// The tiny seeded llama models written by `Scripts/oracle/tiny_model.py`, checked against that script's independent
/// numpy (float64) forward pass.
@Suite struct TinyModelTests {
    struct Golden: Decodable {
        struct Sequence: Decodable {
            let name: String
            let tokens: [Int]
            let logits: [Float]
            let max_abs_logit: Double
        }
        struct ModelEntry: Decodable {
            let file: String
            let tied_output: Bool
            let sequences: [Sequence]
        }
        let models: [ModelEntry]
    }

    static func golden() throws -> Golden {
        let url = try #require(Bundle.module.url(forResource: "tiny_golden", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }

    static func load(_ name: String, threads: Int = 2, activations: ActivationPrecision = .default) throws -> LlamaModel {
        // Committed as `<name>.fixture` (generated test data; the repository ignores *.gguf model files).
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "fixture", subdirectory: "Fixtures"))
        return try LlamaModel(file: try GGUFFile(path: url.path), pool: WorkerPool(threadCount: threads),
                              activations: activations)
    }

    /// max |a − b| / max |b|, the relative error used throughout the model tests.
    static func relativeError(_ a: [Float], _ b: [Float]) -> Double {
        var worst = 0.0, scale = 0.0
        for (x, y) in zip(a, b) {
            worst = max(worst, abs(Double(x) - Double(y)))
            scale = max(scale, abs(Double(y)))
        }
        return worst / max(scale, 1e-30)
    }

    @Test(arguments: [1, 2])
    func batchedForwardMatchesOracle(threads: Int) throws {
        for entry in try Self.golden().models {
            let model = try Self.load(entry.file, threads: threads)
            #expect((model.output.base == model.tokenEmbedding.base) == entry.tied_output)
            for sequence in entry.sequences {
                let cache = model.makeCache(capacity: 64)
                let logits = try model.forward(sequence.tokens, cache: cache, logits: .all)
                let vocabulary = model.shape.vocabularySize
                #expect(logits.count == sequence.tokens.count)
                for (position, row) in logits.enumerated() {
                    let expected = Array(sequence.logits[position * vocabulary..<(position + 1) * vocabulary])
                    let error = Self.relativeError(row, expected)
                    #expect(error < 1e-4, "\(entry.file) \(sequence.name) position \(position): relative error \(error)")
                }
            }
        }
    }

    /// With fp32 activations, token-by-token decoding is the batched pass up to summation order.
    @Test func incrementalDecodingEqualsRecompute() throws {
        let entry = try Self.golden().models[0]
        let model = try Self.load(entry.file, activations: .float32)
        for sequence in entry.sequences {
            let full = try model.forward(sequence.tokens, cache: model.makeCache(capacity: 64), logits: .all)
            let cache = model.makeCache(capacity: 64)
            for (position, token) in sequence.tokens.enumerated() {
                let step = try model.forward([token], cache: cache, logits: .last)[0]
                let error = Self.relativeError(step, full[position])
                #expect(error < 1e-5, "position \(position): \(error)")
            }
            #expect(cache.count == sequence.tokens.count)
        }
    }

    /// The fast path (int16 activation blocks for single-token products), fed token by token, against the oracle.
    @Test func incrementalFastPathMatchesOracle() throws {
        for entry in try Self.golden().models {
            let model = try Self.load(entry.file, activations: .int16)
            let vocabulary = model.shape.vocabularySize
            for sequence in entry.sequences {
                let cache = model.makeCache(capacity: 64)
                for (position, token) in sequence.tokens.enumerated() {
                    let step = try model.forward([token], cache: cache, logits: .last)[0]
                    let expected = Array(sequence.logits[position * vocabulary..<(position + 1) * vocabulary])
                    let error = Self.relativeError(step, expected)
                    #expect(error < 1e-3, "\(entry.file) \(sequence.name) position \(position): \(error)")
                }
            }
        }
    }

    /// Several sequences decoded in one batched step from caches sharing a prompt get exactly (bitwise) the logits
    /// each gets decoded alone from a private copy of the prompt; the prompt cache itself is never written.
    @Test(arguments: ActivationPrecision.allCases)
    func batchedDecodingFromASharedPrefixIsBatchInvariant(activations: ActivationPrecision) throws {
        let entry = try Self.golden().models[0]
        let model = try Self.load(entry.file, activations: activations)
        let prompt = entry.sequences[0].tokens
        let promptCache = model.makeCache(capacity: prompt.count)
        _ = try model.forward(prompt, cache: promptCache, logits: .none)
        let caches = (0..<4).map { _ in KVCache(sharing: promptCache, capacity: prompt.count + 4) }
        #expect(caches.allSatisfy { $0.count == prompt.count && $0.prefixCount == prompt.count })
        let steps = [[3, 7, 11, 13], [5, 5, 2, 9], [1, 4, 8, 6]]
        var together: [[[Float]]] = []
        for (t, tokens) in steps.enumerated() {
            // The last step leaves one sequence out: the batch shrinks as sequences finish.
            let active = t == 2 ? Array(0..<3) : Array(0..<4)
            together.append(try model.forward(decoding: active.map { tokens[$0] }, caches: active.map { caches[$0] }))
        }
        #expect(promptCache.count == prompt.count)
        for sequence in 0..<4 {
            let alone = model.makeCache(capacity: prompt.count + 3)
            _ = try model.forward(prompt, cache: alone, logits: .none)
            for (t, tokens) in steps.enumerated() where t < 2 || sequence < 3 {
                let logits = try model.forward([tokens[sequence]], cache: alone, logits: .last)[0]
                #expect(logits.map(\.bitPattern) == together[t][sequence].map(\.bitPattern),
                        "\(activations) sequence \(sequence) step \(t)")
            }
        }
        // A copy of a sharing cache shares the same prefix and continues identically.
        let copy = caches[1].copy()
        #expect(copy.prefixCount == prompt.count && copy.count == caches[1].count)
        let a = try model.forward([42], cache: copy, logits: .last)[0]
        let b = try model.forward([42], cache: caches[1], logits: .last)[0]
        #expect(a == b)
    }

    @Test func splitPrefillAndForkedCacheAgree() throws {
        let entry = try Self.golden().models[1]
        let model = try Self.load(entry.file, activations: .float32)
        let tokens = entry.sequences.max { $0.tokens.count < $1.tokens.count }!.tokens
        let full = try model.forward(tokens, cache: model.makeCache(capacity: 64), logits: .all)
        let cache = model.makeCache(capacity: 64)
        let half = tokens.count / 2
        _ = try model.forward(Array(tokens[..<half]), cache: cache, logits: .none)
        let fork = cache.copy()
        let rest = try model.forward(Array(tokens[half...]), cache: fork, logits: .all)
        for (i, row) in rest.enumerated() {
            #expect(Self.relativeError(row, full[half + i]) < 1e-5)
        }
        // Rewinding the original to the prefix and continuing gives the same again.
        cache.truncate(to: half)
        let again = try model.forward(Array(tokens[half...]), cache: cache, logits: .last)[0]
        #expect(Self.relativeError(again, full[tokens.count - 1]) < 1e-5)
    }

    @Test func errorsNameTheProblem() throws {
        let model = try Self.load(try Self.golden().models[0].file)
        let cache = model.makeCache(capacity: 4)
        #expect(throws: ModelError.tokenOutOfRange(token: 300, vocabularySize: 300)) {
            try model.forward([300], cache: cache, logits: .last)
        }
        #expect(throws: ModelError.contextFull(needed: 5, capacity: 4)) {
            try model.forward([1, 2, 3, 4, 5], cache: cache, logits: .last)
        }
        #expect(ModelError.contextFull(needed: 5, capacity: 4).description.contains("context window full"))
    }
}
