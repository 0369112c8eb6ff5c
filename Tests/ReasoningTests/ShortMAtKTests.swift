import Testing
@testable import Reasoning

/// short-m@k: the m shortest finish first, they vote, ties go to the shorter group; stopped samples are charged
/// what they hold in lockstep when the finishers are known (ℓ₍ₘ₎, or ℓ₍ₘ₎ + 1 when the m-th finisher ended by end
/// of sequence, decided one step after its last token, or a tie was still open).
@Suite struct ShortMAtKTests {
    // Sample:   0       1       2       3       4       5
    // Answer:   A       B       B       A       C       A
    // Tokens:   50      20      30      10      40      60      (all end by end of sequence: at step ℓ + 1)
    let pool = TestPools.pool([
        TestPools.s("A", tokens: 50), TestPools.s("B", tokens: 20), TestPools.s("B", tokens: 30),
        TestPools.s("A", tokens: 10), TestPools.s("C", tokens: 40), TestPools.s("A", tokens: 60),
    ])

    @Test func finishersAreTheMShortestInFinishingOrder() {
        #expect(ShortMAtK(k: 6, m: 3).finishers(of: pool).map(\.sample) == [3, 1, 2])
        #expect(ShortMAtK(k: 4, m: 2).finishers(of: pool).map(\.sample) == [3, 1])
    }

    @Test func threeFinishersVoteForTheRepeatedAnswer() {
        // Finishers A(10), B(20), B(30): B wins 2–1. The third ends at step 31, when 0, 4 and 5 hold 31 tokens each:
        // 10+20+30 + 3·31 = 153.
        let outcome = ShortMAtK(k: 6, m: 3).apply(to: pool, costs: .tokensOnly)
        #expect(outcome == StrategyOutcome(answerKey: "B", correct: false, samplesUsed: 6, promptTokens: 10,
                                           generatedTokens: 153, flops: 0, kvCacheBytes: 0))
    }

    @Test func aTieGoesToTheShorterGroupEvenIfItAppearedLater() {
        // Finishers A(10, sample 3), B(20, sample 1): 1–1; A is shorter although B comes first in sample order.
        let outcome = ShortMAtK(k: 6, m: 2).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.correct)
        #expect(outcome.generatedTokens == 10 + 20 + 4 * 21 && outcome.samplesUsed == 6)
        // Majority vote over the same pair would pick the first in sample order.
        #expect(MajorityVote().apply(to: [pool[1], pool[3]], costs: .tokensOnly).answerKey == "B")
    }

    @Test func shortOneIsTheFirstFinisher() {
        let outcome = ShortMAtK(k: 6, m: 1).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.generatedTokens == 10 + 5 * 11)
    }

    @Test func onlyTheFirstKSamplesStart() {
        // Started 0…3 (50, 20, 30, 10): finishers A(10), B(20) → A; 10 + 20 + 2·21 = 72.
        let outcome = ShortMAtK(k: 4, m: 2).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.samplesUsed == 4 && outcome.generatedTokens == 72)
    }

    @Test func equalLengthsFinishInSampleOrder() {
        let tied = TestPools.pool([TestPools.s("B", tokens: 5), TestPools.s("A", tokens: 5), TestPools.s("A", tokens: 9)])
        // Both 5-token samples end at step 6; the third holds 6 then: 5 + 5 + 6.
        let outcome = ShortMAtK(m: 1).apply(to: tied, costs: .tokensOnly)
        #expect(outcome.answerKey == "B" && outcome.generatedTokens == 16)
    }

    @Test func stopStringFinishersWithoutAnOpenTieChargeTheMthLength() {
        // 3, 6, 8, 10 tokens, all ending by stop strings (at steps 3, 6, 8, 10), m = 2: at step 6 the finishers
        // are 0 and 1 and no live sample has a smaller index than 1: 2 and 3 stop with 6. 3 + 6 + 2·6 = 21.
        let stops = TestPools.pool([3, 6, 8, 10].map { TestPools.s("A", tokens: $0, finish: "stop") })
        let outcome = ShortMAtK(m: 2).apply(to: stops, costs: .tokensOnly)
        #expect(outcome.generatedTokens == 21 && outcome.samplesUsed == 4)
    }

    @Test func anEndOfSequenceSampleOfEqualLengthAndSmallerIndexTakesTheFinishersPlace() {
        // Sample 0: B, 5 tokens, end of sequence (decided at step 6); sample 1: A, 5 tokens, stop string (step 5).
        // Sorted by (tokens, index) sample 0 comes first, so short-1 answers B although A ended a step earlier.
        // Sample 2 (20 tokens) has a larger index than 1: stopped at step 5 with 5 tokens. 5 + 5 + 5 = 15.
        let pool = TestPools.pool([
            TestPools.s("B", tokens: 5), TestPools.s("A", tokens: 5, finish: "stop"), TestPools.s("A", tokens: 20),
        ])
        let outcome = ShortMAtK(m: 1).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "B" && !outcome.correct && outcome.generatedTokens == 15)
    }

    @Test func anOpenTieCostsOneMoreStepOfTheSmallerIndicesOnly() {
        // Sample 0: 9 tokens, stop; sample 1: A, 5 tokens, stop (step 5); sample 2: 20 tokens. At step 5 sample 0
        // could still end by end of sequence with 5 tokens: sample 2 stops with 5, sample 0 takes step 6 (6
        // tokens) and is stopped then. The finisher stays sample 1: 5 + 6 + 5 = 16.
        let pool = TestPools.pool([
            TestPools.s("B", tokens: 9, finish: "stop"), TestPools.s("A", tokens: 5, finish: "stop"), TestPools.s("C", tokens: 20),
        ])
        let outcome = ShortMAtK(m: 1).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.answerKey == "A" && outcome.generatedTokens == 16)
    }

    @Test func theLockstepStopsExactlyWhatItSaysStepByStep() {
        // m = 2 over lengths (stop strings) 8, 3, 6, 10: step 3 → {1}; step 6 → {1, 2}, 2 has 6 = step and sample 0
        // (index 0 < 2) is live: 3 is stopped now, 0 takes step 7 and is stopped then.
        var lockstep = ShortMAtKLockstep(m: 2, started: 0..<4)
        #expect(lockstep.observe(step: 3, finishes: [.init(index: 1, tokens: 3)]) == [])
        #expect(!lockstep.isDecided && !lockstep.needsNextStep)
        #expect(lockstep.observe(step: 6, finishes: [.init(index: 2, tokens: 6)]) == [3])
        #expect(!lockstep.isDecided && lockstep.needsNextStep)
        #expect(lockstep.observe(step: 7, finishes: []) == [0])
        #expect(lockstep.isDecided && lockstep.finishers.map(\.index) == [1, 2])
        #expect(lockstep.chargedTokens(0, length: 8) == 7 && lockstep.chargedTokens(3, length: 10) == 6)
    }
}
