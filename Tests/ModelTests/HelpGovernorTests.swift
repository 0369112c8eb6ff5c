import Foundation
import Testing
@testable import Model

@Suite struct HelpGovernorTests {
    /// Feeds one probe window of calls, each taking `taken` ns where the caller alone would have needed `alone` ns.
    static func window(_ governor: inout HelpGovernor, taken: UInt64, alone: UInt64) {
        for _ in 0..<HelpGovernor.probeWindow {
            let runsAlone = governor.nextCallRunsAlone()
            #expect(!runsAlone)
            governor.record(taken: taken, own: alone / 4, ownChunks: 1, chunks: 4)
        }
    }

    static func aloneStretch(_ governor: inout HelpGovernor) -> Int {
        var calls = 0
        while governor.nextCallRunsAlone() { calls += 1 }
        return calls
    }

    @Test func helpfulWorkersAreKept() {
        var governor = HelpGovernor()
        for _ in 0..<5 {
            Self.window(&governor, taken: 600, alone: 1000)
            #expect(!governor.isRunningAlone)
            #expect(Self.aloneStretch(&governor) == 0)
        }
    }

    @Test func slowWindowsRunAloneForDoublingStretchesUntilAProbeSucceeds() {
        var governor = HelpGovernor()
        Self.window(&governor, taken: 1500, alone: 1000)
        #expect(governor.isRunningAlone)
        #expect(Self.aloneStretch(&governor) == HelpGovernor.shortestSolo)
        Self.window(&governor, taken: 1500, alone: 1000)
        #expect(Self.aloneStretch(&governor) == 2 * HelpGovernor.shortestSolo)
        for _ in 0..<10 { Self.window(&governor, taken: 1500, alone: 1000); _ = Self.aloneStretch(&governor) }
        Self.window(&governor, taken: 1500, alone: 1000)
        #expect(Self.aloneStretch(&governor) == HelpGovernor.longestSolo)
        Self.window(&governor, taken: 900, alone: 1000)  // the load went away
        #expect(Self.aloneStretch(&governor) == 0)
        Self.window(&governor, taken: 1500, alone: 1000)
        #expect(Self.aloneStretch(&governor) == HelpGovernor.shortestSolo)
    }

    @Test func callsWhereTheCallerRanNothingAreNotCounted() {
        var governor = HelpGovernor()
        for _ in 0..<1000 { governor.record(taken: 5000, own: 0, ownChunks: 0, chunks: 4) }
        #expect(!governor.isRunningAlone)
    }

    /// A worker that takes 1 ms over every chunk (as if descheduled) makes the pool run its calls on the caller alone,
    /// and every chunk still runs exactly once.
    @Test func aPoolWithAStalledWorkerRunsAlone() {
        let pool = WorkerPool(threadCount: 2)
        let caller = pthread_self()
        for _ in 0..<(2 * HelpGovernor.probeWindow) where !pool.isRunningAlone {
            let counts = WorkerPoolTests.Box(16)
            pool.parallelFor(chunks: 16) { chunk in
                if pthread_equal(pthread_self(), caller) != 0 {
                    let end = DispatchTime.now().uptimeNanoseconds + 20_000
                    while DispatchTime.now().uptimeNanoseconds < end {}
                } else {
                    usleep(1000)
                }
                counts.values[chunk] += 1
            }
            #expect(counts.values == Array(repeating: 1, count: 16))
        }
        #expect(pool.isRunningAlone)
    }
}
