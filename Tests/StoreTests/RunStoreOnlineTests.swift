import Foundation
import GRDB
import Reasoning
import Testing
@testable import Store

/// What online runs really generated, stored next to the replay pool (schema `v3-online`).
@Suite struct RunStoreOnlineTests {
    static func record(strategy: String = "short-m-at-k:m=1", problem: Int = 1, stoppedTokens: Int = 4) -> OnlineProblemRecord {
        var finished = StoreFixtures.sample(problem: problem, sample: 0)
        finished.finishReason = "eos"
        var stopped = StoreFixtures.sample(problem: problem, sample: 1, text: "partial\u{0}text", verdict: "unparseable")
        stopped.finishReason = "stopped"
        stopped.generatedTokens = stoppedTokens
        stopped.answerKey = nil
        stopped.extracted = nil
        var outcome = StrategyOutcome(answerKey: "1", correct: true, samplesUsed: 2, promptTokens: 21,
                                      generatedTokens: 30 + stoppedTokens, flops: 1.5e9, kvCacheBytes: 2048)
        outcome.measured = MeasuredCompute(promptTokens: 21, generatedTokens: 30 + stoppedTokens, forwardPasses: 32,
                                           peakKVPages: 3, peakKVBytes: 4096, wallSeconds: 0.25)
        return OnlineProblemRecord(strategy: strategy, problem: problem, outcome: outcome, samples: [finished, stopped])
    }

    @Test func anOnlineRecordRoundTripsBesideTheReplayPool() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "test")
        try store.save([StoreFixtures.sample(problem: 1, sample: 0)], run: run)
        let record = Self.record()
        try store.saveOnline(record, run: run)
        try store.saveOnline(Self.record(strategy: "budget:tokens=20", problem: 0), run: run)
        let read = try store.onlineRecords(run: run)
        #expect(read.map(\.strategy) == ["budget:tokens=20", "short-m-at-k:m=1"])
        #expect(read[1] == record)
        // The replay pool is untouched: one sample, as saved.
        #expect(try store.samples(run: run) == [StoreFixtures.sample(problem: 1, sample: 0)])
    }

    @Test func measuringAgainReplacesTheRecordAndItsSamples() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "test")
        try store.saveOnline(Self.record(stoppedTokens: 4), run: run)
        var again = Self.record(stoppedTokens: 6)
        again.samples.removeFirst()
        try store.saveOnline(again, run: run)
        #expect(try store.onlineRecords(run: run) == [again])
        let rows = try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM online_samples") }
        #expect(rows == 1)
    }

    @Test func aVersionTwoFileGainsTheOnlineTablesAndReadsAsNoneWhenOpenedReadOnly() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        do {
            let old = try DatabaseQueue(path: path)
            try RunStore.Schema.migrator(upTo: "v2-indices").migrate(old)
            let json = String(decoding: try JSONEncoder().encode(StoreFixtures.configuration()), as: UTF8.self)
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs (identity_hash, configuration_json, model_identifier, reckon_version, created_at)
                        VALUES (?, ?, 'm', '0.0.9', '2026-01-02 03:04:05.000')
                        """,
                    arguments: [StoreFixtures.configuration().identityHash(), json])
            }
        }
        let reader = try RunStore(readingAt: path)
        #expect(try reader.onlineRecords(run: 1).isEmpty)
        let store = try RunStore(path: path)
        #expect(try store.appliedMigrations().contains("v3-online"))
        try store.saveOnline(Self.record(), run: 1)
        #expect(try store.onlineRecords(run: 1) == [Self.record()])
    }

    @Test func anOnlineRecordForAnUnknownRunIsRefused() throws {
        let store = try RunStore(path: ":memory:")
        #expect(throws: StoreError.self) { try store.saveOnline(Self.record(), run: 42) }
    }
}
