import Cost
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct RunStoreCostTests {
    /// A cost record to store (its values are whatever the cost model says: the store only keeps them).
    static func cost(context: Int = 4) throws -> TokenCost {
        let shape = try TransformerShape(layers: 1, attentionDim: 32, kvDim: 32, matrices: [
            .init(name: "w", rows: 32, columns: 32, stored: try OperandFormat(name: "q4_1")),
        ])
        return try ArithmeticCost(weights: nil, activations: try OperandFormat(name: "fp32"), kv: try OperandFormat(name: "fp16"))
            .perToken(shape, context: context)
    }

    @Test func aRunsCostIsStoredReadBackAndReplaced() throws {
        let store = try RunStore(path: ":memory:")
        let run = try store.openRun(StoreFixtures.configuration(), reckonVersion: "test")
        #expect(try store.cost(run: run) == nil)
        let first = try Self.cost()
        try store.saveCost(first, run: run)
        #expect(try store.cost(run: run) == first)
        let columns = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT arithmetic, context_tokens, flops_per_token, energy_joules_per_token FROM run_costs")
        }
        #expect(columns?["arithmetic"] == first.arithmetic)
        #expect(columns?["context_tokens"] == 4)
        #expect(columns?["flops_per_token"] == first.flops)
        #expect(columns?["energy_joules_per_token"] == first.energyJoules)
        let second = try Self.cost(context: 9)
        try store.saveCost(second, run: run)
        #expect(try store.cost(run: run) == second)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM run_costs") } == 1)
        #expect(throws: StoreError.unknownRun(id: 99, path: ":memory:")) { try store.saveCost(first, run: 99) }
    }

    /// A file written before `run_costs` existed: read-only it reads every cost as absent; opened for writing it
    /// gains the table and keeps its runs.
    @Test func aFileWithoutTheCostTableStaysReadable() throws {
        let path = StoreFixtures.temporaryPath()
        defer { StoreFixtures.remove(path) }
        let configuration = StoreFixtures.configuration()
        do {
            let old = try DatabaseQueue(path: path)
            try RunStore.Schema.migrator(upTo: "v2-indices").migrate(old)
            let json = String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs (identity_hash, configuration_json, model_identifier, reckon_version, created_at)
                        VALUES (?, ?, 'm', '0.1.0', '2026-01-02 03:04:05.000')
                        """,
                    arguments: [configuration.identityHash(), json])
            }
        }
        do {
            let reader = try RunStore(readingAt: path)
            #expect(try reader.cost(run: 1) == nil)
            #expect(try reader.runs().count == 1)
        }
        let store = try RunStore(path: path)
        #expect(try store.appliedMigrations().last == "v4-run-costs")
        #expect(try store.cost(run: 1) == nil)
        let cost = try Self.cost()
        try store.saveCost(cost, run: 1)
        #expect(try RunStore(readingAt: path).cost(run: 1) == cost)
    }
}
