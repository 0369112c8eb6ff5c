import Hummingbird
import NIOCore

/// Request context of the server (Hummingbird's basic context; bodies are read with the server's own limit, see
/// ``ServeOptions/maxBodyBytes``).
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's connection (watched for a client that goes away, see ``ClientDepartureWatcher``).
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
