import Foundation
import GRDB
import Testing
@testable import Store

/// `RunStore(readingAt:)` reads without writing: no migration, no WAL switch, foreign files refused untouched.
@Suite struct RunStoreReadOnlyTests {
    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aForeignDatabaseIsRefusedAndLeftAsItWas() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep')") }
        }
        let before = try Self.bytes(path)
        for open in [{ _ = try RunStore(readingAt: path) }, { _ = try RunStore(path: path) }] {
            let error = #expect(throws: StoreError.self) { try open() }
            #expect(error == .notARunDatabase(path: path, reason: "it holds another application's tables"))
        }
        #expect(try Self.bytes(path) == before)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
        #expect(try DatabaseQueue(path: path).read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'runs')") } == false)
    }

    @Test func emptyAndNonSQLiteFilesAreNotRunDatabases() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notARunDatabase(path: path, reason: "it is empty")) { try RunStore(readingAt: path) }
        #expect(try Self.bytes(path).isEmpty)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notARunDatabase(path: path, reason: "it is not an SQLite database")) {
            try RunStore(readingAt: path)
        }
    }

    @Test func aRunDatabaseIsReadAndNotWritten() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        do {
            let store = try RunStore(path: path)
            let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "test")
            try store.save([StoreFixtures.sample(problem: 0, sample: 0)], run: run)
        }
        let before = try Self.bytes(path)
        let reader = try RunStore(readingAt: path)
        #expect(try reader.runs().map(\.sampleCount) == [1])
        #expect(try reader.samples(run: 1).count == 1)
        #expect(throws: StoreError.self) { try reader.markFinished(run: 1) }
        #expect(try Self.bytes(path) == before)
    }
}
