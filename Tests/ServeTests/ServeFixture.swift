import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Sampling
@testable import Serve

/// The server on the tiny seeded model (vocabulary 300, byte-level BPE, no chat template: messages are joined with
/// newlines), context 96, at most 8 sequences per pass. References come from `LocalEngine.generate` alone.
struct ServeFixture {
    static let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelTests/Fixtures/tiny_llama.gguf.fixture").path

    let engine: LocalEngine
    let batch: LiveBatch
    let handler: ServeHandler

    init(options: ServeOptions = ServeOptions(), kvMemoryLimit: Int? = nil, prefixCachePages: Int = 0) throws {
        engine = try LocalEngine(path: Self.tinyModel, threads: 2, contextLength: 96, kvMemoryLimit: kvMemoryLimit)
        batch = LiveBatch(engine: engine, maxSequences: 8, prefixCachePages: prefixCachePages)
        handler = ServeHandler(batch: batch, options: options)
    }

    var app: some ApplicationProtocol { Application(router: handler.makeRouter()) }

    /// What `LocalEngine.generate` gives alone for choice `choice` of a request seeded `seed`.
    func reference(_ prompt: Prompt, maxTokens: Int, sampling: SamplingParameters, stop: [String] = [], seed: UInt64,
                   choice: Int) throws -> GenerationResult {
        var request = GenerationRequest(prompt: prompt, maxTokens: maxTokens, sampling: sampling, stop: stop)
        request.sampling.seed = ChoiceSeeds.seed(request: seed, choice: choice)
        return try engine.generate(request)
    }
}

/// Sampling as the server builds it from `temperature`, `top_p`, `top_k`, `min_p` (repetition penalty 1).
func serverSampling(temperature: Double = 1, topP: Double = 1, topK: Int = 0, minP: Double = 0) -> SamplingParameters {
    SamplingParameters(temperature: temperature, topK: topK, topP: topP, minP: minP, repetitionPenalty: 1)
}

extension TestClientProtocol {
    /// POSTs `json` (sent as is) to `uri`.
    func post(_ uri: String, json: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: "application/json"],
                          body: ByteBuffer(string: json))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var object: [String: Any] {
        get throws {
            let value = try JSONSerialization.jsonObject(with: Data(buffer: body))
            guard let object = value as? [String: Any] else { throw FixtureError("body is not a JSON object: \(text)") }
            return object
        }
    }

    /// The `error` object of an OpenAI error answer.
    var error: [String: Any] {
        get throws {
            guard let error = try object["error"] as? [String: Any] else { throw FixtureError("no error object: \(text)") }
            return error
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
