import AsyncHTTPClient
import Foundation
import NIOCore

/// What one streamed chat request measured.
struct RequestTiming: Sendable {
    var request: Int
    /// Tokens the request asked for (`max_tokens`, with `ignore_eos`).
    var askedTokens: Int
    /// From sending the request to receiving `data: [DONE]`, in seconds.
    var latency: Double
    /// From sending the request to the first chunk carrying generated text, in seconds (nil if none came).
    var timeToFirstToken: Double?
    /// From the server's `usage` (last chunk); nil when the server sent none.
    var promptTokens: Int?
    var completionTokens: Int?
    /// Chunks that carried generated text (a fallback count of tokens for servers that send one token per chunk).
    var contentChunks: Int
    /// Why the request failed (status, transport error, no `[DONE]`); nil when it succeeded.
    var failure: String?

    /// Generated tokens: the server's count, else the content chunks.
    var generatedTokens: Int { completionTokens ?? contentChunks }
}

/// Sends one `POST /v1/chat/completions` with `stream: true` and reads its server-sent events as they arrive.
enum StreamedChat {
    static func send(_ body: [UInt8], index: Int, askedTokens: Int, to url: String, client: HTTPClient,
                     timeout: TimeAmount) async -> RequestTiming {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds(_ instant: ContinuousClock.Instant) -> Double {
            let d = instant - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        var timing = RequestTiming(request: index, askedTokens: askedTokens, latency: 0, contentChunks: 0)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "text/event-stream")
        // A fresh connection per request, for every server alike: `reckon serve` closes each connection after its
        // answer anyway, and reusing a kept-alive one races with a server closing it when idle (a POST is not
        // retried), which failed requests against llama-server.
        request.headers.add(name: "Connection", value: "close")
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: timeout)
            guard response.status == .ok else {
                var text = ""
                for try await part in response.body { text += String(buffer: part) }
                timing.failure = "HTTP \(response.status.code): \(text.prefix(200))"
                timing.latency = seconds(clock.now)
                return timing
            }
            var pending: [UInt8] = []
            var done = false
            reading: for try await part in response.body {
                pending += part.readableBytesView
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeSubrange(...newline)
                    guard line.hasPrefix("data:") else { continue }
                    let payload = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
                    if payload == "[DONE]" {
                        done = true
                        break reading
                    }
                    read(chunk: payload, into: &timing, at: seconds(clock.now))
                }
            }
            timing.latency = seconds(clock.now)
            if !done { timing.failure = "the stream ended without data: [DONE]" }
        } catch {
            timing.latency = seconds(clock.now)
            timing.failure = "\(error)"
        }
        return timing
    }

    /// Reads one chunk: generated text (the first one sets the time to first token) and `usage`.
    static func read(chunk: String, into timing: inout RequestTiming, at time: Double) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(chunk.utf8))) as? [String: Any] else { return }
        if let choices = object["choices"] as? [[String: Any]] {
            for choice in choices {
                let delta = choice["delta"] as? [String: Any]
                if let content = delta?["content"] as? String, !content.isEmpty {
                    timing.contentChunks += 1
                    if timing.timeToFirstToken == nil { timing.timeToFirstToken = time }
                }
            }
        }
        if let usage = object["usage"] as? [String: Any] {
            timing.promptTokens = usage["prompt_tokens"] as? Int ?? timing.promptTokens
            timing.completionTokens = usage["completion_tokens"] as? Int ?? timing.completionTokens
        }
    }
}
