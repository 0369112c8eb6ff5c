import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// Each error class answers with OpenAI's `{"error": {"message", "type", "param", "code"}}` and its status.
@Suite struct ErrorTests {
    /// Status, `param` and `code` of the answer to `json` posted to `uri`; the error object must have all four keys.
    func failure(_ client: some TestClientProtocol, _ uri: String, _ json: String)
    async throws -> (status: HTTPResponse.Status, param: String?, code: String?, type: String?) {
        let response = try await client.post(uri, json: json)
        let error = try response.error
        #expect(Set(error.keys) == ["message", "type", "param", "code"], "\(response.text)")
        #expect((error["message"] as? String)?.isEmpty == false)
        #expect(response.headers[.contentType] == "application/json")
        return (response.status, error["param"] as? String, error["code"] as? String, error["type"] as? String)
    }

    @Test func malformedJSONIs400WithoutParam() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let answer = try await failure(client, "/v1/chat/completions", #"{"model": "reckon", "messages": ["#)
            #expect(answer.status == .badRequest)
            #expect(answer.param == nil)
            #expect(answer.type == "invalid_request_error")
            let notObject = try await failure(client, "/v1/completions", "[1, 2]")
            #expect(notObject.status == .badRequest)
            #expect(notObject.param == nil)
        }
    }

    @Test func wrongFieldTypesName400Param() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let cases: [(String, String, String)] = [
                ("/v1/completions", #"{"model":"reckon","prompt":"a","n":"two"}"#, "n"),
                ("/v1/completions", #"{"model":"reckon","prompt":"a","temperature":"hot"}"#, "temperature"),
                ("/v1/completions", #"{"model":"reckon","prompt":{"text":"a"}}"#, "prompt"),
                ("/v1/completions", #"{"model":"reckon","prompt":"a","stop":7}"#, "stop"),
                ("/v1/chat/completions", #"{"model":"reckon","messages":[{"role":"user","content":5}]}"#,
                 "messages[0].content"),
                ("/v1/chat/completions", #"{"model":"reckon","messages":"hi"}"#, "messages"),
                ("/v1/chat/completions", #"{"model":3,"messages":[]}"#, "model"),
            ]
            for (uri, json, param) in cases {
                let answer = try await failure(client, uri, json)
                #expect(answer.status == .badRequest, "\(json)")
                #expect(answer.param == param, "\(json)")
                #expect(answer.code == "invalid_type", "\(json)")
            }
            let missing = try await failure(client, "/v1/chat/completions", #"{"model":"reckon"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.param == "messages")
            #expect(missing.code == "missing_required_parameter")
        }
    }

    @Test func outOfRangeValuesAre400() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let cases: [(String, String)] = [
                (#""n":0"#, "n"), (#""n":1000"#, "n"), (#""temperature":2.5"#, "temperature"),
                (#""temperature":-1"#, "temperature"), (#""top_p":0"#, "top_p"), (#""top_p":1.5"#, "top_p"),
                (#""top_k":-2"#, "top_k"), (#""min_p":1"#, "min_p"), (#""max_tokens":0"#, "max_tokens"),
                (#""max_completion_tokens":-3"#, "max_completion_tokens"),
                (#""stop":["a","b","c","d","e"]"#, "stop"), (#""stream_options":{"include_usage":true}"#, "stream_options"),
                (#""logprobs":true,"top_logprobs":21"#, "top_logprobs"),
                (#""logprobs":true,"top_logprobs":-1"#, "top_logprobs"), (#""top_logprobs":2"#, "top_logprobs"),
                (#""logprobs":false,"top_logprobs":2"#, "top_logprobs"), (#""logprobs":3"#, "logprobs"),
                (#""tools":[{"type":"function"}]"#, "tools"),
            ]
            for (field, param) in cases {
                let json = #"{"model":"reckon","messages":[{"role":"user","content":"hi"}],"# + field + "}"
                let answer = try await failure(client, "/v1/chat/completions", json)
                #expect(answer.status == .badRequest, "\(field)")
                #expect(answer.param == param, "\(field)")
            }
            let role = try await failure(client, "/v1/chat/completions",
                                         #"{"model":"reckon","messages":[{"role":"wizard","content":"hi"}]}"#)
            #expect(role.param == "messages[0].role")
            let token = try await failure(client, "/v1/completions", #"{"model":"reckon","prompt":[1,2,300]}"#)
            #expect(token.status == .badRequest)
            #expect(token.param == "prompt")
        }
    }

    @Test func unknownModelIs404() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let answer = try await failure(client, "/v1/completions", #"{"model":"gpt-4o","prompt":"a"}"#)
            #expect(answer.status == .notFound)
            #expect(answer.param == "model")
            #expect(answer.code == "model_not_found")
        }
    }

    @Test func oversizedBodyIs413() async throws {
        let fixture = try ServeFixture(options: ServeOptions(maxBodyBytes: 2048))
        try await fixture.app.test(.router) { client in
            let prompt = String(repeating: "a", count: 4000)
            let answer = try await failure(client, "/v1/completions", #"{"model":"reckon","prompt":""# + prompt + #""}"#)
            #expect(answer.status == .contentTooLarge)
            #expect(answer.code == "request_too_large")
            // Just under the limit is read (and then refused for its context, a 400).
            let fits = try await client.post("/v1/completions",
                                             json: #"{"model":"reckon","prompt":""# + String(repeating: "a", count: 1900) + #""}"#)
            #expect(fits.status == .badRequest)
        }
        #expect(fixture.batch.metrics.forwardPasses == 0)
    }

    /// A prompt plus max_tokens beyond the context (96) is refused before any model work (no forward pass).
    @Test func contextThatWouldNotFitIs400BeforeAnyWork() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            let prompt = Array(repeating: "5", count: 90).joined(separator: ",")
            let answer = try await failure(client, "/v1/completions",
                                           #"{"model":"reckon","prompt":["# + prompt + #"],"max_tokens":7}"#)
            #expect(answer.status == .badRequest)
            #expect(answer.code == "context_length_exceeded")
            #expect(answer.param == "max_tokens")
            let fits = try await client.post("/v1/completions",
                                             json: #"{"model":"reckon","prompt":["# + prompt + #"],"max_tokens":6}"#)
            #expect(fits.status == .ok)
        }
    }

    /// Choices whose worst-case KV pages exceed the whole pool are refused with 400 before any work.
    @Test func requestLargerThanThePagePoolIs400() async throws {
        // 512 bytes per position, 16 positions per page: 8,192 bytes a page; 10 pages in the pool.
        let fixture = try ServeFixture(kvMemoryLimit: 10 * 8192)
        try await fixture.app.test(.router) { client in
            let answer = try await failure(client, "/v1/completions",
                                           #"{"model":"reckon","prompt":"hello","n":4,"max_tokens":40}"#)
            #expect(answer.status == .badRequest)
            #expect(answer.code == "context_length_exceeded")
        }
        #expect(fixture.batch.metrics.forwardPasses == 0)
    }

    /// A full admission queue answers 429 with Retry-After (and retry-after-ms), and admits again once room is made.
    @Test func fullQueueIs429WithRetryAfter() async throws {
        let fixture = try ServeFixture(options: ServeOptions(maxAdmittedSequences: 4, retryAfterSeconds: 2))
        try await fixture.app.test(.router) { client in
            #expect(fixture.handler.gate.tryEnter(3))  // three sequences of requests in flight
            let json = #"{"model":"reckon","prompt":"hi","n":2,"max_tokens":4}"#
            let response = try await client.post("/v1/completions", json: json)
            #expect(response.status == .tooManyRequests)
            #expect(response.headers[.retryAfter] == "2")
            #expect(response.headers[HTTPField.Name("retry-after-ms")!] == "2000")
            #expect(try response.error["type"] as? String == "rate_limit_error")
            fixture.handler.gate.leave(3)
            let admitted = try await client.post("/v1/completions", json: json)
            #expect(admitted.status == .ok)
        }
        #expect(fixture.handler.gate.admittedSequences == 0)
    }
}
