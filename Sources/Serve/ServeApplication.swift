import Hummingbird
import Logging
import ServiceLifecycle

/// The HTTP application around a ``ServeHandler``, and its lifecycle.
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

    /// The service group running the application: on SIGTERM or SIGINT (or `triggerGracefulShutdown()`) the server
    /// first drains (``DrainService``: new generation requests get 503 `server_shutting_down`, `/health` 503, while
    /// the requests in flight finish), then stops accepting connections and lets the open ones finish; requests still
    /// running after `gracePeriod` are cancelled (their sessions closed, their KV pages freed). `cancellationLimit`, when given, is how long that
    /// cancellation may take before service-lifecycle ends the process with a fatal error (default: no limit, so a
    /// slow, loaded machine is not crashed).
    public static func serviceGroup(handler: ServeHandler, host: String, port: Int, gracePeriod: Duration,
                                    cancellationLimit: Duration? = nil, logger: Logger,
                                    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
    -> ServiceGroup {
        let app = make(handler: handler, host: host, port: port, logger: logger, onServerRunning: onServerRunning)
        // Shut down in reverse order: the drain first, the HTTP server once it is done.
        var configuration = ServiceGroupConfiguration(services: [app, DrainService(handler: handler)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = gracePeriod
        configuration.maximumCancellationDuration = cancellationLimit
        return ServiceGroup(configuration: configuration)
    }

    /// Runs until SIGTERM or SIGINT, then shuts down as ``serviceGroup(handler:host:port:gracePeriod:cancellationLimit:logger:onServerRunning:)``
    /// says; returns once the server has stopped.
    public static func run(handler: ServeHandler, host: String, port: Int, gracePeriod: Duration = .seconds(30),
                           logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
    async throws {
        let group = serviceGroup(handler: handler, host: host, port: port, gracePeriod: gracePeriod, logger: logger,
                                 onServerRunning: onServerRunning)
        try await group.run()
    }
}
