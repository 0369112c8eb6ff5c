import Foundation
import Reasoning
import Tasks
import Testing
@testable import Store

@Suite struct RunStoreTests {
    @Test func roundTripReturnsExactlyWhatWasWritten() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "0.1.0")
        var hostile = StoreFixtures.sample(problem: 0, sample: 1, text: "line1\nline2, \"quoted\" ' ; DROP TABLE samples; -- \u{0}nul é 🙂")
        hostile.seed = UInt64.max  // above Int64.max: stored through its bit pattern
        hostile.extracted = nil
        hostile.answerKey = nil
        hostile.meanLogProbability = -.infinity
        let written = [
            StoreFixtures.sample(problem: 1, sample: 0, verdict: "incorrect"),
            hostile,
            StoreFixtures.sample(problem: 0, sample: 0),
            StoreFixtures.sample(problem: 2, sample: 3, verdict: "unparseable"),
        ]
        try store.save(written, run: run)
        let read = try store.samples(run: run)
        let expected = written.sorted { ($0.problem, $0.sample) < ($1.problem, $1.sample) }
        #expect(read == expected)
        #expect(read[1].seed == UInt64.max)
        #expect(read[1].text.contains("\u{0}nul"))
    }

    @Test func nanLogProbabilityReadsBackAsNaN() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "0.1.0")
        var record = StoreFixtures.sample(problem: 0, sample: 0)
        record.meanLogProbability = .nan
        try store.save([record], run: run)
        let read = try #require(try store.samples(run: run).first)
        #expect(read.meanLogProbability.isNaN)
    }

    @Test func reSavingIsIdempotentAndFirstWriteWins() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "0.1.0")
        let first = (0..<3).map { StoreFixtures.sample(problem: 0, sample: $0) }
        try store.save(first, run: run)
        try store.save(first, run: run)
        var overlapping = (2..<5).map { StoreFixtures.sample(problem: 0, sample: $0) }
        overlapping[0].text = "a different text for an already stored key"
        try store.save(overlapping, run: run)
        let read = try store.samples(run: run)
        #expect(read.count == 5)
        #expect(read.map(\.sample) == [0, 1, 2, 3, 4])
        #expect(read[2] == first[2])
        #expect(try store.run(id: run).sampleCount == 5)
    }

    @Test func aFailingBatchStoresNothing() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "0.1.0")
        let batch = [StoreFixtures.sample(problem: 0, sample: 0), StoreFixtures.sample(problem: -1, sample: 0)]
        #expect(throws: StoreError.self) { try store.save(batch, run: run) }
        #expect(try store.samples(run: run).isEmpty)
    }

    @Test func reopeningTheSameConfigurationResumesTheRun() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        let configuration = StoreFixtures.configuration()
        let run: Int64
        do {
            let store = try RunStore(path: path)
            run = try store.openRun(configuration, reckonVersion: "0.1.0")
            try store.save([StoreFixtures.sample(problem: 0, sample: 0), StoreFixtures.sample(problem: 0, sample: 1)], run: run)
        }
        let store = try RunStore(path: path)
        var withStrategies = configuration
        withStrategies.strategies = [StrategySpec(name: "majority", parameters: ["k": 4])]
        #expect(try store.openRun(withStrategies, reckonVersion: "0.2.0") == run)
        #expect(try store.samples(run: run).map(\.sample) == [0, 1])
        let stored = try store.run(id: run)
        #expect(stored.configuration == withStrategies)
        #expect(stored.reckonVersion == "0.1.0")
        #expect(try store.runs().count == 1)
        let other = try store.openRun(StoreFixtures.configuration(seed: 8), reckonVersion: "0.1.0")
        #expect(other != run)
        #expect(try store.samples(run: other).isEmpty)
        #expect(try store.runs().map(\.id) == [run, other])
    }

    @Test func problemsRoundTripAndAreCounted() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "0.1.0")
        for index in 0..<3 { try store.saveProblem(run: run, index: index, instance: StoreFixtures.instance(index: index)) }
        try store.saveProblem(run: run, index: 0, instance: StoreFixtures.instance(index: 0))
        let problems = try store.problems(run: run)
        #expect(problems.count == 3)
        #expect(problems[2] == StoreFixtures.instance(index: 2))
        #expect(try store.run(id: run).problemCount == 3)
    }

    @Test func finishTimeAndModelHashAreRecorded() throws {
        let clock = Date(timeIntervalSince1970: 1_700_000_000)
        let store = try RunStore(path: ":memory:", now: { clock })
        let configuration = StoreFixtures.configuration()
        let run = try store.openRun(configuration, reckonVersion: "0.1.0", modelFileSHA256: "aa11")
        #expect(try store.run(id: run).finishedAt == nil)
        try store.markFinished(run: run)
        let stored = try store.run(id: run)
        #expect(stored.finishedAt == clock)
        #expect(stored.createdAt == clock)
        #expect(stored.modelFileSHA256 == "aa11")
        #expect(stored.identityHash == configuration.identityHash())
        #expect(try store.openRun(configuration, reckonVersion: "0.1.0") == run)
        let error = #expect(throws: StoreError.self) {
            try store.openRun(configuration, reckonVersion: "0.1.0", modelFileSHA256: "bb22")
        }
        #expect(error == .modelFileChanged(run: run, recorded: "aa11", found: "bb22"))
        #expect(error?.description.contains("use the original model file") == true)
    }

    @Test func unknownRunsAreReportedWithAHint() throws {
        let store = try RunStore(path: ":memory:")
        let error = #expect(throws: StoreError.self) { try store.samples(run: 42) }
        #expect(error == .unknownRun(id: 42, path: ":memory:"))
        #expect(error?.description.contains("reckon runs list") == true)
        #expect(throws: StoreError.self) { try store.save([StoreFixtures.sample(problem: 0, sample: 0)], run: 42) }
        #expect(throws: StoreError.self) { try store.markFinished(run: 42) }
    }

    @Test func fileStoresUseWriteAheadLogging() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        let store = try RunStore(path: path)
        let mode = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }
}
