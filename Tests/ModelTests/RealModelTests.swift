import Foundation
import Testing
import TestSupport
@testable import Engine
@testable import Model

/// The default model (SmolLM2-135M-Instruct Q4_1) against the independent numpy float64 oracle
/// (`Scripts/oracle/make_model_goldens.py`). Needs the model: fetched into the cache on first use.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"), .serialized)
struct RealModelTests {
    struct LogitsGolden: Decodable {
        struct Prompt: Decodable {
            let prompt: String
            let prompt_tokens: [Int]
            let logits_file: String
            let top5: [Int]
        }
        let prompts: [Prompt]
    }

    struct GreedyGolden: Decodable {
        struct Result: Decodable {
            let prompt: String
            let prompt_tokens: [Int]
            let tokens: [Int]
        }
        let results: [Result]
    }

    struct PerplexityGolden: Decodable {
        struct Run: Decodable {
            struct Chunk: Decodable { let running_ppl: Double }
            let n_ctx: Int
            let n_chunk: Int
            let n_scored_total: Int
            let ppl: Double
            let chunks: [Chunk]
        }
        let tokens: [Int]
        let runs: [Run]
    }

    static func fixture(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: fixture(name, "json")))
    }

    static func engine(threads: Int = 2, context: Int = 1024) throws -> LocalEngine {
        try LocalEngine(path: DefaultModel.require(), threads: threads, contextLength: context)
    }

    @Test func lastPositionLogitsMatchOracle() throws {
        let golden = try Self.decode(LogitsGolden.self, "logits_golden")
        #expect(golden.prompts.count >= 5)
        let engine = try Self.engine()
        var report: [String] = []
        for prompt in golden.prompts {
            // The prompt tokens come from the oracle's tokenizer: Reckon's must agree.
            #expect(engine.tokenizer.encode(prompt.prompt, addSpecial: true, parseSpecial: true) == prompt.prompt_tokens,
                    "tokenization of \(prompt.prompt.debugDescription)")
            let data = try Data(contentsOf: Self.fixture((prompt.logits_file as NSString).deletingPathExtension, "f32"))
            let expected = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
            let cache = engine.model.makeCache(capacity: 256)
            let logits = try engine.model.forward(prompt.prompt_tokens, cache: cache, logits: .last)[0]
            #expect(logits.count == expected.count)
            let error = TinyModelTests.relativeError(logits, expected)
            report.append(String(format: "%.2e", error))
            #expect(error < 1e-3, "\(prompt.prompt.debugDescription): max relative error \(error)")
            let top5 = logits.indices.sorted { logits[$0] > logits[$1] }.prefix(5)
            #expect(Array(top5) == prompt.top5)
        }
        print("real-model last-position logits, max |Δ| / max |logit| per prompt: \(report.joined(separator: ", "))")
    }

    /// The fast generation path (int16 activation blocks in every single-token product) against the float64 oracle:
    /// the prompt is fed one token at a time, so every product of every position takes the integer kernels.
    @Test func tokenByTokenFastPathLogitsMatchOracle() throws {
        let golden = try Self.decode(LogitsGolden.self, "logits_golden")
        let engine = try Self.engine()
        #expect((engine.model as? LlamaModel)?.activations == .int16)
        var report: [String] = []
        for prompt in golden.prompts {
            let data = try Data(contentsOf: Self.fixture((prompt.logits_file as NSString).deletingPathExtension, "f32"))
            let expected = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
            let cache = engine.model.makeCache(capacity: 256)
            var logits: [Float] = []
            for token in prompt.prompt_tokens { logits = try engine.model.forward([token], cache: cache, logits: .last)[0] }
            let error = TinyModelTests.relativeError(logits, expected)
            report.append(String(format: "%.2e", error))
            #expect(error < 1e-3, "\(prompt.prompt.debugDescription): max relative error \(error)")
            #expect(logits.indices.max { logits[$0] < logits[$1] } == prompt.top5.first)
        }
        print("real-model int16 fast path, token by token, max |Δ| / max |logit| per prompt: \(report.joined(separator: ", "))")
    }

    @Test func greedyContinuationsMatchOracle() throws {
        let golden = try Self.decode(GreedyGolden.self, "greedy_golden")
        #expect(golden.results.count >= 4)
        let engine = try Self.engine()
        for result in golden.results {
            let cache = engine.model.makeCache(capacity: 256)
            var logits = try engine.model.forward(result.prompt_tokens, cache: cache, logits: .last)[0]
            var generated: [Int] = []
            for _ in 0..<result.tokens.count {
                let next = logits.indices.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) }!
                generated.append(next)
                logits = try engine.model.forward([next], cache: cache, logits: .last)[0]
            }
            #expect(generated == result.tokens, "greedy continuation of \(result.prompt.debugDescription)")
        }
    }

    @Test func engineGreedyGenerationStopsAtEndOfTurn() throws {
        let golden = try Self.decode(GreedyGolden.self, "greedy_golden")
        let engine = try Self.engine()
        let first = golden.results[0]
        let result = try engine.generate(GenerationRequest(prompt: .text(first.prompt), maxTokens: 32))
        #expect(result.promptTokens == first.prompt_tokens)
        // The engine stops before the first end-of-turn token; up to there it equals the oracle.
        let endIndex = first.tokens.firstIndex { engine.tokenizer.endOfTurnIDs.contains($0) } ?? first.tokens.count
        #expect(result.tokens == Array(first.tokens.prefix(endIndex)))
        #expect(result.finishReason == (endIndex < 32 ? .endOfSequence : .length))
        #expect(result.text == engine.tokenizer.decode(result.tokens))
        #expect(result.tokenLogProbabilities.allSatisfy { $0 <= 0 })
    }

    @Test func sameSeedSameSampledText() throws {
        let engine = try Self.engine()
        let request = GenerationRequest(prompt: .text("Once upon a time"), maxTokens: 24,
                                        sampling: .init(temperature: 0.9, topK: 40, topP: 0.95, minP: 0.05, seed: 7))
        let a = try engine.generate(request)
        let b = try engine.generate(request)
        #expect(a == b)
        var other = request
        other.sampling.seed = 8
        #expect(try engine.generate(other).tokens != a.tokens)
    }

    @Test func stopStringsEndGeneration() throws {
        let engine = try Self.engine()
        let result = try engine.generate(GenerationRequest(prompt: .text("The capital of France is"), maxTokens: 32,
                                                           stop: ["."]))
        #expect(result.finishReason == .stop)
        #expect(result.text == " Paris")
    }

    @Test(arguments: [128, 512])
    func perplexityMatchesOracle(context: Int) throws {
        let golden = try Self.decode(PerplexityGolden.self, "perplexity_golden")
        let run = try #require(golden.runs.first { $0.n_ctx == context })
        let text = try String(contentsOf: Self.fixture("perplexity", "txt"), encoding: .utf8)
        let engine = try Self.engine(context: context)
        let tokens = try engine.tokens(for: .text(text), addSpecial: true)
        #expect(tokens == golden.tokens)
        let report = try engine.perplexity(tokens: tokens, context: context)
        #expect(report.chunkCount == run.n_chunk)
        #expect(report.scoredTokens == run.n_scored_total)
        for (ours, theirs) in zip(report.runningPerplexity, run.chunks.map(\.running_ppl)) {
            // 4 significant digits
            #expect(abs(ours - theirs) / theirs < 5e-5, "running perplexity \(ours) vs oracle \(theirs)")
        }
        print(String(format: "perplexity n_ctx=%d: Reckon %.6f, oracle %.6f", context, report.perplexity, run.ppl))
    }
}
