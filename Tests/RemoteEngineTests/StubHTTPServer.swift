import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request the stub server received.
struct StubRequest: Sendable {
    var method: String
    var uri: String
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]

    /// The body parsed as a JSON object (throws when it is not one).
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw StubError.notAnObject(String(decoding: body, as: UTF8.self))
        }
        return object
    }
}

enum StubError: Error {
    case notAnObject(String)
}

/// What the stub does with one request.
struct StubResponse: Sendable {
    var status: Int = 200
    var headers: [(String, String)] = [("Content-Type", "application/json")]
    var body: String = ""
    /// Wait before sending anything.
    var delay: Duration = .zero
    /// Wait between the head (sent at once) and the body.
    var bodyDelay: Duration = .zero
    /// Close the connection without answering.
    var dropConnection = false

    static func json(_ body: String, status: Int = 200, extraHeaders: [(String, String)] = [],
                     delay: Duration = .zero, bodyDelay: Duration = .zero) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "application/json")] + extraHeaders, body: body,
                     delay: delay, bodyDelay: bodyDelay)
    }

    static let drop = StubResponse(dropConnection: true)
}

/// An HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that answers each request with a scripted response and
/// records what it received. Every connection is closed after its response.
final class StubHTTPServer: @unchecked Sendable {
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let state: StubState

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, state: StubState) {
        self.port = port
        self.group = group
        self.channel = channel
        self.state = state
    }

    /// Requests received so far, in arrival order.
    var requests: [StubRequest] { state.snapshot().requests }
    /// Most requests that were waiting for their response at the same moment.
    var maxInFlight: Int { state.snapshot().maxInFlight }

    /// Starts a server whose `respond(request, index)` decides each answer (`index` counts from 0).
    static func start(_ respond: @escaping @Sendable (StubRequest, Int) -> StubResponse) async throws -> StubHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = StubState(respond: respond)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(StubHandler(state: state))
                    }
                }
                .bind(host: "127.0.0.1", port: 0).get()
            guard let port = channel.localAddress?.port else { throw StubError.notAnObject("no local port") }
            return StubHTTPServer(port: port, group: group, channel: channel, state: state)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Starts a server that answers the `i`-th request with `script[i]`, and with HTTP 418 once the script is used up
    /// (a status the client does not retry, so an unexpected extra request fails the test).
    static func start(script: [StubResponse]) async throws -> StubHTTPServer {
        try await start { _, index in
            index < script.count ? script[index] : .json(#"{"error":"stub script exhausted"}"#, status: 418)
        }
    }

    func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Runs `body` with a started server and always stops it afterwards.
func withStubServer<T>(script: [StubResponse], _ body: (StubHTTPServer) async throws -> T) async throws -> T {
    try await withStubServer(try await StubHTTPServer.start(script: script), body)
}

func withStubServer<T>(respond: @escaping @Sendable (StubRequest, Int) -> StubResponse,
                       _ body: (StubHTTPServer) async throws -> T) async throws -> T {
    try await withStubServer(try await StubHTTPServer.start(respond), body)
}

private func withStubServer<T>(_ server: StubHTTPServer, _ body: (StubHTTPServer) async throws -> T) async throws -> T {
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The server's shared, lock-protected record.
private final class StubState: @unchecked Sendable {
    struct Snapshot {
        var requests: [StubRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    private let lock = NSLock()
    private var record = Snapshot()
    private let respond: @Sendable (StubRequest, Int) -> StubResponse

    init(respond: @escaping @Sendable (StubRequest, Int) -> StubResponse) {
        self.respond = respond
    }

    func received(_ request: StubRequest) -> StubResponse {
        lock.lock()
        let index = record.requests.count
        record.requests.append(request)
        record.inFlight += 1
        record.maxInFlight = max(record.maxInFlight, record.inFlight)
        lock.unlock()
        return respond(request, index)
    }

    func answered() {
        lock.lock()
        record.inFlight -= 1
        lock.unlock()
    }

    func snapshot() -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return record
    }
}

/// Collects one request, then sends the scripted answer and closes the connection.
private final class StubHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: StubState
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(state: StubState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(requestHead):
            head = requestHead
            body = []
        case var .body(buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let response = state.received(
                StubRequest(method: "\(head.method)", uri: head.uri, headers: headers, body: body))
            let loop = context.eventLoop.assumeIsolated()
            loop.scheduleTask(in: Self.amount(response.delay)) {
                self.answer(response, context: context)
            }
        }
    }

    private func answer(_ response: StubResponse, context: ChannelHandlerContext) {
        guard !response.dropConnection else {
            state.answered()
            context.close(promise: nil)
            return
        }
        let bytes = Array(response.body.utf8)
        var headers = HTTPHeaders(response.headers)
        headers.add(name: "Content-Length", value: "\(bytes.count)")
        headers.add(name: "Connection", value: "close")
        let responseHead = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.writeAndFlush(wrapOutboundOut(.head(responseHead)), promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: Self.amount(response.bodyDelay)) {
            self.state.answered()
            context.write(self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))),
                          promise: nil)
            context.writeAndFlush(self.wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        }
    }

    private static func amount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
