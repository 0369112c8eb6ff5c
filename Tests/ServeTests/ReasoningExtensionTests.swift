import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Reasoning
import Testing
@testable import Serve

/// The `reckon` request field on the tiny fixture model: it selects the online strategy, its token budget caps what
/// is generated, and bad values get OpenAI's 400 with `param`.
@Suite struct ReasoningExtensionTests {
    static func completion(_ reckon: String, extra: String = "") -> String {
        #"{"model":"reckon","prompt":"hello","seed":3,"max_tokens":12,"reckon":\#(reckon)\#(extra)}"#
    }

    static func reckon(_ response: TestResponse) throws -> [String: Any] {
        try #require(try response.object["reckon"] as? [String: Any])
    }

    @Test func theFieldSelectsTheStrategy() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let short = try await client.post("/v1/completions",
                                              json: Self.completion(#"{"strategy":"short-m-at-k","samples":4,"m":2}"#))
            #expect(short.status == .ok)
            let shortReport = try Self.reckon(short)
            #expect(shortReport["strategy"] as? String == "short-m-at-k:k=4,m=2")
            #expect(shortReport["samples"] as? Int == 4)
            #expect(shortReport["token_budget"] is NSNull)
            let shortChoice = try #require((shortReport["choices"] as? [[String: Any]])?.first)
            #expect(shortChoice["samples_started"] as? Int == 4)
            let answer = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: short.body))
            #expect(answer.choices.count == 1 && answer.choices[0].index == 0)
            #expect(answer.usage.completionTokens == shortChoice["generated_tokens"] as? Int)

