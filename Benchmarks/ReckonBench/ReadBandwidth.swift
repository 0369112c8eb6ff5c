import Foundation

/// Memory read bandwidth: `threads` threads each summing its share of a 256 MB buffer (far larger than any cache),
/// best of 5 passes, in GB/s.
enum ReadBandwidth {
    // Unchecked because of the raw buffer: it is filled in `init`, then only read, by threads that each read
    // their own share.
    final class Buffer: @unchecked Sendable {
        let words: UnsafeMutableBufferPointer<UInt64>
        init(bytes: Int) {
            words = .allocate(capacity: bytes / 8)
            for i in words.indices { words[i] = UInt64(i) }
        }
        deinit { words.deallocate() }
    }

    static func measure(threads: Int, bytes: Int = 256 << 20) -> Double {
        let buffer = Buffer(bytes: bytes)
        let share = buffer.words.count / threads
        var best = 0.0
        for _ in 0..<5 {
            let seconds = Workloads.seconds {
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    var sum: UInt64 = 0
                    for i in t * share..<(t + 1) * share { sum &+= buffer.words[i] }
                    if sum == 42 { print("") }  // keeps the loop alive
                }
            }
            best = max(best, Double(share * threads * 8) / seconds / 1e9)
        }
        return best
    }
}
