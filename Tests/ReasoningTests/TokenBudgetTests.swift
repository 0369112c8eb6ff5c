import Testing
@testable import Reasoning

/// Per-problem token budgets: complete samples vote; the one cut off is charged what was left.
@Suite struct TokenBudgetTests {
    let pool = TestPools.pool([
        TestPools.s("A", tokens: 30), TestPools.s("B", tokens: 40), TestPools.s("A", tokens: 20), TestPools.s("A", tokens: 50),
    ])

    @Test func theSampleThatOverrunsIsCutAndDoesNotVote() {
        // 30 + 40 + 20 = 90; the fourth (50) gets the last 10 tokens and is cut.
        let outcome = TokenBudget(tokens: 100).apply(to: pool, costs: .tokensOnly)
        #expect(outcome == StrategyOutcome(answerKey: "A", correct: true, samplesUsed: 4, promptTokens: 10,
                                           generatedTokens: 100, flops: 0, kvCacheBytes: 0))
    }

    @Test func anExactlySpentBudgetStartsNoMoreSamples() {
        let outcome = TokenBudget(tokens: 90).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.samplesUsed == 3 && outcome.generatedTokens == 90 && outcome.answerKey == "A")
    }

    @Test func aSmallBudgetLeavesOneVoter() {
        // 30 fits; the second sample is cut after 30 of its 40 tokens.
        let outcome = TokenBudget(tokens: 60).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.samplesUsed == 2 && outcome.generatedTokens == 60 && outcome.answerKey == "A")
        let tiny = TokenBudget(tokens: 5).apply(to: pool, costs: .tokensOnly)
        #expect(tiny.samplesUsed == 1 && tiny.generatedTokens == 5 && tiny.answerKey == nil && !tiny.correct)
    }

    @Test func theSampleLimitAlsoApplies() {
        let outcome = TokenBudget(tokens: 1000, k: 2).apply(to: pool, costs: .tokensOnly)
        #expect(outcome.samplesUsed == 2 && outcome.generatedTokens == 70 && outcome.answerKey == "A")
    }

    @Test func aSampleEndingExactlyAtTheBudgetIsCompleteOnlyIfItNeedsNoFurtherDecision() {
        // B 30 + A 40 leave 20 tokens. A third sample of exactly 20 tokens ending by a stop string ends at step 20:
        // complete, A wins 2–1. Ending by end of sequence it would need a 21st decision: cut after its 20 tokens,
        // and the 1–1 vote goes to B, which appeared first. 90 tokens either way.
        let byStop = TestPools.pool([
            TestPools.s("B", tokens: 30), TestPools.s("A", tokens: 40), TestPools.s("A", tokens: 20, finish: "stop"),
        ])
        let stopOutcome = TokenBudget(tokens: 90).apply(to: byStop, costs: .tokensOnly)
        #expect(stopOutcome.answerKey == "A" && stopOutcome.generatedTokens == 90 && stopOutcome.samplesUsed == 3)
        let byEnd = TestPools.pool([TestPools.s("B", tokens: 30), TestPools.s("A", tokens: 40), TestPools.s("A", tokens: 20)])
        let endOutcome = TokenBudget(tokens: 90).apply(to: byEnd, costs: .tokensOnly)
        #expect(endOutcome.answerKey == "B" && endOutcome.generatedTokens == 90 && endOutcome.samplesUsed == 3)
    }
}
