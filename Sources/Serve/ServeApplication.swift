import Hummingbird
import Logging
import ServiceLifecycle

/// The HTTP application around a ``ServeHandler``.
public enum ServeApplication {
    /// The application listening on `host:port` (port 0: any free port; `onServerRunning` receives the port).
    public static func make(handler: ServeHandler, host: String, port: Int, logger: Logger,
                            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
    -> some ApplicationProtocol {
        Application(router: handler.makeRouter(),
                    configuration: .init(address: .hostname(host, port: port), serverName: "reckon"),
                    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
                    logger: logger)
    }

    /// Runs until SIGTERM or SIGINT: then the server stops accepting connections and lets the open ones finish.
    public static func run(handler: ServeHandler, host: String, port: Int, logger: Logger,
                           onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = make(handler: handler, host: host, port: port, logger: logger, onServerRunning: onServerRunning)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
