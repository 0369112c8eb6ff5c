import AsyncHTTPClient

extension RemoteGenerator {
    /// The HTTP client generators use unless given another: AsyncHTTPClient's browser-like settings, except that a
    /// connection that cannot be made (refused, unreachable) fails the attempt at once. The generator's own retries
    /// then try again, with backoff and a report to `onRetry`, instead of the client retrying in silence until its
    /// 90 s connect timeout (which made an unreachable server cost minutes per request).
    public static var defaultHTTPClient: HTTPClient { failFastClient }
}

/// Process-wide and never shut down (as `HTTPClient.shared`).
private let failFastClient: HTTPClient = {
    var configuration = HTTPClient.Configuration.singletonConfiguration
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
}()
