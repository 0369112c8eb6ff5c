import Testing
@testable import Reasoning

/// short-m@k: the m shortest finish first, they vote, ties go to the shorter group; charged Σℓ₍ᵢ₎ + (k−m)ℓ₍ₘ₎.
@Suite struct ShortMAtKTests {
    // Sample:   0       1       2       3       4       5
    // Answer:   A       B       B       A       C       A
    // Tokens:   50      20      30      10      40      60
    let pool = TestPools.pool([
        TestPools.s("A", tokens: 50), TestPools.s("B", tokens: 20), TestPools.s("B", tokens: 30),
        TestPools.s("A", tokens: 10), TestPools.s("C", tokens: 40), TestPools.s("A", tokens: 60),
    ])

    @Test func finishersAreTheMShortestInFinishingOrder() {
        #expect(ShortMAtK(k: 6, m: 3).finishers(of: pool).map(\.sample) == [3, 1, 2])
        #expect(ShortMAtK(k: 4, m: 2).finishers(of: pool).map(\.sample) == [3, 1])
    }

    @Test func threeFinishersVoteForTheRepeatedAnswer() {
        // Finishers A(10), B(20), B(30): B wins 2–1. Tokens 10+20+30 + 3·30 = 150.
        let outcome = ShortMAtK(k: 6, m: 3).apply(to: pool, costs: .tokensOnly)
        #expect(outcome == StrategyOutcome(answerKey: "B", correct: false, samplesUsed: 6, promptTokens: 10,
                                           generatedTokens: 150, flops: 0, kvCacheBytes: 0))
    }

    @Test func aTieGoesToTheShorterGroupEvenIfItAppearedLater() {
        // Finishers A(10, sample 3), B(20, sample 1): 1–1; A is shorter although B comes first in sample order.
        let outcome = ShortMAtK(k: 6, m: 2).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.correct)
        #expect(outcome.generatedTokens == 10 + 20 + 4 * 20 && outcome.samplesUsed == 6)
        // Majority vote over the same pair would pick the first in sample order.
        #expect(MajorityVote().apply(to: [pool[1], pool[3]], costs: .tokensOnly).answerKey == "B")
    }

    @Test func shortOneIsTheFirstFinisher() {
        let outcome = ShortMAtK(k: 6, m: 1).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.generatedTokens == 10 + 5 * 10)
    }

    @Test func onlyTheFirstKSamplesStart() {
        // Started 0…3 (50, 20, 30, 10): finishers A(10), B(20) → A; 10 + 20 + 2·20 = 70.
        let outcome = ShortMAtK(k: 4, m: 2).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.samplesUsed == 4 && outcome.generatedTokens == 70)
    }

    @Test func equalLengthsFinishInSampleOrder() {
        let tied = TestPools.pool([TestPools.s("B", tokens: 5), TestPools.s("A", tokens: 5), TestPools.s("A", tokens: 9)])
        let outcome = ShortMAtK(m: 1).apply(to: tied, costs: .tokensOnly)
        #expect(outcome.answerKey == "B" && outcome.generatedTokens == 15)
    }
}
