import Testing
@testable import Reasoning

/// `StrategySummary.accuracyLow/High`: the 95 % percentile bootstrap interval over problems.
@Suite struct StrategySummaryIntervalTests {
    static func outcome(_ correct: Bool) -> StrategyOutcome {
        StrategyOutcome(answerKey: correct ? "1" : "2", correct: correct, samplesUsed: 1, promptTokens: 1, generatedTokens: 1,
                        flops: 0, kvCacheBytes: 0)
    }

    @Test func intervalsBracketTheAccuracy() {
        // All correct: every resample has mean 1.
        let perfect = StrategySummary([Self.outcome(true), Self.outcome(true), Self.outcome(true)])
        #expect(perfect.accuracyLow == 1 && perfect.accuracyHigh == 1)
        // One of two correct: resampled means 0, ½, 1 with probabilities ¼, ½, ¼ → quantiles 0 and 1.
        let half = StrategySummary([Self.outcome(true), Self.outcome(false)])
        #expect(half.accuracy == 0.5 && half.accuracyLow == 0 && half.accuracyHigh == 1)
        // 40 of 100 correct: the normal approximation gives 0.4 ± 1.96·√(0.24/100) = [0.304, 0.496]; the percentile
        // interval lies within a resolution step (0.01) or two of it.
        let many = StrategySummary((0..<100).map { Self.outcome($0 < 40) })
        let low = many.accuracyLow ?? -1, high = many.accuracyHigh ?? -1
        #expect(abs(low - 0.304) <= 0.021 && abs(high - 0.496) <= 0.021, "[\(low), \(high)]")
        #expect(StrategySummary([]).accuracyLow == nil)
    }
}
