import Testing
@testable import Analysis

@Suite struct ComputeFrontierTests {
    static let table: [ComputePoint] = [
        ComputePoint(strategy: "majority", setting: "k=1", cost: 100, accuracy: 0.30),
        ComputePoint(strategy: "majority", setting: "k=4", cost: 400, accuracy: 0.42),
        ComputePoint(strategy: "majority", setting: "k=16", cost: 1600, accuracy: 0.47),
        ComputePoint(strategy: "majority", setting: "k=64", cost: 6400, accuracy: 0.46),  // dominated by k=16
        ComputePoint(strategy: "best-of-n", setting: "n=4", cost: 500, accuracy: 0.40),   // dominated by majority k=4
        ComputePoint(strategy: "best-of-n", setting: "n=16", cost: 2000, accuracy: 0.52),
        ComputePoint(strategy: "beam", setting: "w=4", cost: 400, accuracy: 0.42),        // ties majority k=4; later in input
        ComputePoint(strategy: "beam", setting: "w=8", cost: 300, accuracy: 0.35),
    ]

    @Test func overallFrontierOnHandMadeTable() throws {
        let frontier = try ComputeFrontier(Self.table)
        #expect(frontier.points.map { "\($0.strategy) \($0.setting)" }
                == ["majority k=1", "beam w=8", "majority k=4", "majority k=16", "best-of-n n=16"])
        #expect(frontier.bestAccuracy(withinBudget: 999)?.setting == "k=4")
        #expect(frontier.bestAccuracy(withinBudget: 50) == nil)
        #expect(frontier.cheapestPoint(reaching: 0.45)?.setting == "k=16")
        #expect(frontier.cheapestPoint(reaching: 0.9) == nil)
    }

    @Test func perStrategyFrontiers() throws {
        let frontiers = try ComputeFrontier.perStrategy(Self.table)
        #expect(frontiers.keys.sorted() == ["beam", "best-of-n", "majority"])
        #expect(frontiers["majority"]?.points.map(\.setting) == ["k=1", "k=4", "k=16"])
        #expect(frontiers["best-of-n"]?.points.map(\.setting) == ["n=4", "n=16"])
        #expect(frontiers["beam"]?.points.map(\.setting) == ["w=8", "w=4"])
    }

    @Test func frontierIsExactlyTheNonDominatedSetOnRandomTables() throws {
        for seed in UInt64(1)...50 {
            var rng = AnalysisRNG(seed: seed)
            let points = (0..<(1 + rng.index(below: 30))).map { i in
                ComputePoint(strategy: "s", setting: "\(i)", cost: Double(rng.index(below: 10)), accuracy: Double(rng.index(below: 10)) / 10)
            }
            let frontier = try ComputeFrontier(points).points
            let dominated = { (p: ComputePoint) in
                points.contains { q in q.cost <= p.cost && q.accuracy >= p.accuracy && (q.cost < p.cost || q.accuracy > p.accuracy) }
            }
            let nonDominated = points.filter { !dominated($0) }
            // One representative per distinct (cost, accuracy) among the non-dominated points.
            let distinct = Set(nonDominated.map { [$0.cost, $0.accuracy] })
            #expect(frontier.count == distinct.count, "seed \(seed)")
            #expect(frontier.allSatisfy { !dominated($0) }, "seed \(seed)")
        }
    }

    @Test func rejectsBadCosts() throws {
        #expect(throws: AnalysisError.invalidValue(name: "cost of x k=1", value: -1, requirement: "finite and ≥ 0")) {
            try ComputeFrontier([ComputePoint(strategy: "x", setting: "k=1", cost: -1, accuracy: 0.5)])
        }
    }
}
