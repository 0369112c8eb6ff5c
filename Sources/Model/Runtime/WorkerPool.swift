import Foundation
import Synchronization

/// A persistent pool of worker threads for data-parallel loops (`parallelFor`), built for kernels that are called
/// thousands of times a second.
///
/// Each call splits its chunks into one contiguous range per participant (the calling thread is participant 0).
/// A participant takes chunks from the front of its own range — an atomic word on its own cache line, so the common
/// case never contends — and, when its range is empty, steals single chunks from the back of another's. Contiguous
/// ranges keep each core streaming through its own part of a weight matrix (its prefetches run ahead into rows it
/// will read itself), and stealing balances the tail to within one chunk.
///
/// A worker that is descheduled (another process took its core) costs nothing but the chunk it holds: the caller
/// steals the rest of its range. The pool therefore never runs slower than the single-threaded path, apart from
/// waiting for a chunk already in progress. Idle workers spin briefly (100 µs, to catch the next call of a
/// token-by-token loop), then block on a semaphore, so an idle pool uses no CPU. When the machine is so loaded that
/// waiting for descheduled workers costs more than they contribute, calls run on the caller alone for a while
/// (``HelpGovernor``), so the pool does not fall below its single-threaded speed.
///
/// With `threadCount == 1` no thread is created and `parallelFor` runs inline.
///
/// Thread-safe: any number of threads may call `parallelFor` at once, and a chunk may itself call it. One call at a
/// time has the workers (the state of a call is held under a lock); a call that finds them busy runs all its chunks on
/// its own calling thread instead of waiting, which gives the same results, since chunks write disjoint memory.
public final class WorkerPool: Sendable {
    /// Threads taking part in a `parallelFor`, the caller included (≥ 1).
    public let threadCount: Int
    /// The largest number of chunks one `parallelFor` may use.
    public static let maximumChunks = Int(ChunkRange.indexMask)

    /// State shared with the worker threads; they hold it strongly, so it outlives the pool until they exit.
    private let shared: Shared
    /// The state of the call that has the workers; a call holds the lock from publishing to the last chunk.
    private let callState = Mutex(CallState())

    private struct CallState {
        var generation: UInt64 = 0
        var governor = HelpGovernor()
    }

