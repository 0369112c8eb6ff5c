import Engine
import Foundation
import Prometheus
import Synchronization

/// The server's Prometheus metrics (text exposition format at `GET /metrics`), named after vLLM's:
///
/// - `reckon_num_requests_running` (gauge): requests admitted and not yet answered;
/// - `reckon_num_requests_waiting` (gauge): the queue depth: requests waiting for KV pages (see
///   ``KVPageReservations``) plus prompts queued for prefill in the live batch;
/// - `reckon_live_sequences` (gauge): sequences generating, over all requests;
/// - `reckon_kv_pages_in_use`, `reckon_kv_pages_limit` (gauges): KV pages referenced now / in the pool;
/// - `reckon_prompt_tokens_total`, `reckon_generation_tokens_total` (counters), counted when a choice ends;
/// - `reckon_generation_tokens_per_second` (gauge): generation tokens of the choices that ended in the last
///   `rateWindow` (default 10 s), divided by its length in seconds;
/// - `reckon_requests_rejected_total` (counter): requests refused with 429;
/// - `reckon_e2e_request_latency_seconds` (histogram): from the request's arrival to its last byte;
/// - the prefix cache's hits, misses, reused tokens, evictions and pages (``PrefixCacheMetrics``).
public final class ServeMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let batchSnapshot: @Sendable () -> LiveBatchMetrics?
    private let waitingForPages: @Sendable () -> Int
    private let running: Gauge
    private let waiting: Gauge
    private let liveSequences: Gauge
    private let pagesInUse: Gauge
    private let pageLimit: Gauge
    private let promptTokens: Counter
    private let generationTokens: Counter
    private let tokensPerSecond: Gauge
    private let rejected: Counter
    let latency: DurationHistogram
    private let prefixCache: PrefixCacheMetrics
    /// (time, tokens) of the choices that ended in the last ``window`` seconds.
    private let recent = Mutex<[(time: ContinuousClock.Instant, tokens: Int)]>([])
    private let window: Duration

    /// - Parameters:
    ///   - batch: a snapshot of the live batch's counters, read at each scrape (nil: no batch gauges).
    ///   - rateWindow: the window of the tokens-per-second gauge (> 0).
    ///   - waitingForPages: requests waiting for KV pages now.
    public init(batch: @escaping @Sendable () -> LiveBatchMetrics?, waitingForPages: @escaping @Sendable () -> Int = { 0 },
                rateWindow: Duration = .seconds(10)) {
        precondition(rateWindow > .zero, "the tokens-per-second window must be positive")
        batchSnapshot = batch
        self.waitingForPages = waitingForPages
        window = rateWindow
        func name(_ metric: String, _ unit: String = "", _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "reckon", metricName: metric, unitName: unit, helpText: help)
        }
        running = registry.makeGauge(descriptor: name("num_requests_running", "", "Requests admitted and not yet answered."))
        waiting = registry.makeGauge(descriptor: name("num_requests_waiting", "", "Prompts queued for prefill."))
        liveSequences = registry.makeGauge(descriptor: name("live_sequences", "", "Sequences generating."))
        pagesInUse = registry.makeGauge(descriptor: name("kv_pages_in_use", "", "KV pages referenced now."))
        pageLimit = registry.makeGauge(descriptor: name("kv_pages_limit", "", "KV pages in the pool."))
        promptTokens = registry.makeCounter(descriptor: name("prompt_tokens", "total", "Prompt tokens of answered requests."))
        generationTokens = registry.makeCounter(descriptor: name("generation_tokens", "total", "Tokens generated."))
        tokensPerSecond = registry.makeGauge(descriptor: name(
            "generation_tokens_per_second", "", "Tokens of the choices that ended in the last \(rateWindow), per second."))
        prefixCache = PrefixCacheMetrics(registry: registry)
        rejected = registry.makeCounter(descriptor: name("requests_rejected", "total", "Requests refused with 429."))
        latency = registry.makeDurationHistogram(
            descriptor: name("e2e_request_latency", "seconds", "Time from a request's arrival to its last byte."),
            buckets: [.milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                      .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120)])
    }

    func requestAdmitted() { running.increment() }
    func requestFinished(after duration: Duration) {
        running.decrement()
        latency.record(duration)
    }
    func requestRejected() { rejected.increment() }
    func promptsProcessed(_ tokens: Int) { promptTokens.increment(by: Int64(tokens)) }

    func choiceFinished(tokens: Int) {
        generationTokens.increment(by: Int64(tokens))
        recent.withLock { $0.append((ContinuousClock.now, tokens)) }
    }

    /// The exposition text, with the gauges read now.
    public func exposition() -> [UInt8] {
        let queued = waitingForPages()
        waiting.set(Double(queued))
        if let batch = batchSnapshot() {
            waiting.set(Double(queued + batch.prefillsWaiting))
            liveSequences.set(Double(batch.liveSequences))
            pagesInUse.set(Double(batch.pagesInUse))
            pageLimit.set(Double(batch.pageLimit))
            prefixCache.update(batch.prefixCache)
        }
        let now = ContinuousClock.now
        let tokens = recent.withLock { recent in
            recent.removeAll { now - $0.time > window }
            return recent.reduce(0) { $0 + $1.tokens }
        }
        let seconds = Double(window.components.seconds) + Double(window.components.attoseconds) / 1e18
        tokensPerSecond.set(Double(tokens) / seconds)
        return registry.emitToBuffer()
    }
}
