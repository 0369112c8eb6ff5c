import Foundation
import Testing
@testable import Analysis

@Suite struct PassAtKTests {
    @Test func matchesBruteForceEnumerationForEverySmallCase() throws {
        for n in 1...10 {
            for c in 0...n {
                for k in 1...n {
                    let expected = BruteForce.passAtK(n: n, c: c, k: k)
                    let value = try PassAtK.estimate(samples: n, correct: c, k: k)
                    #expect(abs(value - expected) <= 1e-14, "n=\(n) c=\(c) k=\(k): \(value) vs brute force \(expected)")
                }
            }
        }
    }

    @Test func passAtOneIsTheFractionCorrect() throws {
        for (n, c) in [(1, 1), (7, 3), (1000, 1), (1_000_000, 999_999), (1_000_000, 12_345)] {
            let value = try PassAtK.estimate(samples: n, correct: c, k: 1)
            #expect(abs(value - Double(c) / Double(n)) <= 1e-15 * Double(c) / Double(n) + 1e-300)
        }
    }

    /// Independent check for large n: 1 − exp(lnΓ(n−c+1) + lnΓ(n−k+1) − lnΓ(n−c−k+1) − lnΓ(n+1)).
    @Test func isStableForLargeNAgainstLogGamma() throws {
        let n = 100_000
        for c in [1, 2, 10, 500, 30_000, 99_000] {
            for k in [1, 5, 100, 1000, 50_000] where n - c >= k {
                let logFail = lgamma(Double(n - c + 1)) + lgamma(Double(n - k + 1))
                    - lgamma(Double(n - c - k + 1)) - lgamma(Double(n + 1))
                let reference = -expm1(logFail)
                let value = try PassAtK.estimate(samples: n, correct: c, k: k)
                // lgamma(1e5) ≈ 1.05e6, so the reference's own log error is ~2e-10 absolute: compare absolutely.
                // (Relative precision of tiny values is checked against exact rationals in OracleGoldenTests.)
                #expect(abs(value - reference) <= 1e-9, "c=\(c) k=\(k): \(value) vs \(reference)")
                #expect(value >= 0 && value <= 1)
            }
        }
    }

    @Test func isMonotoneInKAndCAtMillionSamples() throws {
        let n = 1_000_000
        var previous = 0.0
        for k in [1, 10, 100, 1000, 10_000, 100_000, 999_999] {
            let value = try PassAtK.estimate(samples: n, correct: 3, k: k)
            #expect(value >= previous)
            previous = value
        }
        #expect(try PassAtK.estimate(samples: n, correct: n - 5, k: 6) == 1)
    }

    @Test func meanAveragesProblemsEqually() throws {
        let problems = [try ProblemOutcome(samples: 10, correct: 3), try ProblemOutcome(samples: 5, correct: 0),
                        try ProblemOutcome(samples: 4, correct: 4)]
        let expected = (BruteForce.passAtK(n: 10, c: 3, k: 2) + 0 + 1) / 3
        #expect(abs(try PassAtK.mean(problems, k: 2) - expected) <= 1e-15)
    }

    @Test func rejectsInvalidCountsWithActionableMessages() throws {
        #expect(throws: AnalysisError.kExceedsSamples(k: 5, samples: 4, problemIndex: nil)) {
            try PassAtK.estimate(samples: 4, correct: 1, k: 5)
        }
        #expect(throws: AnalysisError.correctExceedsSamples(correct: 5, samples: 4, problemIndex: nil)) {
            try PassAtK.estimate(samples: 4, correct: 5, k: 1)
        }
        #expect(throws: AnalysisError.invalidCount(name: "c (correct)", value: -1, requirement: "≥ 0")) {
            try PassAtK.estimate(samples: 4, correct: -1, k: 1)
        }
        #expect(throws: AnalysisError.invalidCount(name: "k", value: 0, requirement: "≥ 1")) {
            try PassAtK.estimate(samples: 4, correct: 1, k: 0)
        }
        #expect(throws: AnalysisError.invalidCount(name: "n (samples)", value: -3, requirement: "≥ 1")) {
            try PassAtK.estimate(samples: -3, correct: 0, k: 1)
        }
        #expect(throws: AnalysisError.emptyInput(what: "problem")) { try PassAtK.mean([], k: 1) }
        let problems = [try ProblemOutcome(samples: 10, correct: 3), try ProblemOutcome(samples: 3, correct: 1)]
        do {
            _ = try PassAtK.mean(problems, k: 4)
            Issue.record("expected an error")
        } catch {
            #expect(error == .kExceedsSamples(k: 4, samples: 3, problemIndex: 1))
            #expect(error.description.contains("at problem index 1"))
            #expect(error.description.contains("draw at least 4 samples"))
        }
    }
}
