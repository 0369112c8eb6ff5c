import Hummingbird

/// Request context of the server (Hummingbird's basic context; bodies are read with the server's own limit, see
/// ``ServeOptions/maxBodyBytes``).
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
