import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Model
import Testing
import Tokenizer
@testable import Serve

/// `logprobs` / `top_logprobs` on the tiny model. The expected values come from a separate path: the model's
/// logits for every position of prompt + generated tokens from one contiguous prefill (no pages, no live batch),
/// log-softmaxed and sorted here; the generated tokens come from `LocalEngine.generate` alone.
@Suite struct LogprobsTests {
    /// Log-softmax of the logits that produced each generated token, sorted most likely first.
    static func referenceDistributions(_ fixture: ServeFixture, prompt: [Int], generated: [Int]) throws
    -> [[(token: Int, value: Double)]] {
        let all = prompt + generated
        let shape = fixture.engine.model.shape
        let cache = KVCache(layers: shape.layers, kvDimension: shape.kvDimension, capacity: all.count)
        let rows = try fixture.engine.model.forward(all, cache: cache, logits: .all)
        return generated.indices.map { index in
            let values = rows[prompt.count - 1 + index].map(Double.init)
            let largest = values.max()!
            let logTotal = largest + log(values.reduce(0) { $0 + exp($1 - largest) })
            return values.enumerated().map { ($0.offset, $0.element - logTotal) }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.token < $1.token }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(buffer: response.body))
    }

    @Test func chatLogprobsMatchAnIndependentLogSoftmax() async throws {
        let fixture = try ServeFixture()
        let tokenizer = fixture.engine.tokenizer
        let messages = [ChatMessage(role: "user", content: "tell me a story")]
        let body = #"{"model":"reckon","messages":[{"role":"user","content":"tell me a story"}],"n":2,"seed":3,"#
            + #""max_tokens":12,"temperature":0.8,"logprobs":true,"top_logprobs":5}"#
        try await fixture.app.test(.router) { client in
            let response = try await client.post("/v1/chat/completions", json: body)
            #expect(response.status == .ok, "\(response.text)")
            let decoded = try Self.decode(ChatCompletionResponse.self, response)
            let prompt = try fixture.engine.tokens(for: .chat(messages))
            for choice in decoded.choices {
                let expected = try fixture.reference(.chat(messages), maxTokens: 12,
                                                     sampling: serverSampling(temperature: 0.8), seed: 3,
                                                     choice: choice.index)
                let content = try #require(choice.logprobs?.content)
                #expect(content.count == expected.tokens.count)
                let distributions = try Self.referenceDistributions(fixture, prompt: prompt, generated: expected.tokens)
                for (position, entry) in content.enumerated() where position < expected.tokens.count {
                    let token = expected.tokens[position]
                    let distribution = distributions[position]
                    #expect(entry.bytes == tokenizer.bytes(of: token))
                    #expect(entry.token == String(decoding: tokenizer.bytes(of: token), as: UTF8.self))
                    let reference = try #require(distribution.first { $0.token == token }).value
                    #expect(abs(entry.logprob - reference) < 1e-3, "position \(position)")
                    #expect(abs(entry.logprob - expected.tokenLogProbabilities[position]) < 1e-3)
                    #expect(entry.topLogprobs.count == 5)
                    for (alternative, best) in zip(entry.topLogprobs, distribution.prefix(5)) {
                        #expect(alternative.bytes == tokenizer.bytes(of: best.token), "position \(position)")
                        #expect(abs(alternative.logprob - best.value) < 1e-3)
                    }
                    #expect(entry.topLogprobs.reduce(0) { $0 + exp($1.logprob) } <= 1 + 1e-9)
                    // The sampled token is among the alternatives whenever it is among the 5 most likely.
                    if distribution.prefix(5).contains(where: { $0.token == token }) {
                        #expect(entry.topLogprobs.contains { $0.bytes == entry.bytes && $0.logprob == entry.logprob })
                    }
                }
                // The tokens' bytes read as UTF-8 are the text (no stop strings here).
                #expect(String(decoding: content.flatMap(\.bytes), as: UTF8.self) == choice.message.content)
            }
            // Without `logprobs`, the field is null.
            let plain = try await client.post("/v1/chat/completions", json:
                #"{"model":"reckon","messages":[{"role":"user","content":"hi"}],"max_tokens":3,"seed":1}"#)
            let first = try #require((try plain.object["choices"] as? [[String: Any]])?.first)
            #expect(first["logprobs"] is NSNull)
        }
    }

    /// Greedy decoding: the chosen token is the most likely one, as lm-evaluation-harness checks
    /// (`token_logprobs[i] == max(top_logprobs[i].values())`).
    @Test func completionLogprobsHaveTheLegacyShape() async throws {
        let fixture = try ServeFixture()
        let tokenizer = fixture.engine.tokenizer
        let body = #"{"model":"reckon","prompt":"once upon a time","max_tokens":10,"temperature":0,"logprobs":3,"seed":1}"#
        try await fixture.app.test(.router) { client in
            let response = try await client.post("/v1/completions", json: body)
            #expect(response.status == .ok, "\(response.text)")
            let choice = try #require(try Self.decode(CompletionResponse.self, response).choices.first)
            let logprobs = try #require(choice.logprobs)
            let expected = try fixture.reference(.text("once upon a time"), maxTokens: 10,
                                                 sampling: serverSampling(temperature: 0), seed: 1, choice: 0)
            let prompt = try fixture.engine.tokens(for: .text("once upon a time"))
            let distributions = try Self.referenceDistributions(fixture, prompt: prompt, generated: expected.tokens)
            #expect(logprobs.tokens.count == expected.tokens.count)
            #expect(logprobs.tokenLogprobs.count == logprobs.tokens.count)
            #expect(logprobs.topLogprobs.count == logprobs.tokens.count)
            var offset = 0
            for (position, token) in expected.tokens.enumerated() where position < logprobs.tokens.count {
                let text = String(decoding: tokenizer.bytes(of: token), as: UTF8.self)
                #expect(logprobs.tokens[position] == text)
                #expect(distributions[position][0].token == token, "greedy picked a token that is not the most likely")
                #expect(abs(logprobs.tokenLogprobs[position] - distributions[position][0].value) < 1e-3)
                let top = logprobs.topLogprobs[position]
                #expect(top.count <= 4 && top.count >= 1)
                #expect(top[text] == logprobs.tokenLogprobs[position])
                #expect(top.values.max() == logprobs.tokenLogprobs[position])
                #expect(top.values.reduce(0) { $0 + exp($1) } <= 1 + 1e-9)
                for best in distributions[position].prefix(3) {
                    let key = String(decoding: tokenizer.bytes(of: best.token), as: UTF8.self)
                    #expect(abs((top[key] ?? -1e9) - best.value) < 1e-3 || (top[key] ?? -1e9) > best.value)
                }
                #expect(logprobs.textOffset[position] == offset)
                offset += text.unicodeScalars.count
            }
            let bytes = expected.tokens.flatMap { tokenizer.bytes(of: $0) }
            #expect(String(decoding: bytes, as: UTF8.self) == choice.text)
        }
    }

    /// The logprobs of the streamed chunks, concatenated, are those of the answer without streaming, and they are
    /// the same alone and beside other requests (the live batch's determinism contract).
    @Test(arguments: [true, false])
    func streamedLogprobsEqualTheWholeAnswerAloneAndUnderLoad(chat: Bool) async throws {
        let fixture = try ServeFixture()
        let uri = chat ? "/v1/chat/completions" : "/v1/completions"
        let fields = chat
            ? #""model":"reckon","messages":[{"role":"user","content":"why"}],"logprobs":true,"top_logprobs":4"#
            : #""model":"reckon","prompt":"why is the sky","logprobs":2"#
        let request = "{" + fields + #","n":2,"seed":21,"max_tokens":14,"temperature":1.1}"#
        try await fixture.app.test(.router) { client in
            let whole = try await client.post(uri, json: request)
            let wholeChoices = try #require(try whole.object["choices"] as? [[String: Any]])
            let streamed = try await client.post(uri, json: String(request.dropLast()) + #","stream":true}"#)
            let events = try StreamingTests.events(streamed.text)
            for choice in wholeChoices {
                let index = try #require(choice["index"] as? Int)
                let logprobs = try #require(choice["logprobs"] as? [String: Any])
                let pieces = events.compactMap { ($0["choices"] as? [[String: Any]])?.first }
                    .filter { $0["index"] as? Int == index }
                    .compactMap { $0["logprobs"] as? [String: Any] }
                if chat {
                    let joined = pieces.flatMap { $0["content"] as? [[String: Any]] ?? [] }
                    #expect(NSArray(array: joined) == NSArray(array: logprobs["content"] as? [[String: Any]] ?? []))
                    #expect(!joined.isEmpty)
                } else {
                    for key in ["tokens", "token_logprobs", "top_logprobs", "text_offset"] {
                        let joined = pieces.flatMap { $0[key] as? [Any] ?? [] }
                        #expect(NSArray(array: joined) == NSArray(array: logprobs[key] as? [Any] ?? []), "\(key)")
                    }
                }
            }
            let alone = try DeterminismTests.stable(whole)
            let underLoad = try await withThrowingTaskGroup(of: (Int, TestResponse).self) { group in
                for index in 0..<6 {
                    group.addTask {
                        (index, try await client.post("/v1/completions", json:
                            #"{"model":"reckon","prompt":"other \#(index)","n":2,"seed":\#(index),"max_tokens":20,"logprobs":\#(index % 4)}"#))
                    }
                }
                group.addTask { (100, try await client.post(uri, json: request)) }
                var probe: TestResponse?
                for try await (index, response) in group {
                    #expect(response.status == .ok)
                    if index == 100 { probe = response }
                }
                return try #require(probe)
            }
            #expect(try DeterminismTests.stable(underLoad) == alone)
        }
    }

    @Test func completionLogprobsOutOfRangeAre400() async throws {
        let fixture = try ServeFixture()
        try await fixture.app.test(.router) { client in
            for (value, code) in [("6", "integer_above_max_value"), ("-1", "integer_below_min_value"),
                                  ("true", "invalid_type")] {
                let response = try await client.post("/v1/completions",
                                                      json: #"{"model":"reckon","prompt":"a","logprobs":\#(value)}"#)
                #expect(response.status == .badRequest)
                #expect(try response.error["param"] as? String == "logprobs")
                #expect(try response.error["code"] as? String == code)
                #expect(try response.error["type"] as? String == "invalid_request_error")
            }
            let top = try await client.post("/v1/chat/completions", json:
                #"{"model":"reckon","messages":[{"role":"user","content":"a"}],"logprobs":true,"top_logprobs":21}"#)
            #expect(top.status == .badRequest)
            #expect(try top.error["code"] as? String == "integer_above_max_value")
            let missing = try await client.post("/v1/chat/completions", json:
                #"{"model":"reckon","messages":[{"role":"user","content":"a"}],"top_logprobs":3}"#)
            #expect(missing.status == .badRequest)
            #expect(try missing.error["param"] as? String == "top_logprobs")
        }
    }
}
