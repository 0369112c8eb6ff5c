import Testing
@testable import Analysis

@Suite struct MajorityAtKTests {
    private static func tally(_ labels: [Int?], correct: Int) throws -> VoteTally {
        try VoteTally(answers: labels, correct: correct)
    }

    @Test func matchesBruteForceOnRandomSmallCases() throws {
        for seed in UInt64(1)...300 {
            var rng = AnalysisRNG(seed: seed)
            let n = 1 + rng.index(below: 12)
            let labelCount = 1 + rng.index(below: 4)
            let labels: [Int?] = (0..<n).map { _ in rng.index(below: 10) == 0 ? nil : rng.index(below: labelCount) }
            let tally = try Self.tally(labels, correct: 0)
            for k in 1...n {
                for ties in TieRule.allCases {
                    let expected = BruteForce.majorityAtK(labels: labels, correct: 0, k: k, ties: ties)
                    let value = try MajorityAtK.estimate(tally, k: k, ties: ties)
                    #expect(abs(value - expected) <= 1e-12,
                            "seed \(seed): labels \(labels) k=\(k) ties=\(ties): \(value) vs brute force \(expected)")
                }
            }
        }
    }

    @Test func handComputedExample() throws {
        // answers a,b,a,c, correct a. k=3: {aba}=1, {abc}=1/3, {aac}=1, {bac}=1/3 → 2/3; with ties wrong → 1/2.
        let tally = try VoteTally(answers: ["a", "b", "a", "c"], correct: "a")
        #expect(tally == (try VoteTally(correct: 2, others: [1, 1])))
        #expect(abs(try MajorityAtK.estimate(tally, k: 3, ties: .splitEvenly) - 2.0 / 3) <= 1e-15)
        #expect(abs(try MajorityAtK.estimate(tally, k: 3, ties: .countAsWrong) - 0.5) <= 1e-15)
        // k = n: a single subset, a wins 2–1–1.
        #expect(abs(try MajorityAtK.estimate(tally, k: 4) - 1) <= 1e-15)
    }

    @Test func edgeCases() throws {
        let none = try VoteTally(correct: 0, others: [3, 2], abstentions: 1)
        #expect(try MajorityAtK.estimate(none, k: 4) == 0)
        let unanimous = try VoteTally(correct: 5, others: [])
        #expect(abs(try MajorityAtK.estimate(unanimous, k: 3) - 1) <= 1e-15)
        // maj@1 is the fraction correct: abstentions lose.
        let mixed = try VoteTally(correct: 3, others: [2, 1], abstentions: 4)
        #expect(abs(try MajorityAtK.estimate(mixed, k: 1) - 0.3) <= 1e-15)
    }

    @Test func scalesToLargeTalliesWithoutOverflow() throws {
        // n = 1000; equal clusters make the correct one win with probability 1/4 by symmetry under split ties.
        let symmetric = try VoteTally(correct: 250, others: [250, 250, 250])
        for k in [1, 2, 7, 64, 500, 1000] {
            let value = try MajorityAtK.estimate(symmetric, k: k, ties: .splitEvenly)
            #expect(abs(value - 0.25) <= 1e-10, "k=\(k): \(value)")
        }
        let leading = try VoteTally(correct: 400, others: [300, 200, 100])
        var previous = 0.0
        for k in [1, 3, 9, 33, 129, 513] {
            let value = try MajorityAtK.estimate(leading, k: k)
            #expect(value > previous, "maj@k should rise with k for a plurality answer (k=\(k))")
            previous = value
        }
        #expect(previous > 0.99)
    }

    @Test func meanAndErrors() throws {
        let tallies = [try VoteTally(correct: 2, others: [1, 1]), try VoteTally(correct: 0, others: [4])]
        #expect(abs(try MajorityAtK.mean(tallies, k: 3) - (2.0 / 3) / 2) <= 1e-15)
        #expect(throws: AnalysisError.kExceedsSamples(k: 5, samples: 4, problemIndex: 0)) {
            try MajorityAtK.mean(tallies, k: 5)
        }
        #expect(throws: AnalysisError.emptyInput(what: "sample answer")) {
            try VoteTally(answers: [String?](), correct: "a")
        }
        #expect(throws: AnalysisError.invalidCount(name: "wrong-answer cluster size", value: -2, requirement: "≥ 0")) {
            try VoteTally(correct: 1, others: [-2])
        }
        #expect(throws: AnalysisError.invalidCount(name: "k", value: 0, requirement: "≥ 1")) {
            try MajorityAtK.estimate(tallies[0], k: 0)
        }
    }
}
