import Engine
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Largest response body accepted (a completion with log-probabilities is far smaller).
private let maximumResponseBytes = 64 << 20

extension RemoteGenerator {
    /// One request with its retries: the result, or the last failure as an `EngineError`.
    func sample(body: [UInt8], stream: UInt64, choices: Int = 1, requestedStops: [String],
                promptTokens: [Int]) async -> Result<[GenerationResult], EngineError> {
        var attempts = 0
        while true {
            attempts += 1
            let failure: RemoteFailure
            do throws(RemoteFailure) {
                let responseBody = try await send(body)
                return .success(try RemoteResponseDecoding.results(
                    from: responseBody, api: api, requestedStops: requestedStops, promptTokens: promptTokens,
                    expectedChoices: choices))
            } catch {
                failure = error
            }
            guard failure.isRetryable, attempts <= maxRetries, !Task.isCancelled else {
                let tries = attempts == 1 ? "" : " (after \(attempts) attempts)"
                return .failure(.remote(url: endpoint, reason: failure.message + tries))
            }
            let delay = backoff.delay(retry: attempts, stream: stream, retryAfter: failure.retryAfter)
            onRetry?(RemoteRetry(url: endpoint, retry: attempts, maxRetries: maxRetries, delay: delay,
                                 reason: failure.message))
            do {
                try await Task.sleep(for: delay)
            } catch {
                return .failure(.remote(url: endpoint, reason: RemoteFailure.cancelled.message))
            }
        }
    }

    /// Sends one POST and returns the body of a 2xx response; any other outcome is a `RemoteFailure`.
    /// The whole exchange (connecting, head and body) must finish within `timeout`.
    func send(_ body: [UInt8]) async throws(RemoteFailure) -> [UInt8] {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        request.body = .bytes(ByteBuffer(bytes: body))
        let client = httpClient
        let prepared = request
        let limit = timeout
        let deadline = NIODeadline.now() + .nanoseconds(Int64((limit.seconds * 1e9).rounded()))
        do {
            let answer = try await RemoteDeadline.run(limit: limit) {
                let response = try await client.execute(prepared, deadline: deadline)
                let bytes = Array(try await response.body.collect(upTo: maximumResponseBytes).readableBytesView)
                guard (200...299).contains(Int(response.status.code)) else {
                    throw RemoteFailure.http(
                        status: Int(response.status.code), reason: response.status.reasonPhrase,
                        body: String(String(decoding: bytes, as: UTF8.self).prefix(300)),
                        retryAfter: Self.retryAfter(response.headers))
                }
                return bytes
            }
            guard let bytes = answer else { throw RemoteFailure.timeout(limit) }
            return bytes
        } catch let failure as RemoteFailure {
            throw failure
        } catch {
            throw classify(error)
        }
    }

    /// Sorts an error thrown while sending into the retryable and the hopeless.
    private func classify(_ error: any Error) -> RemoteFailure {
        if Task.isCancelled || error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError {
            return .malformed("the response is larger than \(maximumResponseBytes) bytes")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timeout(timeout)
            case .invalidURL, .emptyHost, .emptyScheme:
                return .unusable("the URL \(endpoint) is not usable (\(error)); give the API root, e.g. http://127.0.0.1:8080/v1")
            case .cancelled:
                return .cancelled
            default:
                if String(describing: error).contains("unsupportedScheme") {
                    return .unusable("unsupported URL scheme in \(endpoint); use http or https")
                }
                return .connection(String(describing: error))
            }
        }
        return .connection(String(describing: error))
    }

    /// `Retry-After` as a number of seconds (the HTTP-date form is not used by inference servers and is ignored).
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces),
              let seconds = Double(value), seconds.isFinite, seconds >= 0
        else { return nil }
        return .nanoseconds(Int64((min(seconds, 1e9) * 1e9).rounded()))
    }
}
