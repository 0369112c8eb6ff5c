/// One retry about to happen, as reported to ``RemoteGenerator/onRetry``: which request, why the last attempt
/// failed, and how long the client waits before trying again. The library never prints; a caller such as the CLI
/// shows these so that a slow or failing server is visible.
public struct RemoteRetry: Sendable, Equatable {
    /// The endpoint the request goes to.
    public var url: String
    /// The retry about to be made (1 for the second attempt).
    public var retry: Int
    /// Retries allowed in all (``RemoteGenerator/maxRetries``).
    public var maxRetries: Int
    /// The wait before it (Retry-After capped at ``RemoteBackoff/maximumRetryAfter``, or the backoff).
    public var delay: Duration
    /// Why the previous attempt failed, for people.
    public var reason: String

    public init(url: String, retry: Int, maxRetries: Int, delay: Duration, reason: String) {
        self.url = url
        self.retry = retry
        self.maxRetries = maxRetries
        self.delay = delay
        self.reason = reason
    }
}
