import Foundation
import Testing
@testable import Analysis

/// `PowerLawFit.coverageLaw(of:)`, the one coverage fit the CLI and the report share.
@Suite struct CoverageFitTests {
    @Test func twoPointsFixTheCurveExactly() throws {
        // Problems [1 of 2 correct, 0 of 2]: c(1) = 1/4, c(2) = 1/2, so a = ln ¼ and 2^b = ln ½ / ln ¼ = ½, b = −1.
        let curve = try CoverageCurve([try ProblemOutcome(samples: 2, correct: 1), try ProblemOutcome(samples: 2, correct: 0)])
        let fit = try PowerLawFit.coverageLaw(of: curve)
        #expect(abs(fit.a - log(0.25)) < 1e-9 && abs(fit.b + 1) < 1e-9)
        #expect(fit.method == .refinedOnCoverage)
    }

    @Test func oneSampleOrFlatCoverageHasNoFit() throws {
        let single = try CoverageCurve([try ProblemOutcome(samples: 1, correct: 1), try ProblemOutcome(samples: 1, correct: 0)])
        #expect(throws: AnalysisError.tooFewFitPoints(usable: 1, total: 1)) { try PowerLawFit.coverageLaw(of: single) }
        let solved = try CoverageCurve([try ProblemOutcome(samples: 4, correct: 4)])
        #expect(throws: AnalysisError.self) { try PowerLawFit.coverageLaw(of: solved) }
    }

    @Test func usesAtMostFortyLogSpacedPoints() throws {
        // 1,000 samples per problem: the fit sees ≤ 40 distinct k, all of them usable here (0 < c < 1).
        let problems = try (1...20).map { try ProblemOutcome(samples: 1000, correct: $0) }
        let fit = try PowerLawFit.coverageLaw(of: try CoverageCurve(problems))
        #expect(fit.usablePoints <= 40 && fit.usablePoints >= 30)
    }
}
