import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// The prefix cache through the server: `usage.prompt_tokens_details.cached_tokens`, unchanged answers, and the
/// cache's series on `/metrics`.
@Suite struct PrefixCacheServeTests {
    /// Token-list prompts of `count` tokens whose first 32 are the same for every `variant`.
    static func prompt(_ count: Int, variant: Int) -> [Int] {
        (0..<count).map { $0 < 32 ? ($0 * 37 + 11) % 300 : ($0 * 13 + variant * 29 + 5) % 300 }
    }

    static func body(_ prompt: [Int], stream: Bool = false) -> String {
        let tokens = prompt.map(String.init).joined(separator: ",")
        let streaming = stream ? #","stream":true,"stream_options":{"include_usage":true}"# : ""
        return #"{"model":"reckon","prompt":[\#(tokens)],"n":2,"seed":7,"max_tokens":6\#(streaming)}"#
    }

    @Test func aSecondRequestReportsItsCachedTokensAndAnswersTheSame() async throws {
        let cached = try ServeFixture(prefixCachePages: 8)
        let cold = try ServeFixture()
        let second = Self.prompt(44, variant: 2)
        let expected = try await cold.app.test(.router) { client in
            let response = try await client.post("/v1/completions", json: Self.body(second))
            // Without a prefix cache the field is absent.
            #expect(try response.object["usage"].flatMap { ($0 as? [String: Any])?["prompt_tokens_details"] } == nil)
            return try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
        }
        try await cached.app.test(.router) { client in
            let first = try await client.post("/v1/completions", json: Self.body(Self.prompt(40, variant: 1)))
            let firstAnswer = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: first.body))
            #expect(firstAnswer.usage.promptTokensDetails?.cachedTokens == 0)

            let response = try await client.post("/v1/completions", json: Self.body(second))
            let answer = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: response.body))
            #expect(answer.usage == Usage(promptTokens: 44, completionTokens: expected.usage.completionTokens,
                                          cachedTokens: 32))
            #expect(answer.choices == expected.choices)

            // Streamed, the usage chunk carries the field too.
            let streamed = try await client.post("/v1/completions", json: Self.body(second, stream: true))
            let events = try StreamingTests.events(streamed.text)
            let usage = try #require(events.last?["usage"] as? [String: Any])
            #expect((usage["prompt_tokens_details"] as? [String: Int])?["cached_tokens"] == 32)

            let text = try await client.execute(uri: "/metrics", method: .get).text
            #expect(MetricsTests.value("reckon_prefix_cache_hits_total", in: text) == 2)
            #expect(MetricsTests.value("reckon_prefix_cache_misses_total", in: text) == 1)
            #expect(MetricsTests.value("reckon_prefix_cache_reused_tokens_total", in: text) == 64)
            #expect(MetricsTests.value("reckon_prefix_cache_pages", in: text) == 2)
            #expect(MetricsTests.value("reckon_kv_pages_in_use", in: text) == 2)
            #expect(MetricsTests.value("reckon_prefix_cache_evictions_total", in: text) == 0)
        }
    }
}
