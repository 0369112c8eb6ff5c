import Foundation
import Synchronization

/// A persistent pool of worker threads for data-parallel loops (`parallelFor`), built for kernels that are called
/// thousands of times a second.
///
/// Work is split into chunks that every participant — the calling thread included — claims from one atomic word,
/// so a worker that is descheduled (another process took its core) costs nothing: the caller simply runs the
/// remaining chunks itself. The pool therefore never runs slower than the single-threaded path, apart from waiting
/// for a chunk already in progress. Idle workers spin briefly (to catch the next call of a token-by-token loop),
/// then block on a semaphore, so an idle pool uses no CPU.
///
/// With `threadCount == 1` no thread is created and `parallelFor` runs inline.
public final class WorkerPool: @unchecked Sendable {
    /// Threads taking part in a `parallelFor`, the caller included (≥ 1).
    public let threadCount: Int
    /// The largest number of chunks one `parallelFor` may use.
    public static let maximumChunks = Int(Shared.indexMask)

    /// State shared with the worker threads; they hold it strongly, so it outlives the pool until they exit.
    private let shared = Shared()
    private var generation: UInt64 = 0

    /// Creates a pool; `threadCount` is clamped to at least 1.
    public init(threadCount: Int) {
        self.threadCount = max(1, threadCount)
        for index in 1..<self.threadCount {
            let worker = Worker()
            shared.workers.append(worker)
            let thread = Thread { [shared] in shared.workerLoop(worker) }
            thread.name = "reckon-worker-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        shared.shuttingDown.store(true, ordering: .sequentiallyConsistent)
        for worker in shared.workers {
            worker.sleeping.store(false, ordering: .sequentiallyConsistent)
            worker.wake.signal()
        }
    }

    /// Runs `body(chunk)` for every chunk in `0..<chunks`, spread over the pool, and returns when all have finished.
    /// Chunks may run in any order and on any thread; `body` must only write disjoint memory per chunk.
    /// Not reentrant: call it from one thread at a time.
    public func parallelFor(chunks: Int, _ body: @escaping @Sendable (Int) -> Void) {
        precondition(chunks <= Self.maximumChunks, "too many chunks: \(chunks)")
        guard chunks > 0 else { return }
        if threadCount == 1 || chunks == 1 {
            for chunk in 0..<chunks { body(chunk) }
            return
        }
        shared.job = body
        generation = (generation + 1) & ((1 << 24) - 1)
        shared.completed.store(0, ordering: .relaxed)
        shared.work.store(generation << 40 | UInt64(chunks) << Shared.indexBits, ordering: .releasing)
        for worker in shared.workers where worker.sleeping.exchange(false, ordering: .sequentiallyConsistent) {
            worker.wake.signal()
        }
        while let chunk = shared.claim() {
            body(chunk)
            shared.completed.add(1, ordering: .releasing)
        }
        var spins = 0
        while shared.completed.load(ordering: .acquiring) < chunks {
            spins += 1
            if spins > 64 { sched_yield() }
        }
        shared.job = nil
    }

    private final class Worker: @unchecked Sendable {
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
    }

    private final class Shared: @unchecked Sendable {
        static let indexBits: UInt64 = 20
        static let indexMask: UInt64 = (1 << 20) - 1

        /// Layout: generation (24 bits) | chunk count (20 bits) | next chunk index (20 bits).
        let work = Atomic<UInt64>(0)
        let completed = Atomic<Int>(0)
        let shuttingDown = Atomic<Bool>(false)
        var job: (@Sendable (Int) -> Void)?
        var workers: [Worker] = []

        /// Atomically takes the next chunk index of the published work, if any remains.
        func claim() -> Int? {
            var current = work.load(ordering: .acquiring)
            while true {
                let count = (current >> Self.indexBits) & Self.indexMask
                let index = current & Self.indexMask
                guard index < count else { return nil }
                let (exchanged, original) = work.compareExchange(
                    expected: current, desired: current + 1,
                    successOrdering: .acquiringAndReleasing, failureOrdering: .acquiring)
                if exchanged { return Int(index) }
                current = original
            }
        }

        func hasClaimableWork() -> Bool {
            let current = work.load(ordering: .acquiring)
            return current & Self.indexMask < (current >> Self.indexBits) & Self.indexMask
        }

        func workerLoop(_ worker: Worker) {
            while !shuttingDown.load(ordering: .relaxed) {
                var idle = 0
                while !hasClaimableWork() && idle < 20_000 && !shuttingDown.load(ordering: .relaxed) { idle += 1 }
                if hasClaimableWork() {
                    // The job is read only after a chunk was claimed: the caller cannot replace it while a claimed
                    // chunk of its generation is outstanding.
                    while let chunk = claim() {
                        job?(chunk)
                        completed.add(1, ordering: .releasing)
                    }
                    continue
                }
                worker.sleeping.store(true, ordering: .sequentiallyConsistent)
                if hasClaimableWork() || shuttingDown.load(ordering: .sequentiallyConsistent) {
                    if worker.sleeping.exchange(false, ordering: .sequentiallyConsistent) { continue }
                    // The caller already cleared the flag and will signal (or has signalled): consume it.
                }
                worker.wake.wait()
            }
        }
    }
}