            let majority = try await client.post("/v1/completions",
                                                 json: Self.completion(#"{"strategy":"majority","samples":3}"#))
            let majorityReport = try Self.reckon(majority)
            #expect(majorityReport["strategy"] as? String == "majority:k=3")
            let majorityChoice = try #require((majorityReport["choices"] as? [[String: Any]])?.first)
            #expect(majorityChoice["samples_started"] as? Int == 3 && majorityChoice["samples_complete"] as? Int == 3)
            // Votes count the complete samples whose answer could be read.
            let votes = try #require(majorityChoice["votes"] as? [String: Int])
            #expect(votes.values.reduce(0, +) <= 3)

            // `single`: the choice is sample 0, exactly what the engine generates alone with its seed.
            let single = try await client.post("/v1/completions", json: Self.completion(#"{"strategy":"single"}"#))
            let singleAnswer = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: single.body))
            var request = GenerationRequest(prompt: .text("hello"), maxTokens: 12, sampling: serverSampling())
            request.sampling.seed = SampleSeed.derive(runSeed: 3, problem: 0, sample: 0)
            let alone = try fixture.engine.generate(request)
            #expect(singleAnswer.choices[0].text == alone.text)
            #expect(singleAnswer.usage.completionTokens == alone.generatedTokenCount)

            // Adaptive allocation across the prompts of one request: a choice per prompt.
            let adaptive = try await client.post("/v1/completions", json: #"""
                {"model":"reckon","prompt":["hello","hi there"],"seed":5,"max_tokens":6,
                 "reckon":{"strategy":"adaptive","samples":4}}
                """#)
            #expect(adaptive.status == .ok, "\(adaptive.text)")
            let adaptiveReport = try Self.reckon(adaptive)
            let adaptiveChoices = try #require(adaptiveReport["choices"] as? [[String: Any]])
            #expect(adaptiveChoices.map { $0["index"] as? Int } == [0, 1])
            #expect(adaptiveChoices.allSatisfy { ($0["samples_started"] as? Int ?? 0) >= 2 })
            #expect(adaptiveChoices.reduce(0) { $0 + ($1["samples_started"] as? Int ?? 0) } <= 8)
            let adaptiveAnswer = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: adaptive.body))
            #expect(adaptiveAnswer.usage.completionTokens
                == adaptiveChoices.reduce(0) { $0 + ($1["generated_tokens"] as? Int ?? 0) })

            // Chat takes the same field.
            let chat = try await client.post("/v1/chat/completions", json: #"""
                {"model":"reckon","messages":[{"role":"user","content":"hi"}],"seed":1,"max_tokens":8,
                 "reckon":{"strategy":"early-stop","samples":3,"confidence":0.8}}
                """#)
            #expect(chat.status == .ok)
            #expect(try Self.reckon(chat)["strategy"] as? String == "early-stop:confidence=0.8,k=3")
        }
    }

    @Test func theTokenBudgetCapsCompletionTokens() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            for (strategy, budget) in [("majority", 10), ("short-m-at-k", 7), ("budget", 15), ("early-stop", 5)] {
                let response = try await client.post("/v1/completions", json: Self.completion(
                    #"{"strategy":"\#(strategy)","samples":4,"token_budget":\#(budget)}"#))
                #expect(response.status == .ok, "\(strategy): \(response.text)")
                let answer = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
                #expect(answer.usage.completionTokens <= budget, "\(strategy)")
                let report = try Self.reckon(response)
                #expect(report["token_budget"] as? Int == budget)
                let choice = try #require((report["choices"] as? [[String: Any]])?.first)
                #expect(choice["generated_tokens"] as? Int == answer.usage.completionTokens)
            }
            // 4 samples of up to 12 tokens each would take up to 48 tokens: a budget of 10 stops some.
            let capped = try await client.post("/v1/completions",
                                               json: Self.completion(#"{"strategy":"majority","samples":4,"token_budget":10}"#))
            let choice = try #require((try Self.reckon(capped)["choices"] as? [[String: Any]])?.first)
            #expect((choice["stopped_by_budget"] as? Int ?? 0) > 0)
        }
    }

    @Test func invalidValuesAre400WithTheirParam() async throws {
        let fixture = try ServeFixture()
        let cases: [(reckon: String, extra: String, param: String)] = [
            (#"{"strategy":"majorty"}"#, "", "reckon.strategy"),
            (#"{"strategy":"best-of-n"}"#, "", "reckon.strategy"),
            (#"{"strategy":"pass-at-k"}"#, "", "reckon.strategy"),
            (#"{"samples":4}"#, "", "reckon.strategy"),
            (#"{"strategy":"short-m-at-k","samples":4,"m":5}"#, "", "reckon.m"),
            (#"{"strategy":"majority","m":2}"#, "", "reckon.m"),
            (#"{"strategy":"budget","samples":4}"#, "", "reckon.token_budget"),
            (#"{"strategy":"majority","token_budget":0}"#, "", "reckon.token_budget"),
            (#"{"strategy":"majority","samples":0}"#, "", "reckon.samples"),
            (#"{"strategy":"majority","samples":1000}"#, "", "reckon.samples"),
            (#"{"strategy":"majority","samples":"four"}"#, "", "reckon.samples"),
            (#"{"strategy":"early-stop","confidence":1.5}"#, "", "reckon.confidence"),
            (#"{"strategy":"majority","sample":4}"#, "", "reckon.sample"),
            (#"{"strategy":"majority"}"#, #","n":2"#, "n"),
            (#"{"strategy":"majority"}"#, #","stream":true"#, "stream"),
            (#""majority""#, "", "reckon"),
        ]
        try await fixture.app.test(.router) { client in
            for item in cases {
                let response = try await client.post("/v1/completions", json: Self.completion(item.reckon, extra: item.extra))
                #expect(response.status == .badRequest, "\(item.reckon)\(item.extra): \(response.status)")
                let error = try response.error
                #expect(error["param"] as? String == item.param, "\(item.reckon)\(item.extra): \(error)")
                #expect(error["type"] as? String == "invalid_request_error")
            }
        }
        #expect(fixture.batch.pool.pagesInUse == 0)
    }
}
