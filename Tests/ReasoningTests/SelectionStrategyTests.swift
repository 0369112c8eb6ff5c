import Testing
@testable import Reasoning

/// single, pass-at-k, majority, weighted votes, best-of-n on hand-built pools (answers and costs by hand).
@Suite struct SelectionStrategyTests {
    let costs = CostContext.tokensOnly

    @Test func singleTakesTheFirstSample() {
        let pool = TestPools.pool([TestPools.s("B", tokens: 7), TestPools.s("A", tokens: 5)])
        let outcome = SingleSample().apply(to: pool, costs: costs)
        #expect(outcome == StrategyOutcome(answerKey: "B", correct: false, samplesUsed: 1, promptTokens: 10,
                                           generatedTokens: 7, flops: 0, kvCacheBytes: 0))
    }

    @Test func emptyPoolGivesNoAnswerAtNoCost() {
        for strategy in [SingleSample() as any Strategy, MajorityVote(), ShortMAtK(m: 2), EarlyStop(), BestOfN()] {
            let outcome = strategy.apply(to: [], costs: costs)
            #expect(outcome.answerKey == nil && !outcome.correct && outcome.samplesUsed == 0 && outcome.generatedTokens == 0)
        }
    }

    @Test func passAtKIsSolvedWhenAnyOfTheFirstKIsCorrect() {
        let pool = TestPools.pool([
            TestPools.s("B", tokens: 4), TestPools.s("C", tokens: 6), TestPools.s("A", tokens: 5), TestPools.s("A", tokens: 7),
        ])
        let three = RepeatedSampling(k: 3).apply(to: pool, costs: costs)
        #expect(three.correct && three.answerKey == "A" && three.samplesUsed == 3 && three.generatedTokens == 15)
        let two = RepeatedSampling(k: 2).apply(to: pool, costs: costs)
        #expect(!two.correct && two.answerKey == "B" && two.samplesUsed == 2 && two.generatedTokens == 10)
        let all = RepeatedSampling().apply(to: pool, costs: costs)
        #expect(all.samplesUsed == 4 && all.generatedTokens == 22)
    }

    @Test func majorityCountsVotesAndBreaksTiesTowardTheFirstAnswer() {
        let pool = TestPools.keys(["B", "A", "A", "C", "B", "A"])
        let six = MajorityVote(k: 6).apply(to: pool, costs: costs)
        #expect(six.answerKey == "A" && six.correct && six.samplesUsed == 6 && six.generatedTokens == 60)
        // First five: A 2, B 2, C 1 → tie; B appeared first.
        let five = MajorityVote(k: 5).apply(to: pool, costs: costs)
        #expect(five.answerKey == "B" && !five.correct && five.samplesUsed == 5)
        let four = MajorityVote(k: 4).apply(to: pool, costs: costs)
        #expect(four.answerKey == "A" && four.correct)
    }

    @Test func abstentionsAreChargedButDoNotVote() {
        let pool = TestPools.keys([nil, nil, "B"])
        let outcome = MajorityVote().apply(to: pool, costs: costs)
        #expect(outcome.answerKey == "B" && outcome.samplesUsed == 3 && outcome.generatedTokens == 30)
        let silent = MajorityVote().apply(to: TestPools.keys([nil, nil]), costs: costs)
        #expect(silent.answerKey == nil && !silent.correct && silent.samplesUsed == 2)
    }

    @Test func logProbabilityWeightingCanOverturnTheMajority() {
        // A: exp(-0.1) = 0.905; B: 2·exp(-1) = 0.736 → A, although B has more votes.
        let pool = TestPools.pool([TestPools.s("B", logp: -1), TestPools.s("A", logp: -0.1), TestPools.s("B", logp: -1)])
        #expect(MajorityVote().apply(to: pool, costs: costs).answerKey == "B")
        let weighted = WeightedVote(weighting: .meanLogProbability).apply(to: pool, costs: costs)
        #expect(weighted.answerKey == "A" && weighted.correct && weighted.samplesUsed == 3)
        // B: 2·exp(-0.05) = 1.902 > A: exp(-0.1) → B.
        let close = TestPools.pool([TestPools.s("B", logp: -0.05), TestPools.s("A", logp: -0.1), TestPools.s("B", logp: -0.05)])
        #expect(WeightedVote(weighting: .meanLogProbability).apply(to: close, costs: costs).answerKey == "B")
    }

    @Test func verifierWeightingSumsScores() {
        let low = TestPools.pool([TestPools.s("B", score: 0.3), TestPools.s("A"), TestPools.s("B", score: 0.3)])
        #expect(WeightedVote(weighting: .verifierScore).apply(to: low, costs: costs).answerKey == "A")  // 1 > 0.6
        let high = TestPools.pool([TestPools.s("B", score: 0.6), TestPools.s("A"), TestPools.s("B", score: 0.6)])
        #expect(WeightedVote(weighting: .verifierScore).apply(to: high, costs: costs).answerKey == "B")  // 1.2 > 1
        #expect(WeightedVote(weighting: .verifierScore, k: 2).apply(to: high, costs: costs).answerKey == "A")  // 1 > 0.6
    }

    @Test func bestOfNTakesTheTopScoreThenTheLikelierSample() {
        let pool = TestPools.pool([
            TestPools.s("B", logp: -0.1, score: 0.2), TestPools.s("C", logp: -0.5, score: 0.9),
            TestPools.s("A", logp: -0.2, score: 0.9, correct: true),
        ])
        let all = BestOfN().apply(to: pool, costs: costs)
        #expect(all.answerKey == "A" && all.correct && all.samplesUsed == 3 && all.generatedTokens == 30)
        let two = BestOfN(k: 2).apply(to: pool, costs: costs)
        #expect(two.answerKey == "C" && !two.correct && two.samplesUsed == 2)
    }
}
