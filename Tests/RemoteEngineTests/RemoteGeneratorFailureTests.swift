import Foundation
import Sampling
import Testing
import Tokenizer
@testable import RemoteEngine
import Engine

/// Fast retries so the tests stay short.
private let quickBackoff = RemoteBackoff(base: .milliseconds(5), maximum: .milliseconds(20), jitterSeed: 1)

/// The reason inside an `EngineError.remote`, or a description of the unexpected error.
private func remoteReason(_ error: EngineError?) -> String {
    guard let error else { return "<no error thrown>" }
    if case let .remote(_, reason) = error { return reason }
    return "<not a remote error: \(error)>"
}

private func generate(_ generator: RemoteGenerator, _ request: GenerationRequest = GenerationRequest(prompt: .text("p")),
                      seeds: [UInt64] = [1]) async -> EngineError? {
    do {
        _ = try await generator.generate(request, seeds: seeds)
        return nil
    } catch {
        return error
    }
}

@Suite("RemoteGenerator: retries, timeouts and errors")
struct RemoteGeneratorFailureTests {
    @Test("HTTP 500 then success: retried, same body sent again")
    func retryAfterServerError() async throws {
        try await withStubServer(script: [
            .json(#"{"error":"warming up"}"#, status: 500),
            .json(#"{"error":"still warming up"}"#, status: 503),
            .json(RemoteFixtures.completion),
        ]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 3,
                                            backoff: quickBackoff)
            let results = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: [9])
            #expect(results.first?.text == " 4")
            #expect(server.requests.count == 3)
            #expect(Set(server.requests.map(\.body)).count == 1)
        }
    }

    @Test("HTTP 500 every time: gives up after maxRetries + 1 attempts with the status and body")
    func retriesExhausted() async throws {
        try await withStubServer(respond: { _, _ in .json(#"{"error":"boom"}"#, status: 500) }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 2,
                                            backoff: quickBackoff)
            let error = await generate(generator)
            let reason = remoteReason(error)
            #expect(server.requests.count == 3)
            #expect(reason.contains("HTTP 500"), "\(reason)")
            #expect(reason.contains(#"{"error":"boom"}"#), "\(reason)")
            #expect(reason.contains("after 3 attempts"), "\(reason)")
            if case let .remote(url, _) = error { #expect(url == server.baseURL + "/completions") }
        }
    }

    @Test("HTTP 429 with Retry-After: 1 waits about a second before retrying")
    func retryAfterHeader() async throws {
        try await withStubServer(script: [
            .json(#"{"error":"rate limited"}"#, status: 429, extraHeaders: [("Retry-After", "1")]),
            .json(RemoteFixtures.completion),
        ]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 1,
                                            backoff: quickBackoff)
            let clock = ContinuousClock()
            let start = clock.now
            let results = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: [1])
            let elapsed = clock.now - start
            #expect(results.count == 1)
            #expect(server.requests.count == 2)
            #expect(elapsed >= .milliseconds(950), "waited only \(elapsed)")
        }
    }

    @Test("HTTP 400: not retried; the message has the status and the first 300 characters of the body")
    func clientErrorNotRetried() async throws {
        let head = String(repeating: "a", count: 290)
        let body = #"{"e":""# + head + "TAIL-BEYOND-300" + #""}"#
        try await withStubServer(respond: { _, _ in .json(body, status: 400) }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 3,
                                            backoff: quickBackoff)
            let reason = remoteReason(await generate(generator))
            #expect(server.requests.count == 1)
            #expect(reason.contains("HTTP 400 Bad Request"), "\(reason)")
            #expect(reason.contains(String(body.prefix(300))), "\(reason)")
            #expect(!reason.contains("TAIL-BEYOND-300"), "\(reason)")
            #expect(!reason.contains("attempts"), "\(reason)")
        }
    }

    @Test("a 200 with a body that is not JSON: malformed JSON, not retried")
    func notJSON() async throws {
        try await withStubServer(respond: { _, _ in .json("<html>oops</html>") }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", backoff: quickBackoff)
            let reason = remoteReason(await generate(generator))
            #expect(reason.hasPrefix("malformed JSON: the body is not valid JSON"), "\(reason)")
            #expect(server.requests.count == 1)
        }
    }

