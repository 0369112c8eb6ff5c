import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct RunStoreMigrationTests {
    @Test func aVersionOneFileIsMigratedAndKeepsItsData() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        let configuration = StoreFixtures.configuration()
        do {
            let old = try DatabaseQueue(path: path)
            try RunStore.Schema.migrator(upTo: "v1-runs-problems-samples").migrate(old)
            let json = String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs (identity_hash, configuration_json, model_identifier, reckon_version, created_at)
                        VALUES (?, ?, 'm', '0.0.9', '2026-01-02 03:04:05.000')
                        """,
                    arguments: [configuration.identityHash(), json])
                try db.execute(sql: """
                    INSERT INTO samples VALUES (1, 0, 0, -1, 'old text', 5, 6, 'length', NULL, 'incorrect', 0, NULL, NULL)
                    """)
            }
            #expect(try old.read { try RunStore.Schema.migrator().appliedMigrations($0) } == ["v1-runs-problems-samples"])
        }
        let store = try RunStore(path: path)
        #expect(try store.appliedMigrations() == ["v1-runs-problems-samples", "v2-indices", "v3-online", "v4-run-costs"])
        #expect(try store.openRun(configuration, reckonVersion: "0.1.0") == 1)
        let sample = try #require(try store.samples(run: 1).first)
        #expect(sample.text == "old text")
        #expect(sample.seed == UInt64.max)
        #expect(sample.extracted == nil)
        let indices = try store.writer.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_by_%' ORDER BY name")
        }
        #expect(indices == ["runs_by_model", "samples_by_verdict"])
    }

    @Test func reopeningAMigratedFileAppliesNothingTwice() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        _ = try RunStore(path: path)
        let store = try RunStore(path: path)
        let count = try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM grdb_migrations") }
        #expect(count == RunStore.Schema.identifiers.count)
    }

    @Test func aFileFromANewerReckonIsRefused() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        do {
            let store = try RunStore(path: path)
            try store.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')") }
        }
        let error = #expect(throws: StoreError.self) { try RunStore(path: path) }
        #expect(error == .schemaTooNew(path: path, unknownMigrations: ["v9-future"]))
        #expect(error?.description.contains("upgrade Reckon") == true)
    }

    @Test func aNonDatabaseFileIsReportedClearly() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try RunStore(path: path) }
        #expect(error?.description.contains(path) == true)
    }
}
