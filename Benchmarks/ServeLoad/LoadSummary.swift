import Foundation

/// The figures of one load run over its successful requests.
struct LoadSummary: Sendable {
    var label: String
    var clients: Int
    var requests: Int
    var failures: Int
    /// From the first request sent to the last one answered, in seconds.
    var wallSeconds: Double
    var promptTokens: Int
    var generatedTokens: Int
    var latencies: [Double]
    var timesToFirstToken: [Double]
    var firstFailure: String?
    /// Successful requests that generated fewer tokens than they asked for (a server ignoring `ignore_eos`).
    var shortRequests: Int

    init(label: String, clients: Int, timings: [RequestTiming], wallSeconds: Double) {
        self.label = label
        self.clients = clients
        self.wallSeconds = wallSeconds
        let succeeded = timings.filter { $0.failure == nil }
        requests = succeeded.count
        failures = timings.count - succeeded.count
        firstFailure = timings.first { $0.failure != nil }?.failure
        promptTokens = succeeded.reduce(0) { $0 + ($1.promptTokens ?? 0) }
        generatedTokens = succeeded.reduce(0) { $0 + $1.generatedTokens }
        shortRequests = succeeded.filter { $0.generatedTokens < $0.askedTokens }.count
        latencies = succeeded.map(\.latency).sorted()
        timesToFirstToken = succeeded.compactMap(\.timeToFirstToken).sorted()
    }

    var requestsPerSecond: Double { wallSeconds > 0 ? Double(requests) / wallSeconds : 0 }
    var generatedTokensPerSecond: Double { wallSeconds > 0 ? Double(generatedTokens) / wallSeconds : 0 }

    /// The nearest-rank percentile `p` (0 < p ≤ 1) of sorted `values`; nil when there are none.
    static func percentile(_ p: Double, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let rank = Int((p * Double(values.count)).rounded(.up))
        return values[min(max(rank, 1), values.count) - 1]
    }

    /// One JSON object (keys sorted), with durations in seconds.
    var json: String {
        var object: [String: Any] = [
            "server": label, "clients": clients, "requests": requests, "failures": failures,
            "wall_s": wallSeconds, "requests_per_s": requestsPerSecond,
            "generated_tokens_per_s": generatedTokensPerSecond, "prompt_tokens": promptTokens,
            "generated_tokens": generatedTokens, "short_requests": shortRequests,
        ]
        let figures: [(String, Double?)] = [
            ("latency_p50_s", Self.percentile(0.5, of: latencies)), ("latency_p99_s", Self.percentile(0.99, of: latencies)),
            ("ttft_p50_s", Self.percentile(0.5, of: timesToFirstToken)),
            ("ttft_p99_s", Self.percentile(0.99, of: timesToFirstToken)),
        ]
        for (key, value) in figures { object[key] = value ?? NSNull() }
        if let firstFailure { object["first_failure"] = firstFailure }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// One human-readable line.
    var line: String {
        func ms(_ value: Double?) -> String { value.map { String(format: "%.0f ms", $0 * 1000) } ?? "-" }
        return String(format: "%@: %d requests (%d failed) in %.1f s: %.2f requests/s, %.1f generated tokens/s, ",
                      label, requests, failures, wallSeconds, requestsPerSecond, generatedTokensPerSecond)
            + "latency p50 \(ms(Self.percentile(0.5, of: latencies))) p99 \(ms(Self.percentile(0.99, of: latencies))), "
            + "time to first token p50 \(ms(Self.percentile(0.5, of: timesToFirstToken))) "
            + "p99 \(ms(Self.percentile(0.99, of: timesToFirstToken)))"
    }
}
