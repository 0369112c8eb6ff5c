import ArgumentParser
import Engine
import Foundation
import Logging
import Serve

/// `reckon serve`: an OpenAI-compatible HTTP server on one shared live batch.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the model over OpenAI-compatible HTTP (/v1/completions, /v1/chat/completions, /v1/models).",
        discussion: """
        Every request joins one live batch (continuous batching); the n choices of a request share its prompt's \
        keys and values. Choice 0 samples with the request's seed itself (as `reckon generate --seed` does, so \
        `reckon eval --endpoint` stores the local engine's samples), choice i > 0 with a seed derived from it and i; \
        the same request with the same seed gives the same text alone or beside others. SIGTERM or SIGINT drains: \
        requests running finish within --grace-period seconds while new ones get 503 (server_shutting_down); then \
        the server stops accepting connections and exits 0.
        """)

    @OptionGroup var modelOptions: ModelOptions

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "TCP port (0: any free port).")
    var port = 8080

    @Option(name: .long, help: "Most sequences per forward pass of the live batch.")
    var maxSequences = 64

    @Option(name: .long, help: "Model id clients pass as `model`.")
    var modelName = "reckon"

    @Option(name: .long, help: "Most sequences admitted at once over all requests; more get 429 with Retry-After.")
    var maxAdmitted = 256

    @Option(name: .long, help: "Largest request body in bytes (larger: 413).")
    var maxBodyBytes = 1 << 20

    @Option(name: .long, help: "Seconds in-flight requests may take to finish after SIGTERM before they are cancelled.")
    var gracePeriod = 30

    @Option(name: .long, help: ArgumentHelp(
        "KV pages (16 positions each) the cross-request prompt-prefix cache may keep; 0 turns it off.",
        discussion: "Default: a quarter of the KV page pool. Cached pages are given back first when the pool runs out."))
    var prefixCachePages: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard maxSequences >= 1 else { throw ValidationError("--max-sequences must be ≥ 1, got \(maxSequences)") }
        guard maxAdmitted >= 1 else { throw ValidationError("--max-admitted must be ≥ 1, got \(maxAdmitted)") }
        guard gracePeriod >= 0 else { throw ValidationError("--grace-period must be ≥ 0, got \(gracePeriod)") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be ≥ 1024, got \(maxBodyBytes)") }
        if let prefixCachePages, prefixCachePages < 0 {
            throw ValidationError("--prefix-cache-pages must be ≥ 0 (0 turns the cache off), got \(prefixCachePages)")
        }
    }

    func run() async throws {
        let engine = try modelOptions.makeEngine()
        let hash = ModelFileHash.sha256(path: engine.path)
        let batch = LiveBatch(engine: engine, maxSequences: maxSequences,
                              prefixCachePages: prefixCachePages ?? LiveBatch.defaultPrefixCachePages(engine: engine))
        let options = ServeOptions(modelName: modelName, modelSHA256: hash, maxBodyBytes: maxBodyBytes,
                                   maxChoicesPerRequest: min(maxAdmitted, 64), maxAdmittedSequences: maxAdmitted)
        let handler = ServeHandler(batch: batch, options: options)
        var logger = Logger(label: "reckon.serve")
        logger.logLevel = .info
        let host = host
        let model = engine.path
        let context = engine.contextLength
        try await ServeApplication.run(handler: handler, host: host, port: port, gracePeriod: .seconds(gracePeriod),
                                       logger: logger) { port in
            printError("reckon serve: listening on http://\(host):\(port)/v1 — model \(model) "
                + "(sha256 \(hash ?? "unreadable")), context \(context), model id '\(options.modelName)'")
        }
        printError("reckon serve: stopped")
    }
}
