/// What one strategy, run online, did on one problem: its outcome with the measured compute, and every sample it
/// really generated (complete ones as generated; stopped ones with finish reason `"stopped"` and the tokens they
/// held when stopped).
public struct OnlineProblemRecord: Sendable, Codable, Equatable {
    /// The strategy's label, e.g. `short-m-at-k:k=8,m=3`.
    public var strategy: String
    /// Problem index within the run.
    public var problem: Int
    /// The decision and its costs; `outcome.measured` is set.
    public var outcome: StrategyOutcome
    /// The samples generated, in sample order.
    public var samples: [SampleRecord]

    public init(strategy: String, problem: Int, outcome: StrategyOutcome, samples: [SampleRecord]) {
        self.strategy = strategy
        self.problem = problem
        self.outcome = outcome
        self.samples = samples
    }
}

/// Where online runs record what they really generated, next to the run's replay pool. Implemented by
/// `Store.RunStore` and ``InMemorySampleStore``.
public protocol OnlineRecordStore: Sendable {
    /// Saves one problem's online record in one transaction, replacing an earlier record of the same strategy and
    /// problem in `run` (an online run measures again; it never resumes).
    func saveOnline(_ record: OnlineProblemRecord, run: Int64) throws
    /// Every online record of `run`, ordered by strategy label, then problem.
    func onlineRecords(run: Int64) throws -> [OnlineProblemRecord]
}
