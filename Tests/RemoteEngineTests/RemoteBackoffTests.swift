import NIOHTTP1
import Testing
@testable import RemoteEngine
import Engine

@Suite("RemoteBackoff")
struct RemoteBackoffTests {
    @Test("retry k waits in [½, 1) × min(maximum, base × 2^(k−1))")
    func exponentialWithJitter() {
        let backoff = RemoteBackoff(base: .milliseconds(100), maximum: .seconds(1), jitterSeed: 5)
        // Hand-computed caps: 0.1, 0.2, 0.4, 0.8, then 1.0 (maximum) for k = 1…8.
        let caps = [0.1, 0.2, 0.4, 0.8, 1.0, 1.0, 1.0, 1.0]
        for stream: UInt64 in 0..<50 {
            for (index, cap) in caps.enumerated() {
                let seconds = backoff.delay(retry: index + 1, stream: stream).seconds
                #expect(seconds >= cap * 0.5 - 1e-9 && seconds < cap + 1e-9,
                        "retry \(index + 1) stream \(stream): \(seconds) s outside [\(cap / 2), \(cap))")
            }
        }
    }

    @Test("the jitter is reproducible for a seed and differs between streams and seeds")
    func seededJitter() {
        let backoff = RemoteBackoff(base: .seconds(1), jitterSeed: 99)
        #expect(backoff.delay(retry: 2, stream: 7) == backoff.delay(retry: 2, stream: 7))
        let delays = Set((0..<20).map { backoff.delay(retry: 1, stream: UInt64($0)) })
        #expect(delays.count == 20)
        let reseeded = RemoteBackoff(base: .seconds(1), jitterSeed: 100)
        #expect((0..<20).contains { reseeded.delay(retry: 1, stream: UInt64($0)) != backoff.delay(retry: 1, stream: UInt64($0)) })
    }

    @Test("Retry-After replaces the computed delay, capped at maximumRetryAfter")
    func retryAfter() {
        let backoff = RemoteBackoff(base: .milliseconds(1), maximumRetryAfter: .seconds(60))
        #expect(backoff.delay(retry: 1, stream: 0, retryAfter: .seconds(3)) == .seconds(3))
        #expect(backoff.delay(retry: 1, stream: 0, retryAfter: .seconds(3600)) == .seconds(60))
    }

    @Test("Retry-After header values: seconds are read, dates and junk are ignored")
    func retryAfterHeader() {
        let cases: [(String, Duration?)] = [("1", .seconds(1)), (" 2 ", .seconds(2)), ("0.5", .milliseconds(500)),
                                            ("Wed, 21 Oct 2015 07:28:00 GMT", nil), ("-3", nil), ("soon", nil)]
        for (value, expected) in cases {
            #expect(RemoteGenerator.retryAfter(["Retry-After": value]) == expected, "\(value)")
        }
    }
}
