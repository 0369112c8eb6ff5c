import Engine
import Sampling

/// When to try a failed request again: exponential backoff with seeded jitter, or the server's `Retry-After`.
///
/// Retry `k` (1-based) waits `min(maximum, base × 2^(k−1)) × f`, where `f` ∈ [0.5, 1) is drawn from a
/// `SeededGenerator` seeded by (`jitterSeed`, stream, `k`): the schedule is reproducible, yet concurrent samples
/// (different streams) do not retry in lockstep. A `Retry-After` given by the server replaces the computed delay,
/// capped at `maximumRetryAfter`.
public struct RemoteBackoff: Sendable, Equatable {
    /// Delay before the first retry, before jitter (> 0).
    public var base: Duration
    /// Largest delay before jitter.
    public var maximum: Duration
    /// Longest `Retry-After` honoured (default 60 s); longer requests wait this long, so a server asking for
    /// hours cannot stall a run in silence.
    public var maximumRetryAfter: Duration
    /// Seed of the jitter stream.
    public var jitterSeed: UInt64

    public init(base: Duration = .milliseconds(500), maximum: Duration = .seconds(30),
                maximumRetryAfter: Duration = .seconds(60), jitterSeed: UInt64 = 0) {
        self.base = base
        self.maximum = maximum
        self.maximumRetryAfter = maximumRetryAfter
        self.jitterSeed = jitterSeed
    }

    /// The wait before retry number `retry` (≥ 1) of the request identified by `stream` (e.g. its sample seed).
    public func delay(retry: Int, stream: UInt64, retryAfter: Duration? = nil) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maximumRetryAfter) }
        let exponent = min(max(retry - 1, 0), 62)
        let baseSeconds = base.seconds
        let uncapped = baseSeconds * Double(UInt64(1) << UInt64(exponent))
        let capped = min(uncapped, maximum.seconds)
        var generator = SeededGenerator(
            seed: jitterSeed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(retry) &* 0xD1B5_4A32_D192_ED03))
        let factor = 0.5 + 0.5 * generator.nextUnit()
        return .nanoseconds(Int64((capped * factor * 1e9).rounded()))
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
