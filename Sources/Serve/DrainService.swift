import ServiceLifecycle

/// The first service to stop on a graceful shutdown (SIGTERM): it puts the handler in draining mode, so that new
/// generation requests get 503 (`server_shutting_down`) while the server still accepts connections, and returns
/// once the requests in flight have ended; only then is the HTTP server itself asked to stop. Past the group's
/// grace period, service-lifecycle cancels everything (this wait included).
struct DrainService: Service {
    let handler: ServeHandler
    /// How often the requests in flight are counted while draining.
    var pollInterval: Duration = .milliseconds(20)

    func run() async throws {
        // Cancelled before any shutdown (the group is being torn down): nothing to drain.
        guard (try? await gracefulShutdown()) != nil else { return }
        handler.startDraining()
        while handler.gate.admittedSequences > 0 && !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
        }
    }
}
