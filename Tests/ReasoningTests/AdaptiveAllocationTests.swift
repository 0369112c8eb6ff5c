import Testing
@testable import Reasoning

/// Adaptive allocation on a constructed run of four problems, 12 samples each, first round 4, mean 6 per
/// problem (budget 24, so 8 extra samples). Priorities by hand (reference.py agrees):
/// - P0 easy, 4–0: 31/32 ≥ 0.95 → settled, 0;
/// - P1 split 2–2: u = 1 − 1/2, s = 1/3 → 1/6;
/// - P2 2–1–1: u = 1 − 11/16, s = 1/3 → 5/48;
/// - P3 hopeless, all different: s = 0 → 0.
/// D'Hondt over 8/48 and 5/48: values 8, 5, 4, 2.67, 2.5, 2, 1.67, 1.6 (×1/48) → P1 +5, P2 +3.
@Suite struct AdaptiveAllocationTests {
    let pools: [[SampleRecord]] = [
        TestPools.keys(Array(repeating: "A", count: 12), problem: 0),
        TestPools.keys(["B", "A", "B", "A", "C", "B", "A", "A", "A", "A", "A", "A"], problem: 1),
        TestPools.keys(["A", "B", "A", "C", "B", "A", "A", "B", "B", "B", "B", "B"], problem: 2),
        TestPools.keys(["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M"], problem: 3),
    ]
    let strategy = AdaptiveAllocation(first: 4, samples: 6, confidence: 0.95)

    @Test func firstRoundEstimatesMatchTheHandValues() {
        let estimates = pools.map { strategy.estimate($0) }
        #expect(estimates.map(\.settled) == [true, false, false, false])
        #expect(estimates.map(\.leader) == [4, 2, 2, 1])
        #expect(estimates.map(\.runnerUp) == [0, 2, 1, 1])
        let expected = [0, 1.0 / 6, 5.0 / 48, 0]
        for (estimate, value) in zip(estimates, expected) { #expect(abs(estimate.priority - value) < 1e-12) }
    }

    @Test func extraSamplesGoToTheHardButSolvableProblems() {
        #expect(strategy.allocation(for: pools) == [4, 9, 7, 4])
    }

    @Test func adaptiveBeatsUniformMajorityAtTheSameBudget() {
        let adaptive = strategy.apply(to: pools, costs: .tokensOnly)
        #expect(adaptive.map(\.correct) == [true, true, true, false])
        #expect(adaptive.map(\.samplesUsed) == [4, 9, 7, 4])
        #expect(adaptive.reduce(0) { $0 + $1.generatedTokens } == 240)
        let uniform = pools.map { MajorityVote(k: 6).apply(to: $0, costs: .tokensOnly) }
        #expect(uniform.map(\.correct) == [true, false, true, false])
        #expect(uniform.reduce(0) { $0 + $1.samplesUsed } == 24)
    }

    /// Re-estimating between rounds (allocations from Scripts/reasoning/reference.py, exact fractions; with one
    /// sample per round P1 is re-estimated after each of its extras: 2–2 → 3–2 → 3–3 → 4–3 → 5–3 → 6–3, whose
    /// priority 5/9 · 176/1024 ≈ 0.096 finally falls below P2's 5/48 ≈ 0.104).
    @Test(arguments: [(1, [4, 9, 7, 4]), (2, [4, 9, 7, 4]), (4, [4, 8, 8, 4]), (8, [4, 10, 6, 4])])
    func roundsReestimateFromTheSamplesDrawnSoFar(rounds: Int, expected: [Int]) {
        let strategy = AdaptiveAllocation(first: 4, samples: 6, confidence: 0.95, rounds: rounds)
        #expect(strategy.allocation(for: pools) == expected)
    }

    /// Uncertainty alone (w = 0) also feeds the hopeless P3 (1–1 split, u = 1/2, tied with P1; ties go to the lower
    /// index): reference.py gives [4, 7, 6, 7] in one round and [4, 6, 4, 10] in eight.
    @Test func solvabilityExponentZeroRanksByUncertaintyAlone() {
        #expect(AdaptiveAllocation(first: 4, samples: 6, rounds: 1, solvabilityExponent: 0).allocation(for: pools) == [4, 7, 6, 7])
        #expect(AdaptiveAllocation(first: 4, samples: 6, rounds: 8, solvabilityExponent: 0).allocation(for: pools) == [4, 6, 4, 10])
    }

    @Test func unusableBudgetIsNotSpent() {
        // Only easy and hopeless problems: nobody gets extra samples.
        let outcomes = strategy.apply(to: [pools[0], pools[3]], costs: .tokensOnly)
        #expect(outcomes.map(\.samplesUsed) == [4, 4])
    }

    @Test func extrasNeverExceedAPool() {
        let generous = AdaptiveAllocation(first: 4, samples: 12, confidence: 0.95)
        #expect(generous.allocation(for: pools) == [4, 12, 12, 4])
    }
}
