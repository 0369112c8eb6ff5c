import Foundation
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

    /// Several threads calling one pool at once (each call writing only its own box) all see every chunk run exactly
    /// once: one call at a time has the workers, the others run on their own threads.
    @Test func concurrentCallersEachRunEveryChunkOnce() {
        let pool = WorkerPool(threadCount: 2)
        let failures = SharedCounter()
        runOnSeparateThreads(4) { caller in
            for round in 0..<500 {
                let chunks = 2 + (caller * 7 + round) % 31
                let box = Box(chunks)
                pool.parallelFor(chunks: chunks) { chunk in box.values[chunk] += 1 }
                if box.values != Array(repeating: 1, count: chunks) { failures.add(1) }
            }
        }
        #expect(failures.value == 0)
    }

    /// A chunk may itself call `parallelFor` on the same pool: the inner call runs on the chunk's thread.
    @Test func aChunkMayCallParallelFor() {
        let pool = WorkerPool(threadCount: 2)
        let outer = 8, inner = 5
        let box = Box(outer * inner)
        pool.parallelFor(chunks: outer) { o in
            pool.parallelFor(chunks: inner) { i in box.values[o * inner + i] += 1 }
        }
        #expect(box.values == Array(repeating: 1, count: outer * inner))
    }

    /// A worker stuck in a chunk must cost only that chunk: the caller finishes its own range and steals the rest of
    /// the worker's. The stuck chunk waits until every other chunk has run, so it can only finish if the caller ran
    /// them all.
    @Test func callerStealsFromAStalledWorker() {
        let pool = WorkerPool(threadCount: 2)
        for _ in 0..<20 {
            let chunks = 64
            let caller = pthread_self()
            let finished = Atomic<Int>(0), byCaller = Atomic<Int>(0), stalled = Atomic<Bool>(false)
            let box = Box(chunks)
            pool.parallelFor(chunks: chunks) { chunk in
                if pthread_equal(pthread_self(), caller) != 0 {
                    byCaller.add(1, ordering: .relaxed)
                } else if !stalled.exchange(true, ordering: .relaxed) {
                    while finished.load(ordering: .acquiring) < chunks - 1 { sched_yield() }
                }
                box.values[chunk] += 1
                finished.add(1, ordering: .releasing)
            }
            #expect(box.values == Array(repeating: 1, count: chunks))
            #expect(byCaller.load(ordering: .relaxed) >= chunks - 1)
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
