import Cost
import GRDB

extension RunStore {
    /// Records the per-token cost of `run`'s arithmetic (replacing an earlier record: the last arithmetic a run was
    /// opened with is the one kept). The headline numbers get columns of their own (queryable with SQL); the whole
    /// record is kept as JSON beside them.
    /// - Throws: `StoreError.unknownRun`, `StoreError.databaseFailure`.
    public func saveCost(_ cost: TokenCost, run: Int64) throws {
        let json = try Self.encodeJSON(cost)
        try guarded("saving the arithmetic cost of run \(run)") { try writer.write { db in
            try Self.requireRun(run, db, path: path)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO run_costs (run_id, arithmetic, context_tokens, flops_per_token,
                        weight_bytes_per_token, kv_bytes_per_token, ace_per_token, energy_joules_per_token, cost_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [run, cost.arithmetic, cost.context, cost.flops, cost.weightBytes, cost.kvBytes, cost.ace,
                            cost.energyJoules, json])
        } }
    }

    /// The per-token cost recorded for `run`, or `nil` when none was (a run stored before costs were recorded, or a
    /// remote run, or a file older than the `run_costs` table opened read-only).
    /// - Throws: `StoreError.unknownRun`; `StoreError.corruptRow` when the stored JSON does not decode.
    public func cost(run: Int64) throws -> TokenCost? {
        let json: String? = try writer.read { db in
            try Self.requireRun(run, db, path: path)
            guard try db.tableExists("run_costs") else { return nil }
            return try String.fetchOne(db, sql: "SELECT cost_json FROM run_costs WHERE run_id = ?", arguments: [run])
        }
        return try json.map { try Self.decodeJSON(TokenCost.self, $0, table: "run_costs", key: "run \(run)") }
    }
}
