import GRDB

extension RunStore {
    /// Versioned schema. Migrations are append-only: never edit a registered one, add a new identifier.
    ///
    /// - `v1`: runs, problems, samples (the eval contract's tables).
    /// - `v2`: indices for listing runs by model and reading samples by verdict.
    /// - `v3`: what online runs really generated, next to the replay pool: `online_outcomes` (one row per strategy
    ///   and problem: the decision, its charged costs and the measured compute) and `online_samples` (every sample
    ///   an online strategy generated, stopped ones with finish reason `stopped` and the tokens they held).
    /// - `v4`: `run_costs`, the per-token cost of each run's arithmetic (one row per run; older files simply have
    ///   none, and a read-only store of a file without the table reads every cost as absent).
    enum Schema {
        static let identifiers = ["v1-runs-problems-samples", "v2-indices", "v3-online", "v4-run-costs"]

        static func migrator(upTo last: String? = nil) -> DatabaseMigrator {
            var migrator = DatabaseMigrator()
            for identifier in identifiers {
                migrator.registerMigration(identifier) { db in try apply(identifier, db) }
                if identifier == last { break }
            }
            return migrator
        }

        private static func apply(_ identifier: String, _ db: Database) throws {
            switch identifier {
            case "v1-runs-problems-samples":
                try db.execute(sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        identity_hash TEXT NOT NULL UNIQUE,
                        configuration_json TEXT NOT NULL,
                        model_identifier TEXT NOT NULL,
                        model_file_sha256 TEXT,
                        reckon_version TEXT NOT NULL,
                        created_at DATETIME NOT NULL,
                        finished_at DATETIME
                    );
                    CREATE TABLE problems (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        problem_index INTEGER NOT NULL,
                        instance_json TEXT NOT NULL,
                        PRIMARY KEY (run_id, problem_index)
                    ) WITHOUT ROWID;
                    CREATE TABLE samples (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        problem_index INTEGER NOT NULL,
                        sample_index INTEGER NOT NULL,
                        seed INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        prompt_tokens INTEGER NOT NULL,
                        generated_tokens INTEGER NOT NULL,
                        finish_reason TEXT NOT NULL,
                        mean_logprob REAL,
                        verdict TEXT NOT NULL,
                        score REAL NOT NULL,
                        extracted TEXT,
                        answer_key TEXT,
                        PRIMARY KEY (run_id, problem_index, sample_index)
                    ) WITHOUT ROWID;
                    """)
            case "v2-indices":
                try db.execute(sql: """
                    CREATE INDEX runs_by_model ON runs(model_identifier);
                    CREATE INDEX samples_by_verdict ON samples(run_id, verdict);
                    """)
            case "v3-online":
                try db.execute(sql: """
                    CREATE TABLE online_outcomes (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        strategy TEXT NOT NULL,
                        problem_index INTEGER NOT NULL,
                        answer_key TEXT,
                        correct INTEGER NOT NULL,
                        samples_used INTEGER NOT NULL,
                        prompt_tokens INTEGER NOT NULL,
                        generated_tokens INTEGER NOT NULL,
                        flops REAL NOT NULL,
                        kv_cache_bytes REAL NOT NULL,
                        forward_passes INTEGER NOT NULL,
                        peak_kv_pages INTEGER NOT NULL,
                        peak_kv_bytes REAL NOT NULL,
                        wall_seconds REAL NOT NULL,
                        recorded_at DATETIME NOT NULL,
                        PRIMARY KEY (run_id, strategy, problem_index)
                    ) WITHOUT ROWID;
                    CREATE TABLE online_samples (
                        run_id INTEGER NOT NULL,
                        strategy TEXT NOT NULL,
                        problem_index INTEGER NOT NULL,
                        sample_index INTEGER NOT NULL,
                        seed INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        prompt_tokens INTEGER NOT NULL,
                        generated_tokens INTEGER NOT NULL,
                        finish_reason TEXT NOT NULL,
                        mean_logprob REAL,
                        verdict TEXT NOT NULL,
                        score REAL NOT NULL,
                        extracted TEXT,
                        answer_key TEXT,
                        PRIMARY KEY (run_id, strategy, problem_index, sample_index),
                        FOREIGN KEY (run_id, strategy, problem_index)
                            REFERENCES online_outcomes(run_id, strategy, problem_index) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    """)
            case "v4-run-costs":
                try db.execute(sql: """
                    CREATE TABLE run_costs (
                        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
                        arithmetic TEXT NOT NULL,
                        context_tokens INTEGER NOT NULL,
                        flops_per_token REAL NOT NULL,
                        weight_bytes_per_token REAL NOT NULL,
                        kv_bytes_per_token REAL NOT NULL,
                        ace_per_token REAL NOT NULL,
                        energy_joules_per_token REAL NOT NULL,
                        cost_json TEXT NOT NULL
                    );
                    """)
            default:
                preconditionFailure("unregistered migration \(identifier)")
            }
        }
    }
}
