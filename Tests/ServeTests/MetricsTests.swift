import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// `GET /metrics` in Prometheus text format, its values checked against the answers the server gave.
@Suite struct MetricsTests {
    /// The value of the sample line `name value` (no labels).
    static func value(_ name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    @Test func metricsCountWhatWasServed() async throws {
        var options = ServeOptions(maxAdmittedSequences: 4)
        options.tokenRateWindow = .seconds(3600)  // every choice of the test ends inside it, however slow the machine
        let fixture = try ServeFixture(options: options)
        try await fixture.app.test(.router) { client in
            let first = try await client.post("/v1/completions",
                                              json: #"{"model":"reckon","prompt":"hello","n":2,"seed":1,"max_tokens":8}"#)
            let second = try await client.post("/v1/chat/completions",
                                               json: #"{"model":"reckon","messages":[{"role":"user","content":"hi"}],"seed":2,"max_tokens":5,"stream":true}"#)
            #expect(second.status == .ok)
            let rejected = try await client.post("/v1/completions", json: #"{"model":"reckon","prompt":"a","n":5}"#)
            #expect(rejected.status == .badRequest)  // 5 choices: more than the 4 admitted at once, refused as n
            #expect(fixture.handler.gate.tryEnter(4))
            let busy = try await client.post("/v1/completions", json: #"{"model":"reckon","prompt":"a"}"#)
            #expect(busy.status == .tooManyRequests)
            fixture.handler.gate.leave(4)

            let usage = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: first.body)).usage
            let streamed = try StreamingTests.events(second.text)
            let chatFinish = streamed.compactMap { ($0["choices"] as? [[String: Any]])?.first }
                .filter { $0["finish_reason"] is String }
            #expect(chatFinish.count == 1)

            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = response.text
            let chatPrompt = try fixture.engine.tokens(for: .chat([.init(role: "user", content: "hi")])).count
            #expect(Self.value("reckon_prompt_tokens_total", in: text) == Double(usage.promptTokens + chatPrompt))
            let generated = try #require(Self.value("reckon_generation_tokens_total", in: text))
            #expect(generated > Double(usage.completionTokens))  // the chat stream's tokens come on top
            #expect(generated <= Double(usage.completionTokens + 5))
            #expect(Self.value("reckon_num_requests_running", in: text) == 0)
            #expect(Self.value("reckon_requests_rejected_total", in: text) == 1)
            #expect(Self.value("reckon_live_sequences", in: text) == 0)
            #expect(Self.value("reckon_kv_pages_in_use", in: text) == 0)
            #expect(Self.value("reckon_kv_pages_limit", in: text) == Double(fixture.batch.metrics.pageLimit))
            #expect(Self.value("reckon_e2e_request_latency_seconds_count", in: text) == 2)
            #expect(Self.value("reckon_generation_tokens_per_second", in: text) == generated / 3600)
            #expect(text.contains("# TYPE reckon_e2e_request_latency_seconds histogram"))
        }
    }
}
