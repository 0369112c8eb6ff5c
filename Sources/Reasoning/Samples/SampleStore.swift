import Tasks

/// Where a run's problems and samples live. Implemented by `Store.RunStore` (SQLite) and by
/// ``InMemorySampleStore`` (tests, `--db :memory:`).
public protocol SampleStore: Sendable {
    /// Finds or creates the run for `configuration` (same identity hash → same run); returns its id.
    func openRun(_ configuration: EvalConfiguration, reckonVersion: String) throws -> Int64
    /// Records problem `index` of the run (idempotent).
    func saveProblem(run: Int64, index: Int, instance: TaskInstance) throws
    /// Saves samples in one transaction; idempotent on (run, problem, sample).
    func save(_ samples: [SampleRecord], run: Int64) throws
    /// Every stored sample of the run, ordered by problem, then sample.
    func samples(run: Int64) throws -> [SampleRecord]
    /// Marks the run finished.
    func markFinished(run: Int64) throws
}
