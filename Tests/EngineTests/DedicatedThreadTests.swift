import Foundation
import Testing
@testable import Engine

/// Model work called from `async` code runs on threads of its own: many blocking bodies at once, more than the
/// cooperative pool has threads, all run together (each waits until all have started, which a pool of fewer
/// threads could never let happen).
@Suite struct DedicatedThreadTests {
    /// Waits until `count` threads have arrived (or the deadline passed).
    final class Barrier: @unchecked Sendable {
        private let condition = NSCondition()
        private var arrived = 0
        private let count: Int
        init(count: Int) { self.count = count }

        /// True when every thread arrived before the deadline.
        func arriveAndWait(seconds: TimeInterval) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            arrived += 1
            condition.broadcast()
            let deadline = Date(timeIntervalSinceNow: seconds)
            while arrived < count { if !condition.wait(until: deadline) { return arrived >= count } }
            return true
        }
    }

    @Test func blockingBodiesRunOnThreadsOfTheirOwn() async throws {
        let count = 2 * ProcessInfo.processInfo.activeProcessorCount + 2
        let barrier = Barrier(count: count)
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask {
                    try await DedicatedThread.run(name: "reckon-test-thread") { () throws(EngineError) in
                        barrier.arriveAndWait(seconds: 30)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == count)
        #expect(outcomes.allSatisfy { $0 }, "blocking bodies waited for each other: they shared too few threads")
    }

    @Test func errorsReachTheCaller() async {
        await #expect(throws: EngineError.self) {
            try await DedicatedThread.run(name: "reckon-test-thread") { () throws(EngineError) -> Int in throw .emptyPrompt }
        }
    }
}
