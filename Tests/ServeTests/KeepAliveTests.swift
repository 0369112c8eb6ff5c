import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import Serve

/// HTTP/1.1 keep-alive: generation answers leave the connection open, and the next request on it is answered.
@Suite struct KeepAliveTests {
    @Test func severalGenerationRequestsOnOneConnection() async throws {
        let fixture = try ServeFixture()
        let app = Application(router: fixture.handler.makeRouter(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // One TCP connection (TestClient never reconnects: a closed connection fails the next request).
            let connection = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
            connection.connect()
            let channel = try await connection.channelPromise.futureResult.get()
            let requests: [(String, String)] = [
                ("/v1/completions", #"{"model":"reckon","prompt":"hello","max_tokens":5,"seed":1}"#),
                ("/v1/chat/completions", #"{"model":"reckon","messages":[{"role":"user","content":"hi"}],"max_tokens":5,"seed":2,"stream":true}"#),
                ("/v1/completions", #"{"model":"reckon","prompt":"again","max_tokens":5,"seed":3,"logprobs":1}"#),
            ]
            for (uri, body) in requests {
                let response = try await connection.post(uri, headers: [.contentType: "application/json"],
                                                         body: ByteBuffer(string: body))
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.connection] != "close", "\(uri)")
                #expect(channel.isActive, "the server closed the connection after \(uri)")
            }
            let health = try await connection.get("/health")
            #expect(health.status == .ok)
            try await connection.shutdown()
        }
        #expect(fixture.batch.metrics.pagesInUse == 0)
        #expect(fixture.handler.gate.admittedSequences == 0)
    }
}
