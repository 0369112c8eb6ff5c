/// A test-time strategy for one problem: a pure function of the problem's sample pool.
///
/// `samples` are one problem's stored samples in sample order (index 0 first). A strategy reads a prefix or a
/// subset of them as if it had generated them in that order, and charges only what it would have generated.
/// Recipe for a new strategy: a small `Sendable` struct with validated parameters, an entry in
/// ``StrategyRegistry``, and a test on a hand-built pool with exact answer, `samplesUsed` and token costs.
public protocol Strategy: Sendable {
    /// The strategy with its parameters, e.g. `majority:k=8` (used as a report label).
    var label: String { get }
    /// Decides one problem. An empty pool gives no answer at no cost.
    func apply(to samples: [SampleRecord], costs: CostContext) -> StrategyOutcome
}

/// A strategy that decides every problem of a run together, e.g. moving a shared budget between problems.
public protocol MultiProblemStrategy: Sendable {
    /// The strategy with its parameters (used as a report label).
    var label: String { get }
    /// Decides every problem; `pools[i]` is problem i's samples in sample order. Returns one outcome per pool.
    func apply(to pools: [[SampleRecord]], costs: CostContext) -> [StrategyOutcome]
}

/// A registry entry resolved to something runnable: per problem or across problems.
public enum ResolvedStrategy: Sendable {
    case perProblem(any Strategy)
    case acrossProblems(any MultiProblemStrategy)

    /// The strategy's label.
    public var label: String {
        switch self {
        case let .perProblem(strategy): strategy.label
        case let .acrossProblems(strategy): strategy.label
        }
    }

    /// One outcome per pool.
    public func apply(to pools: [[SampleRecord]], costs: CostContext) -> [StrategyOutcome] {
        switch self {
        case let .perProblem(strategy): pools.map { strategy.apply(to: $0, costs: costs) }
        case let .acrossProblems(strategy): strategy.apply(to: pools, costs: costs)
        }
    }
}
