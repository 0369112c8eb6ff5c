import Testing
@testable import Reasoning

/// The margin rule P(Bin(a+b+1, ½) ≤ a) and where early stopping stops (values by hand; see
/// Scripts/reasoning/reference.py for the same fractions computed exactly).
@Suite struct EarlyStopTests {
    static let tails: [(leader: Int, runnerUp: Int, expected: Double)] = [
        (0, 0, 1.0 / 2), (1, 0, 3.0 / 4), (2, 1, 11.0 / 16), (2, 2, 1.0 / 2), (3, 0, 15.0 / 16), (3, 1, 13.0 / 16),
        (4, 0, 31.0 / 32), (4, 1, 57.0 / 64), (5, 1, 15.0 / 16), (6, 1, 247.0 / 256), (3, 2, 21.0 / 32),
    ]

    @Test(arguments: EarlyStopTests.tails)
    func marginConfidenceIsTheBinomialTail(leader: Int, runnerUp: Int, expected: Double) {
        #expect(abs(MarginRule.confidence(leader: leader, runnerUp: runnerUp) - expected) < 1e-12)
    }

    @Test func marginConfidenceStaysFiniteForLargeCounts() {
        let value = MarginRule.confidence(leader: 900, runnerUp: 850)
        #expect(value > 0.5 && value < 1)
        #expect(MarginRule.confidence(leader: 2000, runnerUp: 0) == 1)
    }

    @Test func unanimousVotesStopAfterFour() {
        // 3–0: 15/16 = 0.9375 < 0.95; 4–0: 31/32 = 0.969 ≥ 0.95.
        let pool = TestPools.keys(Array(repeating: "A", count: 10))
        let rule = EarlyStop(confidence: 0.95)
        #expect(rule.stoppingPoint(in: pool) == 4)
        let outcome = rule.apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.correct && outcome.samplesUsed == 4 && outcome.generatedTokens == 40)
        #expect(EarlyStop(confidence: 0.9).stoppingPoint(in: pool) == 3)
        #expect(EarlyStop(confidence: 0.95, minimum: 6).stoppingPoint(in: pool) == 6)
    }

    @Test func oneDissentDelaysTheStopToSeven() {
        // A B A A A A A …: 5–1 → 15/16 < 0.95 at t = 6; 6–1 → 247/256 ≥ 0.95 at t = 7.
        let pool = TestPools.keys(["A", "B"] + Array(repeating: "A", count: 8))
        #expect(EarlyStop(confidence: 0.95).stoppingPoint(in: pool) == 7)
        #expect(EarlyStop(confidence: 0.95).apply(to: pool, costs: .tokensOnly).samplesUsed == 7)
    }

    @Test func stopsWhenTheLeaderCannotBeCaughtWithinTheBudget() {
        // k = 5: after A A A the lead 3 exceeds the 2 samples left, although 15/16 < 0.95.
        let pool = TestPools.keys(["A", "A", "A", "B", "B", "C"])
        #expect(EarlyStop(confidence: 0.95, k: 5).stoppingPoint(in: pool) == 3)
        // k = 6: lead 3 vs 3 left, then 2 vs 2, then 1 vs 1: never decisive → all 6, answer A (3 of 6).
        let outcome = EarlyStop(confidence: 0.95, k: 6).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.samplesUsed == 6 && outcome.answerKey == "A")
    }

    @Test func abstentionsNeverTriggerAStop() {
        let pool = TestPools.keys([nil, nil, nil, nil, nil, "B"])
        #expect(EarlyStop(confidence: 0.95).stoppingPoint(in: pool) == 6)
    }
}