    /// Creates a pool; `threadCount` is clamped to at least 1.
    public init(threadCount: Int) {
        self.threadCount = max(1, threadCount)
        shared = Shared(participants: self.threadCount)
        for worker in shared.workers {
            let thread = Thread { [shared] in shared.workerLoop(worker) }
            thread.name = "reckon-worker-\(worker.participant)"
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
    /// Chunks may run in any order and on any thread; `body` must only write disjoint memory per chunk. Neighbouring
    /// chunks tend to run on the same thread, in increasing order.
    /// Safe to call from several threads at once and from inside `body`: while another call has the workers, this
    /// one runs every chunk on the calling thread.
    public func parallelFor(chunks: Int, _ body: @escaping @Sendable (Int) -> Void) {
        precondition(chunks <= Self.maximumChunks, "too many chunks: \(chunks)")
        guard chunks > 0 else { return }
        let ranOnWorkers: Bool? = threadCount == 1 || chunks == 1 ? false : callState.withLockIfAvailable { state in
            if state.governor.nextCallRunsAlone() { return false }
            runOnWorkers(chunks: chunks, body, state: &state)
            return true
        }
        if ranOnWorkers != true {
            for chunk in 0..<chunks { body(chunk) }
        }
    }

    /// Publishes a call to the workers, takes part in it and waits for every chunk; the caller holds `callState`.
    private func runOnWorkers(chunks: Int, _ body: @escaping @Sendable (Int) -> Void, state: inout CallState) {
        let start = DispatchTime.now().uptimeNanoseconds
        shared.job = body
        state.generation = (state.generation + 1) & ChunkRange.generationMask
        let generation = state.generation
        shared.completed.store(0, ordering: .relaxed)
        let participants = UInt64(threadCount), count = UInt64(chunks)
        for (p, range) in shared.ranges.enumerated() {
            let lower = count * UInt64(p) / participants, upper = count * UInt64(p + 1) / participants
            range.word.store(ChunkRange.pack(generation: generation, next: lower, end: upper), ordering: .relaxed)
        }
        // Publishing the generation releases the job and the ranges written above.
        shared.published.store(generation, ordering: .releasing)
        for worker in shared.workers where worker.sleeping.exchange(false, ordering: .sequentiallyConsistent) {
            worker.wake.signal()
        }
        let ownChunks = shared.participate(0, generation: generation)
        let ownEnd = DispatchTime.now().uptimeNanoseconds
        var spins = 0
        while shared.completed.load(ordering: .acquiring) < chunks - ownChunks {
            spins += 1
            if spins > 64 { sched_yield() }
        }
        shared.job = nil
        state.governor.record(taken: DispatchTime.now().uptimeNanoseconds - start, own: ownEnd - start, ownChunks: ownChunks,
                        chunks: chunks)
    }

    /// Whether recent calls showed the workers slowing the caller down (an overloaded machine), so that calls
    /// currently run on the caller alone. See ``HelpGovernor``.
    public var isRunningAlone: Bool { callState.withLock { $0.governor.isRunningAlone } }

    /// How long an idle worker polls for the next call before it sleeps: 100 µs covers the serial stretches inside
    /// a token (norms, residuals, the caller's share of setting up the next product) even when the caller's core is
    /// briefly taken, so a generating pool seldom pays a semaphore wake-up (tg128 with 2 threads: median 94 → 100
    /// t/s against 20 µs over 6 alternating rounds, and ~10× fewer context switches).
    static let spinNanoseconds: UInt64 = 100_000

    private final class Worker: Sendable {
        let participant: Int
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
        init(participant: Int) { self.participant = participant }
    }

    // Unchecked because of `job`, the one mutable field: only the caller holding `callState` writes it, before
    // publishing a generation (release) and after every chunk of that generation completed (acquire); workers read
    // it only while they hold a chunk of the published generation, so no read overlaps a write.
    private final class Shared: @unchecked Sendable {
        /// The generation of the latest published call.
        let published = Atomic<UInt64>(0)
        /// Chunks finished by participants other than the caller, added once per participant and call.
        let completed = Atomic<Int>(0)
        let shuttingDown = Atomic<Bool>(false)
        var job: (@Sendable (Int) -> Void)?
        /// Participants 1..<participants (the caller is participant 0).
        let workers: [Worker]
        /// One range of chunk indices per participant, each on its own cache lines.
        let ranges: [ChunkRange]

        init(participants: Int) {
            ranges = (0..<participants).map { _ in ChunkRange() }
            workers = (1..<max(1, participants)).map { Worker(participant: $0) }
        }

        /// Runs chunks of generation `generation` as participant `participant` — its own range front to back, then
        /// single chunks stolen from the back of the others' — and returns how many it ran.
        func participate(_ participant: Int, generation: UInt64) -> Int {
            var done = 0
            while let chunk = ranges[participant].takeFront(generation: generation) {
                job?(chunk)
                done += 1
            }
            stealing: while true {
                for offset in 1..<ranges.count {
                    if let chunk = ranges[(participant + offset) % ranges.count].takeBack(generation: generation) {
                        job?(chunk)
                        done += 1
                        continue stealing
                    }
                }
                return done
            }
        }

        func workerLoop(_ worker: Worker) {
            var seen: UInt64 = 0
            while !shuttingDown.load(ordering: .relaxed) {
                // Spin for up to `spinNanoseconds` (the clock is read every 64 polls), then sleep.
                let deadline = DispatchTime.now().uptimeNanoseconds + WorkerPool.spinNanoseconds
                var polls = 0
                while published.load(ordering: .relaxed) == seen && !shuttingDown.load(ordering: .relaxed) {
                    polls += 1
                    if polls & 63 == 0 && DispatchTime.now().uptimeNanoseconds > deadline { break }
                }
                let current = published.load(ordering: .acquiring)
                if current != seen {
                    seen = current
                    // The job is read only after a chunk of this generation was taken: the caller cannot replace it
                    // while such a chunk is outstanding, nor reuse the ranges without changing their generation.
                    let done = participate(worker.participant, generation: current)
                    if done > 0 { completed.add(done, ordering: .releasing) }
                    continue
                }
                worker.sleeping.store(true, ordering: .sequentiallyConsistent)
                if published.load(ordering: .sequentiallyConsistent) != seen
                    || shuttingDown.load(ordering: .sequentiallyConsistent) {
                    if worker.sleeping.exchange(false, ordering: .sequentiallyConsistent) { continue }
                    // The caller already cleared the flag and will signal (or has signalled): consume it.
                }
                worker.wake.wait()
            }
        }
    }
}

/// A participant's remaining chunks `next..<end` of one `parallelFor` call, tagged with the call's generation so that a
/// thread still looking at an earlier call can never take a chunk of a later one. Padded to keep the atomic word alone
/// on its cache lines.
private final class ChunkRange: Sendable {
    static let indexBits: UInt64 = 20
    static let indexMask: UInt64 = (1 << indexBits) - 1
    static let generationMask: UInt64 = (1 << 24) - 1

    private let paddingBefore: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Layout: generation (24 bits) | next (20 bits) | end (20 bits).
    let word = Atomic<UInt64>(0)
    private let paddingAfter: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

    static func pack(generation: UInt64, next: UInt64, end: UInt64) -> UInt64 {
        generation << (2 * indexBits) | next << indexBits | end
    }

    /// Takes the first remaining chunk (the owner's end).
    func takeFront(generation: UInt64) -> Int? {
        take(generation: generation) { next, end in (next, next + 1, end) }
    }

    /// Takes the last remaining chunk (a thief's end).
    func takeBack(generation: UInt64) -> Int? {
        take(generation: generation) { next, end in (end - 1, next, end - 1) }
    }

    /// `pick(next, end)` returns the chunk taken and the new `next`, `end`; it is called only when `next < end`.
    @inline(__always)
    private func take(generation: UInt64, _ pick: (UInt64, UInt64) -> (UInt64, UInt64, UInt64)) -> Int? {
        var current = word.load(ordering: .acquiring)
        while true {
            guard current >> (2 * Self.indexBits) == generation else { return nil }
            let next = (current >> Self.indexBits) & Self.indexMask, end = current & Self.indexMask
            guard next < end else { return nil }
            let (chunk, newNext, newEnd) = pick(next, end)
            let (exchanged, original) = word.compareExchange(
                expected: current, desired: Self.pack(generation: generation, next: newNext, end: newEnd),
                successOrdering: .acquiringAndReleasing, failureOrdering: .acquiring)
            if exchanged { return Int(chunk) }
            current = original
        }
    }
}
