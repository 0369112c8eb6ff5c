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
}
