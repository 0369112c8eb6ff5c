import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// `swift run -c release serve-load --url http://127.0.0.1:PORT/v1 [--model NAME] [--clients 8] [--duration 60]
/// [--max-requests 10000] [--seed 1] [--warmup N] [--timeout 300] [--label NAME]`
///
/// A load generator for an OpenAI-compatible server on this machine (loopback addresses only): `--clients` clients
/// each send one streamed chat request at a time (``LoadWorkload``: seeded prompts of 16–192 words, 16–128 generated
/// tokens with `ignore_eos`), taking the next request of the workload as soon as their previous one is answered,
/// until `--duration` seconds have passed or `--max-requests` were sent; requests in flight at the end finish and
/// count. Before timing, `--warmup` requests (default: one per client) are sent and discarded. Prints one
/// human-readable line on standard error and one JSON line on standard output (``LoadSummary``): requests/s,
/// generated tokens/s (the servers' `usage` counts), p50/p99 latency and time to first token. Exits 1 when any
/// request failed. Benchmarks/serve-load runs it against `reckon serve` and llama.cpp's `llama-server`.
@main
struct ServeLoad {
    struct Options {
        var url = ""
        var model = "bench"
        var clients = 8
        var duration = 60.0
        var maxRequests = 10_000
        var seed: UInt64 = 1
        var warmup: Int?
        var timeout = 300
        var label = "server"
    }

    static func main() async {
        let options: Options
        do {
            options = try parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            exit(64)
        }
        let summary = await run(options)
        if summary.shortRequests > 0 {
            FileHandle.standardError.write(Data(("warning: \(summary.shortRequests) requests generated fewer tokens "
                + "than max_tokens: the server does not honour ignore_eos, so its work differs\n").utf8))
        }
        FileHandle.standardError.write(Data((summary.line + "\n").utf8))
        print(summary.json)
        if summary.failures > 0 {
            FileHandle.standardError.write(Data("Error: \(summary.failures) requests failed; the first: \(summary.firstFailure ?? "?")\n".utf8))
            exit(1)
        }
    }

    struct UsageError: Error, CustomStringConvertible { var description: String }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        func value(_ name: String) throws -> String {
            guard index + 1 < arguments.count else { throw UsageError(description: "\(name) needs a value") }
            index += 1
            return arguments[index]
        }
        func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int {
            let text = try value(name)
            guard let number = Int(text), range.contains(number) else {
                throw UsageError(description: "\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got \(text)")
            }
            return number
        }
        while index < arguments.count {
            let name = arguments[index]
            switch name {
            case "--url": options.url = try value(name)
            case "--model": options.model = try value(name)
            case "--label": options.label = try value(name)
            case "--clients": options.clients = try integer(name, 1...256)
            case "--max-requests": options.maxRequests = try integer(name, 1...1_000_000)
            case "--warmup": options.warmup = try integer(name, 0...10_000)
            case "--timeout": options.timeout = try integer(name, 1...3600)
            case "--seed":
                let text = try value(name)
                guard let seed = UInt64(text) else { throw UsageError(description: "--seed must be an unsigned integer, got \(text)") }
                options.seed = seed
            case "--duration":
                let text = try value(name)
                guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                    throw UsageError(description: "--duration must be a number of seconds in (0, 3600], got \(text)")
                }
                options.duration = seconds
            default:
                throw UsageError(description: "unknown option \(name) (expected --url, --model, --clients, --duration, "
                    + "--max-requests, --seed, --warmup, --timeout, --label)")
            }
            index += 1
        }
        guard let url = URL(string: options.url), url.scheme == "http",
              let host = url.host, ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        else {
            throw UsageError(description: "--url must be an http URL on this machine (127.0.0.1, localhost or ::1), "
                + "e.g. http://127.0.0.1:8080/v1; got '\(options.url)'")
        }
        return options
    }

    static func run(_ options: Options) async -> LoadSummary {
        var root = options.url
        while root.hasSuffix("/") { root.removeLast() }
        let endpoint = root + "/chat/completions"
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: options.clients)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let timeout = TimeAmount.seconds(Int64(options.timeout))

        // Warm-up: its own requests, sent together, not counted.
        let warmup = LoadWorkload(seed: options.seed ^ 0x5741_524D_5550)  // "WARMUP"
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<(options.warmup ?? options.clients) {
                group.addTask {
                    let request = warmup.request(index)
                    _ = await StreamedChat.send(warmup.body(request, model: options.model), index: index,
                                                askedTokens: request.maxTokens, to: endpoint, client: client,
                                                timeout: timeout)
                }
            }
        }

        let workload = LoadWorkload(seed: options.seed)
        let dispatch = RequestDispatch(limit: options.maxRequests)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int64(options.duration * 1000))
        let timings = await withTaskGroup(of: [RequestTiming].self) { group in
            for _ in 0..<options.clients {
                group.addTask {
                    var mine: [RequestTiming] = []
                    while clock.now < deadline {
                        guard let index = dispatch.take() else { break }
                        let request = workload.request(index)
                        mine.append(await StreamedChat.send(workload.body(request, model: options.model), index: index,
                                                            askedTokens: request.maxTokens, to: endpoint,
                                                            client: client, timeout: timeout))
                    }
                    return mine
                }
            }
            var all: [RequestTiming] = []
            for await part in group { all += part }
            return all.sorted { $0.request < $1.request }
        }
        let elapsed = clock.now - start
        try? await client.shutdown()
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return LoadSummary(label: options.label, clients: options.clients, timings: timings, wallSeconds: wall)
    }
}

/// Hands out the workload's request indices 0, 1, 2, … to the clients, at most `limit` of them.
final class RequestDispatch: Sendable {
    private let next = Mutex(0)
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// The next index, or nil when `limit` were handed out.
    func take() -> Int? {
        next.withLock { next in
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
