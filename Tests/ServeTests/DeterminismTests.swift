import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Serve

/// The same request with the same seed gives the same bytes (choices and usage; `id` and `created` differ by
/// design) alone and beside 8 concurrent requests on the same batch.
@Suite struct DeterminismTests {
    /// The response body without its `id` and `created` fields, re-encoded with sorted keys.
    static func stable(_ response: TestResponse) throws -> Data {
        var object = try response.object
        object["id"] = nil
        object["created"] = nil
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test func sameSeedSameBytesAloneAndUnderLoad() async throws {
        let fixture = try ServeFixture()
        let probe = #"{"model":"reckon","prompt":"the same request","n":3,"seed":1234,"max_tokens":24,"temperature":1}"#
        let probeStream = #"{"model":"reckon","messages":[{"role":"user","content":"hi"}],"seed":99,"max_tokens":20,"stream":true}"#
        try await fixture.app.test(.router) { client in
            let alone = try Self.stable(try await client.post("/v1/completions", json: probe))
            let aloneStream = try await client.post("/v1/chat/completions", json: probeStream)
            let aloneChunks = try StreamingTests.events(aloneStream.text).map { event -> String in
                var event = event
                event["id"] = nil
                event["created"] = nil
                let data = try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])
                return String(decoding: data, as: UTF8.self)
            }

            let (underLoad, underLoadStream, others) = try await withThrowingTaskGroup(of: (Int, TestResponse).self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let json = index % 2 == 0
                            ? #"{"model":"reckon","prompt":"other \#(index)","n":2,"seed":\#(index),"max_tokens":30}"#
                            : #"{"model":"reckon","messages":[{"role":"user","content":"q\#(index)"}],"seed":\#(index),"max_tokens":25,"stream":true}"#
                        let uri = index % 2 == 0 ? "/v1/completions" : "/v1/chat/completions"
                        return (index, try await client.post(uri, json: json))
                    }
                }
                group.addTask { (100, try await client.post("/v1/completions", json: probe)) }
                group.addTask { (101, try await client.post("/v1/chat/completions", json: probeStream)) }
                var probeResponse: TestResponse?
                var streamResponse: TestResponse?
                var others = 0
                for try await (index, response) in group {
                    #expect(response.status == .ok)
                    switch index {
                    case 100: probeResponse = response
                    case 101: streamResponse = response
                    default: others += 1
                    }
                }
                return (probeResponse!, streamResponse!, others)
            }
            #expect(others == 8)
            #expect(try Self.stable(underLoad) == alone)
            let loadChunks = try StreamingTests.events(underLoadStream.text).map { event -> String in
                var event = event
                event["id"] = nil
                event["created"] = nil
                let data = try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])
                return String(decoding: data, as: UTF8.self)
            }
            #expect(loadChunks == aloneChunks)
        }
        #expect(fixture.batch.metrics.peakPages > 0)
    }
}
