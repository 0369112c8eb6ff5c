import Foundation
import Tasks

/// A ``SampleStore`` held in memory (tests and `--db :memory:`). Thread-safe; contents vanish with the value.
public final class InMemorySampleStore: SampleStore, @unchecked Sendable {
    /// One run as stored.
    public struct Run: Sendable, Equatable {
        public var id: Int64
        public var configuration: EvalConfiguration
        public var reckonVersion: String
        public var finished: Bool
    }

    private let lock = NSLock()
    private var runIDs: [String: Int64] = [:]
    private var runs: [Int64: Run] = [:]
    private var problemsByRun: [Int64: [Int: TaskInstance]] = [:]
    private var samplesByRun: [Int64: [SampleKey: SampleRecord]] = [:]
    /// Number of `save` calls (transactions), for tests that check one transaction per problem.
    public private(set) var transactionCount = 0

    private struct SampleKey: Hashable, Comparable {
        var problem: Int
        var sample: Int
        static func < (a: SampleKey, b: SampleKey) -> Bool { (a.problem, a.sample) < (b.problem, b.sample) }
    }

    public init() {}

    public func openRun(_ configuration: EvalConfiguration, reckonVersion: String) throws -> Int64 {
        lock.withLock {
            let hash = configuration.identityHash()
            if let id = runIDs[hash] { return id }
            let id = Int64(runIDs.count + 1)
            runIDs[hash] = id
            runs[id] = Run(id: id, configuration: configuration, reckonVersion: reckonVersion, finished: false)
            return id
        }
    }

    public func saveProblem(run: Int64, index: Int, instance: TaskInstance) throws {
        try lock.withLock {
            try requireRun(run)
            problemsByRun[run, default: [:]][index] = instance
        }
    }

    public func save(_ samples: [SampleRecord], run: Int64) throws {
        try lock.withLock {
            try requireRun(run)
            transactionCount += 1
            for record in samples {
                samplesByRun[run, default: [:]][SampleKey(problem: record.problem, sample: record.sample)] = record
            }
        }
    }

    public func samples(run: Int64) throws -> [SampleRecord] {
        try lock.withLock {
            try requireRun(run)
            let stored = samplesByRun[run] ?? [:]
            return stored.keys.sorted().map { stored[$0]! }
        }
    }

    public func markFinished(run: Int64) throws {
        try lock.withLock {
            try requireRun(run)
            runs[run]?.finished = true
        }
    }

    /// The stored run, if any.
    public func run(_ id: Int64) -> Run? { lock.withLock { runs[id] } }

    /// The stored problems of a run, by index.
    public func problems(run: Int64) -> [Int: TaskInstance] { lock.withLock { problemsByRun[run] ?? [:] } }

    private func requireRun(_ id: Int64) throws {
        guard runs[id] != nil else {
            throw ReasoningError.store(
                operation: "find run \(id)", message: "no such run in this in-memory store; call openRun first")
        }
    }
}
