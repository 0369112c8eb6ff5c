import Testing
@testable import Analysis

@Suite struct CoverageCurveTests {
    @Test func equalsMeanPassAtKAtEveryK() throws {
        var rng = AnalysisRNG(seed: 11)
        let problems = try (0..<30).map { _ in
            let n = 40 + rng.index(below: 30)
            return try ProblemOutcome(samples: n, correct: rng.index(below: n + 1) / (1 + rng.index(below: 8)))
        }
        let curve = try CoverageCurve(problems)
        #expect(curve.maxK == problems.map(\.samples).min())
        var previous = 0.0
        for k in 1...curve.maxK {
            let expected = try PassAtK.mean(problems, k: k)
            let value = try curve.coverage(at: k)
            #expect(abs(value - expected) <= 1e-13, "k=\(k)")
            #expect(value >= previous - 1e-15)
            previous = value
        }
    }

    @Test func logSpacedPointsAreDistinctAndSpanTheCurve() throws {
        let curve = try CoverageCurve([try ProblemOutcome(samples: 1000, correct: 3)])
        let points = try curve.logSpacedPoints(count: 40)
        #expect(points.first?.k == 1 && points.last?.k == 1000)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.k < $1.k })
        #expect(points.count > 30 && points.count <= 40)
    }

    @Test func errors() throws {
        #expect(throws: AnalysisError.emptyInput(what: "problem")) { try CoverageCurve([]) }
        let problems = [try ProblemOutcome(samples: 10, correct: 1), try ProblemOutcome(samples: 5, correct: 1)]
        #expect(throws: AnalysisError.kExceedsSamples(k: 8, samples: 5, problemIndex: 1)) {
            try CoverageCurve(problems, maxK: 8)
        }
        #expect(throws: AnalysisError.invalidCount(name: "k", value: 6, requirement: "in 1...5")) {
            try CoverageCurve(problems).coverage(at: 6)
        }
    }
}
