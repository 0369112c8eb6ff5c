import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// The OpenAI-compatible endpoints over one shared live batch: each request is one ``LiveSession`` (its prompts
/// added once, its choices started from them), admitted through a bounded ``AdmissionGate``.
///
/// Routes: `GET /health`, `GET /metrics` (``ServeMetrics``), `GET /v1/models`, `GET /v1/models/{id}`, `POST /v1/completions`,
/// `POST /v1/chat/completions`. A streaming client that disconnects has its session closed (its sequences stopped
/// and their KV pages freed); a non-streaming one has its work cancelled the same way.
public final class ServeHandler: Sendable {
    public let live: any LiveGenerating
    public let preparer: RequestPreparer
    public let options: ServeOptions
    public let gate: AdmissionGate
    /// Worst-case KV pages of the requests running; a request that does not fit waits here.
    public let reservations: KVPageReservations
    /// Positions per KV page of the batch.
    let positionsPerPage: Int
    /// Unix seconds when the handler was made (the model card's `created`).
    public let created: Int
    /// Served at `GET /metrics`.
    public let metrics: ServeMetrics
    /// Set when a graceful shutdown starts (``startDraining()``).
    private let draining = Atomic(false)
    /// Writes log-probabilities with the tokenizer's token bytes.
    let logprobsFormatter: LogprobsFormatter

    /// A handler on `batch`, with `batch.engine`'s tokenizer, chat template, context and page pool.
    public convenience init(batch: LiveBatch, options: ServeOptions = ServeOptions()) {
        let engine = batch.engine
        let metrics = batch.metrics
        let limits = EngineLimits(contextLength: engine.contextLength, vocabularySize: engine.tokenizer.vocabularySize,
                                  positionsPerPage: metrics.positionsPerPage, pageLimit: metrics.pageLimit)
        let tokenizer = engine.tokenizer
        self.init(live: batch, limits: limits, options: options, tokenize: { prompt throws(EngineError) in
            try engine.tokens(for: prompt)
        }, tokenBytes: { tokenizer.bytes(of: $0) })
    }

    /// - Parameter tokenBytes: the bytes a token id stands for (the text of tokens in log-probabilities).
    public init(live: any LiveGenerating, limits: EngineLimits, options: ServeOptions,
                tokenize: @escaping @Sendable (Prompt) throws(EngineError) -> [Int],
                tokenBytes: @escaping @Sendable (Int) -> [UInt8] = { _ in [] }) {
        self.live = live
        logprobsFormatter = LogprobsFormatter(tokenBytes: tokenBytes)
        self.options = options
        preparer = RequestPreparer(limits: limits, options: options, tokenize: tokenize)
        gate = AdmissionGate(capacity: options.maxAdmittedSequences)
        let reservations = KVPageReservations(capacity: limits.pageLimit)
        self.reservations = reservations
        positionsPerPage = limits.positionsPerPage
        metrics = ServeMetrics(batch: { (live as? LiveBatch)?.metrics }, waitingForPages: { reservations.waitingRequests },
                               rateWindow: options.tokenRateWindow)
        created = Int(Date().timeIntervalSince1970)
    }

    /// Puts the handler in draining mode (a graceful shutdown started): new generation requests get 503 with
    /// code `server_shutting_down`, `GET /health` answers 503; requests already admitted run to their end.
    public func startDraining() { draining.store(true, ordering: .sequentiallyConsistent) }

    /// Whether ``startDraining()`` was called.
    public var isDraining: Bool { draining.load(ordering: .sequentiallyConsistent) }

    /// The answer to a request that arrives while draining.
    static let shuttingDown = OpenAIError(
        status: .serviceUnavailable, message: "The server is shutting down: it finishes the requests it is running "
            + "and accepts no new ones. Send the request to another server, or retry once this one has restarted.",
        type: "server_error", param: nil, code: "server_shutting_down", retryAfterSeconds: 1, closeConnection: true)

    /// `system_fingerprint`: the engine version and, when known, the model's SHA-256 prefix.
    public var systemFingerprint: String {
        "reckon-" + (options.modelSHA256.map { String($0.prefix(16)) } ?? "unhashed")
    }

    /// A router with every route.
    public func makeRouter() -> Router<ServeContext> {
        let router = Router(context: ServeContext.self)
        addRoutes(to: router)
        return router
    }

