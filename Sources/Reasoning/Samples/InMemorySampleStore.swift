import Synchronization
import Tasks

/// A ``SampleStore`` held in memory (tests and `--db :memory:`). Thread-safe; contents vanish with the value.
public final class InMemorySampleStore: SampleStore, OnlineRecordStore, Sendable {
    /// One run as stored.
    public struct Run: Sendable, Equatable {
        public var id: Int64
        public var configuration: EvalConfiguration
        public var reckonVersion: String
        public var finished: Bool
    }

    /// Everything stored, behind one lock.
    private let state = Mutex(State())

    private struct State {
        var runIDs: [String: Int64] = [:]
        var runs: [Int64: Run] = [:]
        var problemsByRun: [Int64: [Int: TaskInstance]] = [:]
        var samplesByRun: [Int64: [SampleKey: SampleRecord]] = [:]
        var onlineByRun: [Int64: [OnlineKey: OnlineProblemRecord]] = [:]
        var transactionCount = 0

        func requireRun(_ id: Int64) throws(ReasoningError) {
            guard runs[id] != nil else {
                throw ReasoningError.store(
                    operation: "find run \(id)", message: "no such run in this in-memory store; call openRun first")
            }
        }
    }

    /// Number of `save` calls (transactions), for tests that check one transaction per problem.
    public var transactionCount: Int { state.withLock { $0.transactionCount } }

    private struct SampleKey: Hashable, Comparable {
        var problem: Int
        var sample: Int
        static func < (a: SampleKey, b: SampleKey) -> Bool { (a.problem, a.sample) < (b.problem, b.sample) }
    }

    private struct OnlineKey: Hashable, Comparable {
        var strategy: String
        var problem: Int
        static func < (a: OnlineKey, b: OnlineKey) -> Bool { (a.strategy, a.problem) < (b.strategy, b.problem) }
    }

    public init() {}

    public func openRun(_ configuration: EvalConfiguration, reckonVersion: String) throws -> Int64 {
        state.withLock { state in
            let hash = configuration.identityHash()
            if let id = state.runIDs[hash] { return id }
            let id = Int64(state.runIDs.count + 1)
            state.runIDs[hash] = id
            state.runs[id] = Run(id: id, configuration: configuration, reckonVersion: reckonVersion, finished: false)
            return id
        }
    }

    public func saveProblem(run: Int64, index: Int, instance: TaskInstance) throws {
        try state.withLock { state throws(ReasoningError) in
            try state.requireRun(run)
            state.problemsByRun[run, default: [:]][index] = instance
        }
    }

    public func save(_ samples: [SampleRecord], run: Int64) throws {
        try state.withLock { state throws(ReasoningError) in
            try state.requireRun(run)
            state.transactionCount += 1
            for record in samples {
                state.samplesByRun[run, default: [:]][SampleKey(problem: record.problem, sample: record.sample)] = record
            }
        }
    }

    public func samples(run: Int64) throws -> [SampleRecord] {
        try state.withLock { state throws(ReasoningError) in
            try state.requireRun(run)
            let stored = state.samplesByRun[run] ?? [:]
            return stored.keys.sorted().map { stored[$0]! }
        }
    }

    public func markFinished(run: Int64) throws {
        try state.withLock { state throws(ReasoningError) in
            try state.requireRun(run)
            state.runs[run]?.finished = true
        }
    }

    public func saveOnline(_ record: OnlineProblemRecord, run: Int64) throws {
        try state.withLock { state throws(ReasoningError) in
            try state.requireRun(run)
            state.transactionCount += 1
            state.onlineByRun[run, default: [:]][OnlineKey(strategy: record.strategy, problem: record.problem)] = record
        }
    }

    public func onlineRecords(run: Int64) throws -> [OnlineProblemRecord] {
        try state.withLock { state throws(ReasoningError) in
            try state.requireRun(run)
            let stored = state.onlineByRun[run] ?? [:]
            return stored.keys.sorted().map { stored[$0]! }
        }
    }

    /// The stored run, if any.
    public func run(_ id: Int64) -> Run? { state.withLock { $0.runs[id] } }

    /// The stored problems of a run, by index.
    public func problems(run: Int64) -> [Int: TaskInstance] { state.withLock { $0.problemsByRun[run] ?? [:] } }
}
