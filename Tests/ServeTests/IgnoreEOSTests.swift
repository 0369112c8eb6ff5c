import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// `ignore_eos` (vLLM's and llama-server's extension, used by Benchmarks/serve-load): a choice that would end at
/// end-of-sequence goes on to `max_tokens`, as `LocalEngine.generate` with `ignoreEndOfSequence`.
@Suite struct IgnoreEOSTests {
    @Test func aChoiceThatWouldEndEarlyRunsToMaxTokens() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            // A seed whose choice ends at end-of-sequence before 40 tokens (the tiny model often samples it at
            // temperature 2), so that the field has something to change.
            var early: UInt64?
            for seed: UInt64 in 0..<64 {
                let body = #"{"model":"reckon","prompt":"end","seed":\#(seed),"max_tokens":40,"temperature":2}"#
                let answer = try JSONDecoder().decode(
                    CompletionResponse.self, from: Data(buffer: try await client.post("/v1/completions", json: body).body))
                if answer.choices[0].finishReason == "stop" {
                    early = seed
                    break
                }
            }
            let seed = try #require(early, "no seed in 0..<64 ended early: the test cannot show ignore_eos")
            let body = #"{"model":"reckon","prompt":"end","seed":\#(seed),"max_tokens":40,"temperature":2,"ignore_eos":true}"#
            let response = try await client.post("/v1/completions", json: body)
            #expect(response.status == .ok, "\(response.text)")
            let answer = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
            #expect(answer.choices[0].finishReason == "length")
            #expect(answer.usage.completionTokens == 40)
            var request = GenerationRequest(prompt: .text("end"), maxTokens: 40,
                                            sampling: serverSampling(temperature: 2), stop: [])
            request.sampling.seed = ChoiceSeeds.seed(request: seed, choice: 0)
            request.ignoreEndOfSequence = true
            #expect(answer.choices[0].text == (try fixture.engine.generate(request)).text)
        }
    }
}