    public func addRoutes(to router: Router<ServeContext>) {
        router.get("health") { [self] _, _ in
            if isDraining { throw Self.shuttingDown }
            return Self.json(["status": "ok"])
        }
        router.get("metrics") { [self] _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        router.get("v1/models") { [self] _, _ in
            Self.json(ModelList(data: [ModelCard(id: options.modelName, created: created)]))
        }
        router.get("v1/models/:id") { [self] _, context in
            let id = context.parameters.get("id") ?? ""
            guard id == options.modelName else {
                throw OpenAIError(status: .notFound, message: "The model `\(id)` does not exist.",
                                  type: "invalid_request_error", param: "model", code: "model_not_found")
            }
            return Self.json(ModelCard(id: id, created: created))
        }
        router.post("v1/completions") { [self] request, context in
            try await generate(request, endpoint: .completions, channel: context.channel)
        }
        router.post("v1/chat/completions") { [self] request, context in
            try await generate(request, endpoint: .chat, channel: context.channel)
        }
    }

    enum Endpoint: Sendable { case completions, chat }

    // MARK: - Generation

    /// Answers one generation request; `channel` (its connection) is watched for a client that leaves, whose work
    /// is then stopped. The connection stays open for the client's next request (keep-alive).
    private func generate(_ request: Request, endpoint: Endpoint, channel: (any Channel)?) async throws -> Response {
        if isDraining { throw Self.shuttingDown }
        let arrival = ContinuousClock.now
        var request = request
        let prepared: PreparedGeneration
        switch endpoint {
        case .completions:
            let body = try await JSONBody.decode(CompletionRequest.self, from: &request, limit: options.maxBodyBytes)
            prepared = try preparer.prepare(body)
        case .chat:
            let body = try await JSONBody.decode(ChatCompletionRequest.self, from: &request, limit: options.maxBodyBytes)
            prepared = try preparer.prepare(body)
        }
        let admitted = prepared.admittedSequences
        guard gate.tryEnter(admitted) else {
            metrics.requestRejected()
            throw OpenAIError(status: .tooManyRequests,
                              message: "The server is busy (\(gate.capacity) sequences admitted): retry later.",
                              type: "rate_limit_error", param: nil, code: "server_busy",
                              retryAfterSeconds: options.retryAfterSeconds)
        }
        metrics.requestAdmitted()
        metrics.promptsProcessed(prepared.promptTokenCount)
        let release: @Sendable () -> Void = { [gate, metrics] in
            gate.leave(admitted)
            metrics.requestFinished(after: ContinuousClock.now - arrival)
        }
        let answer = Answer(id: (endpoint == .chat ? "chatcmpl-" : "cmpl-") + UUID().uuidString.lowercased(),
                            created: Int(Date().timeIntervalSince1970), model: options.modelName,
                            fingerprint: systemFingerprint, endpoint: endpoint)
        var headers: HTTPFields = [:]
        headers[HTTPField.Name("x-reckon-seed")!] = String(prepared.seed)
        if prepared.stream {
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { [self] writer in
                defer { release() }
                try await stream(prepared, answer: answer, channel: channel, writer: &writer)
            })
        }
        defer { release() }
        let session = live.makeSession()
        defer { session.close() }
        if prepared.reasoning != nil {
            return try await reason(prepared, answer: answer, headers: headers, session: session, channel: channel)
        }
        let pages = prepared.worstCasePages(positionsPerPage: positionsPerPage)
        let work = Task { [self] () throws -> [ChoiceOutcome] in
            try await reservations.reserve(pages)
            defer {
                session.close()  // its pages are back in the pool before the reservation is released
                reservations.release(pages)
            }
            return try await withTaskCancellationHandler {
                try await Self.run(prepared, in: session, onEvent: countTokens)
            } onCancel: {
                session.close()
            }
        }
        // A client that leaves has its work stopped (its session closed, or its wait for pages ended).
        let watcher = ClientDepartureWatcher.watch(channel) { work.cancel() }
        defer { watcher.stop() }
        let outcomes = try await withTaskCancellationHandler {
            try await work.value
        } onCancel: {
            work.cancel()
        }
        headers[.contentType] = "application/json"
        let usage = usage(prepared, completionTokens: outcomes.reduce(0) { $0 + $1.completionTokens }, session: session)
        let data: Data
        switch endpoint {
        case .completions:
            data = try JSONEncoder().encode(CompletionResponse(
                id: answer.id, created: answer.created, model: answer.model, systemFingerprint: answer.fingerprint,
                choices: outcomes.map { outcome in
                    var offset = 0
                    return .init(index: outcome.index, text: outcome.text, finishReason: outcome.finishReason,
                                 logprobs: outcome.logprobs.map { logprobsFormatter.completion($0, offset: &offset) })
                },
                usage: usage))
        case .chat:
            data = try JSONEncoder().encode(ChatCompletionResponse(
                id: answer.id, created: answer.created, model: answer.model, systemFingerprint: answer.fingerprint,
                choices: outcomes.map {
                    .init(index: $0.index, message: .init(content: $0.text), finishReason: $0.finishReason,
                          logprobs: $0.logprobs.map(logprobsFormatter.chat))
                },
                usage: usage))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs `prepared`, with engine failures as OpenAI errors.
    static func run(_ prepared: PreparedGeneration, in session: any LiveSession,
                    onEvent: @escaping @Sendable (ChoiceEvent) -> Void = { _ in }) async throws(OpenAIError)
    -> [ChoiceOutcome] {
        do {
            return try await ChoiceRunner.run(prepared, in: session, onEvent: onEvent)
        } catch {
            throw engineFailure(error)
        }
    }

    /// Counts the tokens of each choice that ends (``ServeMetrics``).
    var countTokens: @Sendable (ChoiceEvent) -> Void {
        { [metrics] event in
            if case let .finished(outcome, _) = event { metrics.choiceFinished(tokens: outcome.completionTokens) }
        }
    }

    static func engineFailure(_ error: EngineError) -> OpenAIError {
        switch error {
        case .model(.kvPagesExhausted):
            return OpenAIError(status: .serviceUnavailable, message: "The server ran out of KV memory for this "
                + "request: retry later, or ask for fewer choices or tokens.", type: "server_error", param: nil,
                code: "kv_pages_exhausted", retryAfterSeconds: 1)
        case let .invalidRequest(reason):
            return .invalid(reason, param: nil)
        default:
            return OpenAIError(status: .internalServerError, message: error.description, type: "server_error")
        }
    }

    // MARK: - Helpers

    /// What every response and chunk of one answer shares.
    struct Answer: Sendable {
        var id: String
        var created: Int
        var model: String
        var fingerprint: String
        var endpoint: Endpoint
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
