import Model
import Prometheus
import Synchronization

/// The prefix cache's series on `/metrics` (updated from the live batch's counters at each scrape):
///
/// - `reckon_prefix_cache_hits_total`, `reckon_prefix_cache_misses_total` (counters): prompts that reused at least
///   one cached KV page / that had a full page to reuse but found none;
/// - `reckon_prefix_cache_reused_tokens_total` (counter): prompt tokens taken from the cache instead of computed;
/// - `reckon_prefix_cache_evictions_total` (counter): cached pages given back because the KV pool ran out;
/// - `reckon_prefix_cache_pages` (gauge): KV pages the cache holds now.
final class PrefixCacheMetrics: Sendable {
    private let hits: Counter
    private let misses: Counter
    private let reusedTokens: Counter
    private let evictions: Counter
    private let pages: Gauge
    /// The counters last published (Prometheus counters only increase: each scrape adds the difference).
    private let published = Mutex(KVPrefixCacheStatistics())

    init(registry: PrometheusCollectorRegistry) {
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "reckon", metricName: metric, unitName: unit, helpText: help)
        }
        hits = registry.makeCounter(descriptor: name(
            "prefix_cache_hits", "total", "Prompts that reused at least one cached KV page."))
        misses = registry.makeCounter(descriptor: name(
            "prefix_cache_misses", "total", "Prompts with a full KV page to reuse that found none cached."))
        reusedTokens = registry.makeCounter(descriptor: name(
            "prefix_cache_reused_tokens", "total", "Prompt tokens taken from the prefix cache instead of computed."))
        evictions = registry.makeCounter(descriptor: name(
            "prefix_cache_evictions", "total", "Cached KV pages given back because the pool ran out."))
        pages = registry.makeGauge(descriptor: name("prefix_cache_pages", "", "KV pages the prefix cache holds."))
    }

    func update(_ now: KVPrefixCacheStatistics) {
        published.withLock { last in
            hits.increment(by: Int64(max(0, now.hits - last.hits)))
            misses.increment(by: Int64(max(0, now.misses - last.misses)))
            reusedTokens.increment(by: Int64(max(0, now.reusedTokens - last.reusedTokens)))
            evictions.increment(by: Int64(max(0, now.evictedUnderPressure - last.evictedUnderPressure)))
            pages.set(Double(now.cachedPages))
            last = now
        }
    }
}
