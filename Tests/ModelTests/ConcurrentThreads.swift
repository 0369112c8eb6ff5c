import Foundation
import Synchronization

/// Runs `body(i)` for i in 0..<count on `count` threads of its own, started together (each waits until all have
/// started), and returns when every one has finished. Unlike `DispatchQueue.concurrentPerform`, which may run
/// iterations one after another on a busy machine, the calls really overlap.
func runOnSeparateThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let started = SharedCounter()
    let finished = DispatchSemaphore(value: 0)
    for index in 0..<count {
        let thread = Thread {
            started.add(1)
            while started.value < count { sched_yield() }
            body(index)
            finished.signal()
        }
        thread.stackSize = 1 << 21
        thread.start()
    }
    for _ in 0..<count { finished.wait() }
}

/// An atomic counter that escaping closures can share.
final class SharedCounter: Sendable {
    private let count = Atomic<Int>(0)
    func add(_ n: Int) { count.add(n, ordering: .sequentiallyConsistent) }
    var value: Int { count.load(ordering: .sequentiallyConsistent) }
}
