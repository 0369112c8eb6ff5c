import Engine
/// Why one HTTP attempt failed, and whether trying again may help.
enum RemoteFailure: Error, Equatable {
    /// No connection, or it broke before a full response arrived.
    case connection(String)
    /// No complete response within the timeout.
    case timeout(Duration)
    /// The server answered with a non-2xx status; `body` is the first 300 characters of its body.
    case http(status: Int, reason: String, body: String, retryAfter: Duration?)
    /// A 2xx response whose body is not the expected JSON.
    case malformed(String)
    /// The request cannot be sent at all (bad URL, unsupported scheme); retrying would not help.
    case unusable(String)
    /// The calling task was cancelled.
    case cancelled

    /// Connection errors, timeouts, HTTP 429 and 5xx are worth retrying; other failures are not.
    var isRetryable: Bool {
        switch self {
        case .connection, .timeout: return true
        case let .http(status, _, _, _): return status == 429 || (500...599).contains(status)
        case .malformed, .unusable, .cancelled: return false
        }
    }

    /// The server's `Retry-After`, when it sent one.
    var retryAfter: Duration? {
        if case let .http(_, _, _, retryAfter) = self { return retryAfter }
        return nil
    }

    /// A message saying what happened and what to do.
    var message: String {
        switch self {
        case let .connection(detail):
            return "could not reach the server (\(detail)); check that it is running and that the base URL is right"
        case let .timeout(limit):
            return "no complete response within \(limit.seconds) s (timeout); raise the timeout or reduce the load on the server"
        case let .http(status, reason, body, _):
            let hint = status == 429 || status >= 500
                ? "the server is overloaded or failing; try again later"
                : "the server rejected the request; check the model name and the request fields"
            return "HTTP \(status) \(reason): \(body.isEmpty ? "(empty body)" : body) — \(hint)"
        case let .malformed(detail):
            return "malformed JSON: \(detail); is this an OpenAI-compatible server?"
        case let .unusable(detail):
            return detail
        case .cancelled:
            return "cancelled"
        }
    }
}
