import Synchronization
import Testing
@testable import Model

@Suite struct WorkerPoolTests {
    final class Box: @unchecked Sendable {
        var values: [Int]
        init(_ n: Int) { values = Array(repeating: 0, count: n) }
    }

    @Test(arguments: [1, 2, 3])
    func everyChunkRunsExactlyOnce(threads: Int) {
        let pool = WorkerPool(threadCount: threads)
        for round in 0..<300 {
            let chunks = 1 + round % 37
            let box = Box(chunks)
            let total = Atomic<Int>(0)
            pool.parallelFor(chunks: chunks) { chunk in
                box.values[chunk] += 1
                total.add(1, ordering: .relaxed)
            }
            #expect(box.values == Array(repeating: 1, count: chunks), "round \(round)")
            #expect(total.load(ordering: .relaxed) == chunks)
        }
    }

    @Test func survivesIdlePeriods() async throws {
        let pool = WorkerPool(threadCount: 2)
        for _ in 0..<3 {
            let box = Box(64)
            pool.parallelFor(chunks: 64) { box.values[$0] = $0 * 2 }
            #expect(box.values == (0..<64).map { $0 * 2 })
            try await Task.sleep(for: .milliseconds(30))   // workers fall asleep; the next call must wake them
        }
    }
}