    @Test("JSON without the expected fields: the message names what was missing", arguments: [
        (RemoteAPI.completions, #"{"choices":[{"index":0,"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#,
         "missing choices[0].text"),
        (.completions, #"{"choices":[{"text":"a","finish_reason":"stop"}]}"#, "missing usage"),
        (.completions, #"{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#, "choices is empty"),
        (.completions, #"{"choices":[{"text":"a","finish_reason":null}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#,
         "choices[0].finish_reason is missing or null"),
        (.completions, #"{"choices":[{"text":"a","finish_reason":"stop"}],"usage":{"prompt_tokens":"1","completion_tokens":1}}"#,
         "expected Int at usage.prompt_tokens"),
        (.chat, #"{"choices":[{"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#,
         "missing choices[0].message"),
    ])
    func missingFields(api: RemoteAPI, body: String, expected: String) async throws {
        try await withStubServer(respond: { _, _ in .json(body) }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", api: api, backoff: quickBackoff)
            let reason = remoteReason(await generate(generator))
            #expect(reason.hasPrefix("malformed JSON: \(expected)"), "\(reason)")
        }
    }

    @Test("a response slower than the timeout: a timeout error after each attempt timed out")
    func slowResponse() async throws {
        // The server waits far longer than the client's timeout, so the outcome does not depend on how busy the
        // machine is (no upper bound on wall-clock time is asserted).
        try await withStubServer(respond: { _, _ in .json(RemoteFixtures.completion, delay: .seconds(60)) }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", timeout: .milliseconds(200),
                                            maxRetries: 1, backoff: quickBackoff)
            let clock = ContinuousClock()
            let start = clock.now
            let reason = remoteReason(await generate(generator))
            let elapsed = clock.now - start
            #expect(reason.contains("timeout"), "\(reason)")
            #expect(reason.contains("after 2 attempts"), "\(reason)")
            #expect(server.requests.count == 2)
            #expect(elapsed >= .milliseconds(400), "took only \(elapsed)")
        }
    }

    @Test("a body that stalls after the head also times out")
    func slowBody() async throws {
        // As above: the body stalls far longer than the timeout.
        try await withStubServer(respond: { _, _ in .json(RemoteFixtures.completion, bodyDelay: .seconds(60)) }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", timeout: .milliseconds(300),
                                            maxRetries: 0)
            let reason = remoteReason(await generate(generator))
            #expect(reason.contains("timeout"), "\(reason)")
        }
    }

    @Test("a connection closed without an answer is retried")
    func droppedConnection() async throws {
        try await withStubServer(script: [.drop, .json(RemoteFixtures.completion)]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 2,
                                            backoff: quickBackoff)
            let results = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: [3])
            #expect(results.first?.text == " 4")
            #expect(server.requests.count == 2)
        }
    }

    @Test("dropped every time: a connection error naming the server")
    func droppedAlways() async throws {
        try await withStubServer(respond: { _, _ in .drop }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 1,
                                            backoff: quickBackoff)
            let reason = remoteReason(await generate(generator))
            #expect(reason.contains("could not reach the server"), "\(reason)")
            #expect(server.requests.count == 2)
        }
    }

    @Test("one failing seed fails the call")
    func oneSeedFails() async throws {
        try await withStubServer(respond: { request, _ in
            let seed = (try? request.json())?["seed"] as? Int ?? -1
            return seed == 2 ? .json(#"{"error":"bad seed"}"#, status: 422) : .json(RemoteFixtures.completion)
        }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxConcurrency: 1)
            let reason = remoteReason(await generate(generator, seeds: [1, 2, 3]))
            #expect(reason.contains("HTTP 422"), "\(reason)")
            #expect(reason.contains("bad seed"), "\(reason)")
        }
    }

    @Test("requests that cannot fit the API are refused before anything is sent")
    func invalidRequests() async throws {
        try await withStubServer(script: []) { server in
            let completions = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny")
            let chat = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", api: .chat)
            let chatPrompt = GenerationRequest(prompt: .chat([ChatMessage(role: "user", content: "hi")]))
            let cases: [(RemoteGenerator, GenerationRequest, String)] = [
                (completions, chatPrompt, "needs the chat API"),
                (chat, GenerationRequest(prompt: .tokens([1, 2])), "needs the completions API"),
                (completions, GenerationRequest(prompt: .text("p"), maxTokens: -1), "max-tokens must be ≥ 0"),
                (completions, GenerationRequest(prompt: .text("")), "the prompt is empty"),
                (completions, GenerationRequest(prompt: .text("p"), sampling: SamplingParameters(temperature: -1)),
                 "temperature"),
                (RemoteGenerator(baseURL: "not a url", modelName: "tiny"), GenerationRequest(prompt: .text("p")),
                 "not an http(s) URL"),
                (RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxConcurrency: 0),
                 GenerationRequest(prompt: .text("p")), "maxConcurrency must be ≥ 1"),
            ]
            for (generator, request, expected) in cases {
                let error = await generate(generator, request)
                #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
            }
            #expect(server.requests.isEmpty)
        }
    }
}
