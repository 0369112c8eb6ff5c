import Foundation
import Testing
@testable import Analysis

/// Golden values printed by Scripts/oracle/analysis_reference.py (Python big-integer/Fraction arithmetic,
/// itertools enumeration, numpy.polyfit, scipy.optimize.curve_fit, numpy.percentile). Re-run the script to
/// re-record; none of these numbers come from the Swift code under test.
@Suite struct OracleGoldenTests {
    @Test func passAtKExactRationals() throws {
        let cases: [(Int, Int, Int, Double)] = [
            (10, 3, 2, 0.5333333333333333),
            (100_000, 37, 1000, 0.3105973050366177),
            (100_000, 1, 1, 1e-05),
            (1_000_000, 5, 100, 0.0004999010096025585),
            (100_000, 50_000, 10, 0.9990238768959967),
            (1_000_000, 999_990, 7, 1.0),
            (100_000, 3, 99_990, 0.99999999999928),
        ]
        for (n, c, k, expected) in cases {
            let value = try PassAtK.estimate(samples: n, correct: c, k: k)
            #expect(abs(value - expected) <= 1e-12 * expected, "n=\(n) c=\(c) k=\(k): \(value) vs \(expected)")
        }
    }

    @Test func majorityAtKByVoteVectors() throws {
        let cases: [(Int, [Int], Int, Int, TieRule, Double)] = [
            (10, [8, 8, 5, 3], 2, 15, .splitEvenly, 0.4860443279740154),
            (10, [8, 8, 5, 3], 2, 15, .countAsWrong, 0.3923515019271458),
            (3, [4, 2, 2], 1, 6, .splitEvenly, 0.27813852813852813),
            (3, [4, 2, 2], 1, 6, .countAsWrong, 0.13852813852813853),
            (20, [25, 5], 0, 9, .splitEvenly, 0.36247493497832334),
            (20, [25, 5], 0, 9, .countAsWrong, 0.29770932673253336),
        ]
        for (correct, others, abstentions, k, ties, expected) in cases {
            let tally = try VoteTally(correct: correct, others: others, abstentions: abstentions)
            let value = try MajorityAtK.estimate(tally, k: k, ties: ties)
            #expect(abs(value - expected) <= 1e-12, "\(correct) \(others) \(abstentions) k=\(k) \(ties): \(value)")
        }
    }

    @Test func majorityAtKByEnumeration() throws {
        let answers: [String?] = ["7", "3", "7", nil, "5", "3", "7", "3", "9", "5", nil]
        let tally = try VoteTally(answers: answers, correct: "7")
        let cases: [(Int, TieRule, Double)] = [
            (3, .splitEvenly, 0.34545454545454546), (3, .countAsWrong, 0.1696969696969697),
            (4, .splitEvenly, 0.36818181818181817), (4, .countAsWrong, 0.24242424242424243),
            (6, .splitEvenly, 0.41233766233766234), (6, .countAsWrong, 0.2683982683982684),
        ]
        for (k, ties, expected) in cases {
            #expect(abs(try MajorityAtK.estimate(tally, k: k, ties: ties) - expected) <= 1e-13, "k=\(k) \(ties)")
        }
    }

    @Test func coverageCurve() throws {
        let problems = try [(20, 0), (20, 1), (20, 2), (20, 5), (20, 20), (25, 3)].map { try ProblemOutcome(samples: $0.0, correct: $0.1) }
        let curve = try CoverageCurve(problems)
        let expected: [(Int, Double)] = [
            (1, 0.25333333333333335), (2, 0.3286842105263158), (5, 0.5013373827791986),
            (10, 0.6748463229685467), (20, 0.8326086956521739),
        ]
        for (k, value) in expected { #expect(abs(try curve.coverage(at: k) - value) <= 1e-14, "k=\(k)") }
    }

    @Test func powerLawFitsMatchNumpyAndScipy() throws {
        let problems = try (0..<60).map { i in try ProblemOutcome(samples: 200, correct: Int(200 * pow(0.9, Double(i)))) }
        let curve = try CoverageCurve(problems)
        #expect(abs(try curve.coverage(at: 10) - 0.4576642918906472) <= 1e-14)
        #expect(abs(try curve.coverage(at: 200) - 0.85) <= 1e-14)
        let linear = try PowerLawFit.fit(curve.points, method: .logLinear)
        #expect(abs(linear.a - -2.553641380104647) <= 1e-9, "a=\(linear.a)")
        #expect(abs(linear.b - -0.49957432427930454) <= 1e-9, "b=\(linear.b)")
        let refined = try PowerLawFit.fit(curve.points, method: .refinedOnCoverage)
        #expect(abs(refined.a - -2.3655352535350938) <= 1e-6, "a=\(refined.a)")
        #expect(abs(refined.b - -0.47783766500301184) <= 1e-6, "b=\(refined.b)")
        #expect(refined.rSquared >= linear.rSquared)
    }

    @Test func bootstrapIntervalMatchesPythonResampling() throws {
        let data = (0..<40).map { Double(($0 * 37) % 101) / 101 }
        let interval = try Bootstrap(resamples: 500, level: 0.9, seed: 2024).meanInterval(data)
        #expect(abs(interval.estimate - 0.4935643564356436) <= 1e-14)
        #expect(abs(interval.lower - 0.4165841584158415) <= 1e-12, "lower \(interval.lower)")
        #expect(abs(interval.upper - 0.5714356435643562) <= 1e-12, "upper \(interval.upper)")
    }
}
