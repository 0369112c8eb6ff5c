import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Tokenizer
@testable import Serve

/// Every endpoint on the tiny model; generated text is checked against `LocalEngine.generate` alone with the
/// documented choice seeds.
@Suite struct EndpointTests {
    @Test func healthAndModels() async throws {
        let fixture = try ServeFixture(options: ServeOptions(modelName: "tiny"))
        try await fixture.app.test(.router) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(try health.object["status"] as? String == "ok")

            let models = try await client.execute(uri: "/v1/models", method: .get)
            #expect(models.status == .ok)
            let list = try JSONDecoder().decode(ModelList.self, from: Data(buffer: models.body))
            #expect(list.object == "list")
            #expect(list.data.map(\.id) == ["tiny"])
            #expect(list.data[0].object == "model")

            let one = try await client.execute(uri: "/v1/models/tiny", method: .get)
            #expect(one.status == .ok)
            let unknown = try await client.execute(uri: "/v1/models/gpt-4", method: .get)
            #expect(unknown.status == .notFound)
            #expect(try unknown.error["code"] as? String == "model_not_found")
        }
    }

    /// `n` choices of a text prompt, each what the engine generates alone for its derived seed; usage counts the
    /// prompt once and the completion tokens of every choice.
    @Test func completionsWithNChoicesMatchTheEngineAlone() async throws {
        let fixture = try ServeFixture()
        let body = #"{"model":"reckon","prompt":"hello there","n":3,"seed":7,"max_tokens":12,"temperature":0.9,"top_k":20}"#
        try await fixture.app.test(.router) { client in
            let response = try await client.post("/v1/completions", json: body)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("x-reckon-seed")!] == "7")
            #expect(response.headers[.connection] == nil)  // keep-alive: the connection serves the next request
            let decoded = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
            #expect(decoded.object == "text_completion")
            #expect(decoded.id.hasPrefix("cmpl-"))
            #expect(decoded.choices.map(\.index) == [0, 1, 2])
            var completionTokens = 0
            for choice in decoded.choices {
                let expected = try fixture.reference(.text("hello there"), maxTokens: 12,
                                                     sampling: serverSampling(temperature: 0.9, topK: 20), seed: 7,
                                                     choice: choice.index)
                #expect(choice.text == expected.text)
                #expect(choice.finishReason == ChoiceRunner.finishReason(expected.finishReason))
                completionTokens += expected.generatedTokenCount
            }
            #expect(Set(decoded.choices.map(\.text)).count > 1, "three seeded choices at temperature 0.9 all equal")
            let promptTokens = try fixture.engine.tokens(for: .text("hello there")).count
            #expect(decoded.usage == Usage(promptTokens: promptTokens, completionTokens: completionTokens))
        }
    }

    /// Several prompts in one request: choice index = prompt_index * n + j, prompt tokens counted once per prompt.
    @Test func severalPromptsIndexChoicesByPromptThenN() async throws {
        let fixture = try ServeFixture()
        let body = #"{"model":"reckon","prompt":[[1,60,7],[5,17,230,9]],"n":2,"seed":3,"max_tokens":6,"temperature":0}"#
        try await fixture.app.test(.router) { client in
            let response = try await client.post("/v1/completions", json: body)
            #expect(response.status == .ok)
            let decoded = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
            #expect(decoded.choices.map(\.index) == [0, 1, 2, 3])
            let prompts = [[1, 60, 7], [5, 17, 230, 9]]
            for choice in decoded.choices {
                let expected = try fixture.reference(.tokens(prompts[choice.index / 2]), maxTokens: 6,
                                                     sampling: serverSampling(temperature: 0), seed: 3,
                                                     choice: choice.index)
                #expect(choice.text == expected.text)
            }
            #expect(decoded.usage.promptTokens == 7)
        }
    }

    /// Chat messages are rendered with the engine's template (raw for the tiny model); `max_completion_tokens`
    /// wins over `max_tokens`; a stop string ends the text before it with finish_reason "stop".
    @Test func chatCompletionMatchesTheEngineAlone() async throws {
        let fixture = try ServeFixture()
        let body = #"""
            {"model":"reckon","messages":[{"role":"system","content":"be brief"},
             {"role":"user","content":[{"type":"text","text":"what is "},{"type":"text","text":"two"}]}],
             "seed":11,"max_tokens":3,"max_completion_tokens":20,"top_p":0.9,"min_p":0.05,"stop":["zz"]}
            """#
        try await fixture.app.test(.router) { client in
            let response = try await client.post("/v1/chat/completions", json: body)
            #expect(response.status == .ok, "\(response.text)")
            let decoded = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(buffer: response.body))
            #expect(decoded.object == "chat.completion")
            #expect(decoded.choices.count == 1)
            let messages = [ChatMessage(role: "system", content: "be brief"), ChatMessage(role: "user", content: "what is two")]
            let expected = try fixture.reference(.chat(messages), maxTokens: 20,
                                                 sampling: serverSampling(topP: 0.9, minP: 0.05), stop: ["zz"],
                                                 seed: 11, choice: 0)
            #expect(decoded.choices[0].message == .init(content: expected.text))
            #expect(decoded.choices[0].finishReason == ChoiceRunner.finishReason(expected.finishReason))
            #expect(decoded.usage.promptTokens == (try fixture.engine.tokens(for: .chat(messages)).count))
            #expect(decoded.usage.completionTokens == expected.generatedTokenCount)
        }
    }

    /// After requests end, the batch holds no sequence and no KV page.
    @Test func requestsLeaveNoPagesBehind() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            _ = try await client.post("/v1/completions", json: #"{"model":"reckon","prompt":"abc","n":4,"max_tokens":9}"#)
            _ = try await client.post("/v1/chat/completions",
                                      json: #"{"model":"reckon","messages":[{"role":"user","content":"x"}],"stream":true,"max_tokens":9}"#)
        }
        let metrics = fixture.batch.metrics
        #expect(metrics.liveSequences == 0)
        #expect(metrics.pagesInUse == 0)
        #expect(metrics.openSessions == 0)
        #expect(fixture.handler.gate.admittedSequences == 0)
    }
}
