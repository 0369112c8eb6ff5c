/// One measured operating point: a test-time strategy at one setting, its cost and its accuracy.
public struct ComputePoint: Sendable, Hashable, Codable {
    /// Strategy name, e.g. "majority", "best-of-n", "beam".
    public let strategy: String
    /// Free-form setting label, e.g. "k=8" (not used for ordering).
    public let setting: String
    /// Cost in any consistent unit (generated tokens, FLOPs, seconds), ≥ 0.
    public let cost: Double
    /// Accuracy, a finite number (usually a fraction in [0, 1]).
    public let accuracy: Double

    public init(strategy: String, setting: String = "", cost: Double, accuracy: Double) {
        self.strategy = strategy
        self.setting = setting
        self.cost = cost
        self.accuracy = accuracy
    }
}

/// Accuracy-versus-compute Pareto frontiers: the points no other point beats on both axes
/// (cost no higher and accuracy no lower, better in at least one).
///
/// A frontier is sorted by increasing cost with strictly increasing accuracy. Among points with equal cost
/// and accuracy the first in input order is kept.
public struct ComputeFrontier: Sendable, Hashable, Codable {
    /// Frontier points, cost ascending, accuracy strictly ascending.
    public let points: [ComputePoint]

    /// The Pareto frontier of `candidates` (minimise cost, maximise accuracy). O(n log n).
    /// - Throws: `.invalidValue` for a negative or non-finite cost or a non-finite accuracy.
    public init(_ candidates: [ComputePoint]) throws(AnalysisError) {
        for point in candidates {
            guard point.cost.isFinite, point.cost >= 0 else {
                throw .invalidValue(name: "cost of \(point.strategy) \(point.setting)", value: point.cost, requirement: "finite and ≥ 0")
            }
            guard point.accuracy.isFinite else {
                throw .invalidValue(name: "accuracy of \(point.strategy) \(point.setting)", value: point.accuracy, requirement: "finite")
            }
        }
        let order = candidates.indices.sorted { lhs, rhs in
            let l = candidates[lhs], r = candidates[rhs]
            if l.cost != r.cost { return l.cost < r.cost }
            if l.accuracy != r.accuracy { return l.accuracy > r.accuracy }
            return lhs < rhs
        }
        var frontier: [ComputePoint] = []
        for index in order {
            let point = candidates[index]
            if let best = frontier.last, point.accuracy <= best.accuracy { continue }
            frontier.append(point)
        }
        self.points = frontier
    }

    /// One frontier per strategy name, keyed by name.
    public static func perStrategy(_ candidates: [ComputePoint]) throws(AnalysisError) -> [String: ComputeFrontier] {
        var groups: [String: [ComputePoint]] = [:]
        for point in candidates { groups[point.strategy, default: []].append(point) }
        var result: [String: ComputeFrontier] = [:]
        for (name, group) in groups { result[name] = try ComputeFrontier(group) }
        return result
    }

    /// The best accuracy reachable with cost ≤ `budget`, or nil if every point costs more.
    public func bestAccuracy(withinBudget budget: Double) -> ComputePoint? {
        points.last { $0.cost <= budget }
    }

    /// The cheapest point with accuracy ≥ `target`, or nil if none reaches it.
    public func cheapestPoint(reaching target: Double) -> ComputePoint? {
        points.first { $0.accuracy >= target }
    }
}
