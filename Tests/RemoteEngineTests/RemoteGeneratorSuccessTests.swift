import Foundation
import Sampling
import Testing
import Tokenizer
@testable import RemoteEngine
import Engine

/// Hand-written responses in the shapes vLLM returns.
enum RemoteFixtures {
    static let completion = #"""
        {"id":"cmpl-1","object":"text_completion","created":1,"model":"tiny",
         "choices":[{"index":0,"text":" 4","finish_reason":"length","stop_reason":null,
                     "logprobs":{"tokens":[" ","4"],"token_logprobs":[-0.5,-0.25],
                                 "top_logprobs":[{" ":-0.5},{"4":-0.25}],"text_offset":[0,1]}}],
         "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}
        """#

    static let chat = #"""
        {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"tiny",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Paris"},
                     "logprobs":{"content":[{"token":"Par","logprob":-0.125,"bytes":[80,97,114],"top_logprobs":[]},
                                            {"token":"is","logprob":-2.0,"bytes":[105,115],"top_logprobs":[]}]},
                     "finish_reason":"stop","stop_reason":null}],
         "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}
        """#

    /// A completion whose text is `text`, stopped by the stop string `stop` (written JSON-escaped).
    static func completion(text: String, stop: String = #"\n"#) -> String {
        #"{"choices":[{"index":0,"text":"\#(text)","finish_reason":"stop","stop_reason":"\#(stop)","logprobs":null}],"#
            + #""usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"#
    }
}

@Suite("RemoteGenerator: successful requests")
struct RemoteGeneratorSuccessTests {
    @Test("completions: request body carries prompt, limits, sampling, stop and seed; response maps to a result")
    func completionsRoundTrip() async throws {
        try await withStubServer(script: [.json(RemoteFixtures.completion)]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", apiKey: "secret")
            let request = GenerationRequest(
                prompt: .text("2+2="), maxTokens: 7,
                sampling: SamplingParameters(temperature: 0.7, topK: 20, topP: 0.9, minP: 0.05), stop: ["\n", "END"])
            let results = try await generator.generate(request, seeds: [42])

            #expect(results == [GenerationResult(
                promptTokens: [], promptTokenCount: 5, tokens: [], generatedTokenCount: 2, text: " 4",
                finishReason: .length, tokenLogProbabilities: [-0.5, -0.25])])

            let sent = try #require(server.requests.first)
            #expect(server.requests.count == 1)
            #expect(sent.method == "POST")
            #expect(sent.uri == "/v1/completions")
            #expect(sent.headers["authorization"] == "Bearer secret")
            #expect(sent.headers["content-type"] == "application/json")
            let body = try sent.json()
            #expect(body["model"] as? String == "tiny")
            #expect(body["prompt"] as? String == "2+2=")
            #expect(body["max_tokens"] as? Int == 7)
            #expect(body["temperature"] as? Double == 0.7)
            #expect(body["top_p"] as? Double == 0.9)
            #expect(body["top_k"] as? Int == 20)
            #expect(body["min_p"] as? Double == 0.05)
            #expect(body["stop"] as? [String] == ["\n", "END"])
            #expect(body["seed"] as? Int == 42)
            #expect(body["n"] as? Int == 1)
            #expect(body["logprobs"] as? Int == 1)
            #expect(body["stream"] as? Bool == false)
            #expect(body["repetition_penalty"] == nil)
        }
    }

    @Test("chat: messages and logprobs=true are sent; content logprobs are read; stop_reason null means end of sequence")
    func chatRoundTrip() async throws {
        try await withStubServer(script: [.json(RemoteFixtures.chat)]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL + "/", modelName: "tiny", api: .chat)
            let messages = [ChatMessage(role: "system", content: "Be brief."),
                            ChatMessage(role: "user", content: "Capital of France?")]
            let results = try await generator.generate(
                GenerationRequest(prompt: .chat(messages), maxTokens: 16, sampling: .greedy), seeds: [7])

            #expect(results == [GenerationResult(
                promptTokens: [], promptTokenCount: 12, tokens: [], generatedTokenCount: 2, text: "Paris",
                finishReason: .endOfSequence, tokenLogProbabilities: [-0.125, -2.0])])

            let sent = try #require(server.requests.first)
            #expect(sent.uri == "/v1/chat/completions")
            #expect(sent.headers["authorization"] == nil)
            let body = try sent.json()
            let sentMessages = try #require(body["messages"] as? [[String: String]])
            #expect(sentMessages == [["role": "system", "content": "Be brief."],
                                     ["role": "user", "content": "Capital of France?"]])
            #expect(body["logprobs"] as? Bool == true)
            #expect(body["temperature"] as? Double == 0)
            #expect(body["seed"] as? Int == 7)
            // Greedy settings: disabled stages and empty stop lists are left out.
            #expect(body["top_k"] == nil)
            #expect(body["min_p"] == nil)
            #expect(body["stop"] == nil)
        }
    }

    @Test("chat: a text prompt becomes one user message")
    func chatTextPrompt() async throws {
        try await withStubServer(script: [.json(RemoteFixtures.chat)]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", api: .chat,
                                            requestsLogProbabilities: false)
            _ = try await generator.generate(GenerationRequest(prompt: .text("Hi")), seeds: [1])
            let body = try #require(server.requests.first).json()
            #expect(body["messages"] as? [[String: String]] == [["role": "user", "content": "Hi"]])
            #expect(body["logprobs"] == nil)
        }
    }

    @Test("completions: a token prompt is sent as an integer array and kept in promptTokens")
    func tokenPrompt() async throws {
        try await withStubServer(script: [.json(RemoteFixtures.completion(text: "x"))]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny")
            let results = try await generator.generate(
                GenerationRequest(prompt: .tokens([1, 17, 4242]), maxTokens: 3, stop: ["\n"]), seeds: [0])
            #expect(results.first?.promptTokens == [1, 17, 4242])
            #expect(results.first?.finishReason == .stop)
            #expect(try #require(server.requests.first).json()["prompt"] as? [Int] == [1, 17, 4242])
        }
    }

    @Test("one request per seed, results in seed order, at most maxConcurrency in flight")
    func seedsAndConcurrency() async throws {
        let seeds: [UInt64] = [11, 22, 33, 44, 55, 66, 77]
        try await withStubServer(respond: { request, _ in
            let seed = (try? request.json())?["seed"] as? Int ?? -1
            return .json(RemoteFixtures.completion(text: "seed \(seed)"), delay: .milliseconds(150))
        }) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxConcurrency: 3)
            let results = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: seeds)
            #expect(results.map(\.text) == seeds.map { "seed \($0)" })
            let sentSeeds = try server.requests.map { try $0.json()["seed"] as? Int ?? -1 }
            #expect(sentSeeds.sorted() == seeds.map { Int($0) })
            #expect(server.maxInFlight == 3)
        }
    }

    @Test("no seeds: no request")
    func noSeeds() async throws {
        try await withStubServer(script: []) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny")
            let results = try await generator.generate(GenerationRequest(prompt: .text("p")), seeds: [])
            #expect(results.isEmpty)
            #expect(server.requests.isEmpty)
        }
    }

    @Test("modelIdentifier names the URL and the model")
    func identifier() {
        let generator = RemoteGenerator(baseURL: "http://127.0.0.1:8080/v1", modelName: "qwen")
        #expect(generator.modelIdentifier == "http://127.0.0.1:8080/v1 model=qwen")
        #expect(generator.endpoint == "http://127.0.0.1:8080/v1/completions")
    }
}

@Suite("RemoteGenerator: several choices per request (n)")
struct RemoteGeneratorChoicesTests {
    static func twoChoices(logprobs: Bool) -> String {
        let lp0 = logprobs ? #"{"tokens":["a","b","c"],"token_logprobs":[-1,-2,-3]}"# : "null"
        let lp1 = logprobs ? #"{"tokens":["d"],"token_logprobs":[-0.5]}"# : "null"
        // Returned out of order: index 1 first.
        return #"{"choices":[{"index":1,"text":"second","finish_reason":"stop","stop_reason":null,"logprobs":\#(lp1)},"#
            + #"{"index":0,"text":"first","finish_reason":"length","stop_reason":null,"logprobs":\#(lp0)}],"#
            + #""usage":{"prompt_tokens":4,"completion_tokens":5,"total_tokens":9}}"#
    }

    @Test("seeds are grouped into requests of n choices; results come back in seed order")
    func groupsSeeds() async throws {
        let script: [StubResponse] = [.json(Self.twoChoices(logprobs: true)), .json(Self.twoChoices(logprobs: true)),
                                      .json(RemoteFixtures.completion)]
        try await withStubServer(script: script) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxConcurrency: 1,
                                            choicesPerRequest: 2)
            let results = try await generator.generate(
                GenerationRequest(prompt: .text("x"), maxTokens: 8, sampling: .greedy), seeds: [10, 11, 12, 13, 14])
            #expect(results.count == 5)
            #expect(results.map(\.text) == ["first", "second", "first", "second", " 4"])
            #expect(results[0].generatedTokenCount == 3 && results[1].generatedTokenCount == 1)
            #expect(results[0].finishReason == .length && results[1].finishReason == .endOfSequence)
            #expect(results[0].tokenLogProbabilities == [-1, -2, -3])
            let bodies = try server.requests.map { try $0.json() }
            #expect(bodies.map { $0["n"] as? Int } == [2, 2, 1])
            #expect(bodies.map { $0["seed"] as? Int } == [10, 12, 14])
        }
    }

    @Test("without log-probabilities the usage is shared out; a wrong number of choices is malformed")
    func usageSharedAndCountChecked() async throws {
        try await withStubServer(script: [.json(Self.twoChoices(logprobs: false)), .json(Self.twoChoices(logprobs: false))]) { server in
            let generator = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 0,
                                            choicesPerRequest: 2)
            let pair = try await generator.generate(
                GenerationRequest(prompt: .text("x"), maxTokens: 8, sampling: .greedy), seeds: [1, 2])
            #expect(pair.map(\.generatedTokenCount) == [3, 2])
            let three = RemoteGenerator(baseURL: server.baseURL, modelName: "tiny", maxRetries: 0, choicesPerRequest: 3)
            do {
                _ = try await three.generate(
                    GenerationRequest(prompt: .text("x"), maxTokens: 8, sampling: .greedy), seeds: [1, 2, 3])
                Issue.record("a response with 2 choices for n = 3 must be rejected")
            } catch {
                #expect("\(error)".contains("expected 3 choice(s)"), "\(error)")
            }
        }
    }
}
