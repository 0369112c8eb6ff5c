import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// Server-sent events: framing, chunk order, text equal to the non-streamed answer, usage only when asked.
@Suite struct StreamingTests {
    /// The JSON payloads of an SSE body, checking its framing: every event is one `data: ` line followed by a blank
    /// line, and the last is `data: [DONE]`.
    static func events(_ body: String) throws -> [[String: Any]] {
        #expect(body.hasSuffix("data: [DONE]\n\n"))
        var parts = body.components(separatedBy: "\n\n")
        #expect(parts.last == "")
        parts.removeLast()
        #expect(parts.last == "data: [DONE]")
        parts.removeLast()
        return try parts.map { part in
            #expect(part.hasPrefix("data: "), "\(part)")
            #expect(!part.contains("\n"), "an event spans several lines: \(part)")
            let json = try JSONSerialization.jsonObject(with: Data(part.dropFirst(6).utf8))
            guard let object = json as? [String: Any] else { throw FixtureError("event is not an object: \(part)") }
            return object
        }
    }

    @Test func chatStreamFramesRoleTextFinishUsageAndDone() async throws {
        let fixture = try ServeFixture()
        let fields = #""model":"reckon","messages":[{"role":"user","content":"tell me"}],"n":2,"seed":5,"max_tokens":15"#
        try await fixture.app.test(.router) { client in
            let plain = try await client.post("/v1/chat/completions", json: "{" + fields + "}")
            let whole = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(buffer: plain.body))

            let response = try await client.post(
                "/v1/chat/completions", json: "{" + fields + #","stream":true,"stream_options":{"include_usage":true}}"#)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            let events = try Self.events(response.text)
            let ids = Set(events.compactMap { $0["id"] as? String })
            #expect(ids.count == 1)
            #expect(events.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })

            var texts = ["", ""]
            var roleSeen = [false, false]
            var finish: [String?] = [nil, nil]
            for event in events.dropLast() {
                let choices = try #require(event["choices"] as? [[String: Any]])
                #expect(choices.count == 1)
                let index = try #require(choices[0]["index"] as? Int)
                let delta = try #require(choices[0]["delta"] as? [String: Any])
                #expect(finish[index] == nil, "a chunk after the choice's finish")
                if delta["role"] as? String == "assistant" {
                    #expect(!roleSeen[index] && texts[index].isEmpty)
                    roleSeen[index] = true
                }
                texts[index] += delta["content"] as? String ?? ""
                finish[index] = choices[0]["finish_reason"] as? String
            }
            #expect(roleSeen == [true, true])
            #expect(texts == whole.choices.map(\.message.content))
            #expect(finish == whole.choices.map(\.finishReason))
            let last = try #require(events.last)
            #expect((last["choices"] as? [Any])?.isEmpty == true)
            let usage = try #require(last["usage"] as? [String: Int])
            #expect(usage["prompt_tokens"] == whole.usage.promptTokens)
            #expect(usage["completion_tokens"] == whole.usage.completionTokens)
            #expect(usage["total_tokens"] == whole.usage.totalTokens)
        }
    }

    @Test func completionStreamWithoutUsageHasNoUsageChunk() async throws {
        let fixture = try ServeFixture()
        let fields = #""model":"reckon","prompt":"once upon","seed":9,"max_tokens":10,"temperature":0.7"#
        try await fixture.app.test(.router) { client in
            let plain = try await client.post("/v1/completions", json: "{" + fields + "}")
            let whole = try JSONDecoder().decode(CompletionResponse.self, from: Data(buffer: plain.body))
            let response = try await client.post("/v1/completions", json: "{" + fields + #","stream":true}"#)
            let events = try Self.events(response.text)
            #expect(events.allSatisfy { $0["object"] as? String == "text_completion" })
            #expect(events.allSatisfy { $0["usage"] == nil })
            let choices = events.compactMap { ($0["choices"] as? [[String: Any]])?.first }
            #expect(choices.count == events.count)
            #expect(choices.map { $0["text"] as? String ?? "" }.joined() == whole.choices[0].text)
            #expect(choices.last?["finish_reason"] as? String == whole.choices[0].finishReason)
            #expect(choices.dropLast().allSatisfy { $0["finish_reason"] is NSNull })
        }
    }
}
