import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// The `seed` field: any 64-bit integer, signed or unsigned, and choice 0 of a request samples with the request's
/// seed itself, exactly as `LocalEngine.generate` with that seed (what `reckon generate --seed` and the samples of
/// `reckon eval` use), so `eval --endpoint` with `n` = 1 reproduces local samples.
@Suite struct SeedTests {
    /// The text the engine generates alone with sampler seed `seed` (no derivation: the engine's own rule).
    func engineAlone(_ fixture: ServeFixture, prompt: String, seed: UInt64, maxTokens: Int) throws -> String {
        var request = GenerationRequest(prompt: .text(prompt), maxTokens: maxTokens,
                                        sampling: serverSampling(temperature: 1), stop: [])
        request.sampling.seed = seed
        return try fixture.engine.generate(request).text
    }

    func completion(_ client: some TestClientProtocol, seed: String, n: Int = 1)
    async throws -> (status: HTTPResponse.Status, texts: [String], header: String?) {
        let body = #"{"model":"reckon","prompt":"seeds","n":\#(n),"seed":\#(seed),"max_tokens":10,"temperature":1}"#
        let response = try await client.post("/v1/completions", json: body)
        guard response.status == .ok else { return (response.status, [], nil) }
        let decoded = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
        return (response.status, decoded.choices.sorted { $0.index < $1.index }.map(\.text),
                response.headers[HTTPField.Name("x-reckon-seed")!])
    }

    @Test func choiceZeroSamplesWithTheRequestSeedItself() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            for seed: UInt64 in [0, 5, 1 << 40] {
                let answer = try await completion(client, seed: String(seed), n: 3)
                #expect(answer.status == .ok)
                #expect(answer.texts.first == (try engineAlone(fixture, prompt: "seeds", seed: seed, maxTokens: 10)),
                        "seed \(seed)")
                // The other choices have their own streams: not the request seed's, nor seed + 1's.
                let plusOne = try engineAlone(fixture, prompt: "seeds", seed: seed + 1, maxTokens: 10)
                let plusTwo = try engineAlone(fixture, prompt: "seeds", seed: seed + 2, maxTokens: 10)
                #expect(answer.texts[1] != plusOne || answer.texts[2] != plusTwo)
            }
        }
    }

    /// Seeds above `Int64.max` (half of eval's derived seeds, and what `x-reckon-seed` returns for a random seed) are
    /// taken as they are; a negative seed is its 64-bit two's complement.
    @Test func seedsCoverTheWhole64BitRange() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let big: UInt64 = 18_000_000_000_000_000_000
            let answer = try await completion(client, seed: String(big))
            #expect(answer.status == .ok)
            #expect(answer.header == String(big))
            #expect(answer.texts == [try engineAlone(fixture, prompt: "seeds", seed: big, maxTokens: 10)])

            let negative = try await completion(client, seed: "-1")
            let top = try await completion(client, seed: String(UInt64.max))
            #expect(negative.status == .ok && top.status == .ok)
            #expect(negative.header == String(UInt64.max))
            #expect(negative.texts == top.texts)
        }
    }

    @Test func seedsOutsideBothRangesOrNotIntegersAre400() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            for (seed, code) in [("18446744073709551616", "invalid_value"), ("-9223372036854775809", "invalid_value"),
                                 ("1.5", "invalid_value"), (#""7""#, "invalid_type")] {
                let response = try await client.post(
                    "/v1/completions", json: #"{"model":"reckon","prompt":"a","seed":\#(seed)}"#)
                #expect(response.status == .badRequest, "seed \(seed): \(response.text)")
                #expect(try response.error["param"] as? String == "seed", "seed \(seed)")
                #expect(try response.error["code"] as? String == code, "seed \(seed): \(response.text)")
            }
        }
    }
}
