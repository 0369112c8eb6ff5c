import Analysis
import Foundation
import Reasoning
import Testing
@testable import Report

/// Expected values are worked out by hand for two problems with two samples each:
/// problem 0 = [correct, wrong "5"], problem 1 = [wrong "3", wrong "3"]; generated tokens 10, 20, 30, 40.
@Suite struct ReportDataTests {
    static func tinyRun() -> ReportData.RunSamples {
        let samples = [
            ReportFixtures.sample(0, 0, correct: true, key: "4", tokens: 10),
            ReportFixtures.sample(0, 1, correct: false, key: "5", tokens: 20),
            ReportFixtures.sample(1, 0, correct: false, key: "3", tokens: 30),
            ReportFixtures.sample(1, 1, correct: false, key: "3", tokens: 40),
        ]
        return ReportData.RunSamples(
            run: ReportFixtures.storedRun(id: 5, configuration: ReportFixtures.configuration(), samples: 4), samples: samples)
    }

    @Test func coverageAndItsFitMatchHandComputation() throws {
        let data = ReportData.build(title: "t", runs: [Self.tinyRun()])
        let coverage = try #require(data.coverage.first)
        // c(1) = (1/2 + 0)/2, c(2) = (1 + 0)/2.
        #expect(coverage.points == [CoveragePoint(k: 1, coverage: 0.25), CoveragePoint(k: 2, coverage: 0.5)])
        // Two points fix exp(a·k^b): a = ln 0.25, 2^b = ln 0.5 / ln 0.25 = 1/2 → b = −1.
        let fit = try #require(coverage.fit)
        #expect(abs(fit.a - log(0.25)) < 1e-9)
        #expect(abs(fit.b + 1) < 1e-9)
    }

    @Test func strategySeriesMatchHandComputation() throws {
        let data = ReportData.build(title: "t", runs: [Self.tinyRun()])
        let chart = try #require(data.strategyCharts.first)
        let pass = try #require(chart.series.first { $0.name == "pass-at-k" })
        // pass-at-k reads the first k samples: k=1 solves problem 0 only; k=2 still problem 0 only.
        #expect(pass.points.map(\.accuracy) == [0.5, 0.5])
        // Charged tokens: k=1 → (10 + 30)/2; k=2 → (10+20 + 30+40)/2. The shared prompt (7) is paid once.
        #expect(pass.points.map(\.generatedTokens) == [20, 50])
        #expect(pass.points.map(\.promptTokens) == [7, 7])
        #expect(pass.points.map(\.samplesUsed) == [1, 2])
        #expect(pass.points.map(\.setting) == ["k=1", "k=2"])
        #expect(pass.points.allSatisfy { $0.flops == nil && $0.kvCacheBytes == nil })
        let single = try #require(chart.series.first { $0.name == "single" })
        #expect(single.points.count == 1 && single.points[0].accuracy == 0.5)
        // maj@1 = pass@1 = 0.25; maj@2: problem 0 is a 1–1 tie (credit 1/2), problem 1 loses → 0.25.
        let exact = try #require(chart.series.last)
        #expect(exact.name == "maj@k exact")
        #expect(exact.points.map(\.accuracy) == [0.25, 0.25])
        // Mean generated tokens per sample = 25, prompt = 7; k samples are charged k times that.
        #expect(exact.points.map(\.generatedTokens) == [25, 50])
        #expect(exact.points.map(\.promptTokens) == [7, 14])
    }

    @Test func configuredStrategiesReplaceTheDefaultsAndFixedKIsNotSwept() throws {
        var run = Self.tinyRun()
        run.run.configuration.strategies = [
            StrategySpec(name: "majority", parameters: ["k": 1]), StrategySpec(name: "no-such-strategy"),
        ]
        let data = ReportData.build(title: "t", runs: [run])
        let chart = try #require(data.strategyCharts.first)
        #expect(chart.series.map(\.name) == ["majority:k=1", "maj@k exact"])
        #expect(chart.series[0].points.count == 1)
        #expect(chart.series[0].points[0].accuracy == 0.5)
        #expect(data.notes.contains { $0.contains("no-such-strategy") })
    }

    @Test func difficultyBarIsPassAtOne() {
        let data = ReportData.build(title: "t", runs: [Self.tinyRun()])
        // pass@1 per problem is ½ and 0: resampled means 0, ¼, ½, so the 95 % bootstrap interval is [0, ½].
        #expect(data.difficulty == [ReportData.DifficultyBar(
            label: "arithmetic digits=3", accuracy: 0.25, problems: 2, accuracyLow: 0, accuracyHigh: 0.5)])
        #expect(data.runs.first?.fields.contains(ReportData.Field("pass@1", "0.2500")) == true)
    }

    @Test func budgetsArePowersOfTwoThenN() {
        #expect(ReportData.budgets(upTo: 1) == [1])
        #expect(ReportData.budgets(upTo: 8) == [1, 2, 4, 8])
        #expect(ReportData.budgets(upTo: 10) == [1, 2, 4, 8, 10])
    }

    @Test func aRunWithoutSamplesGetsANoteNotACurve() {
        let empty = ReportData.RunSamples(
            run: ReportFixtures.storedRun(id: 9, configuration: ReportFixtures.configuration(), samples: 0), samples: [])
        let data = ReportData.build(title: "t", runs: [empty])
        #expect(data.coverage.isEmpty && data.strategyCharts.isEmpty && data.difficulty.isEmpty)
        #expect(data.notes.contains { $0.contains("Run 9") })
        #expect(data.runs.count == 1)
    }

    @Test func severalRunsAreNamedByRun() {
        let data = ReportData.build(title: "t", runs: [Self.tinyRun(), ReportFixtures.syntheticRun(id: 6, task: "x", problems: 3, samples: 4)])
        #expect(data.coverage.map(\.name) == ["coverage · run 5", "coverage · run 6"])
        #expect(data.strategyCharts.map(\.title) == ["Accuracy vs generated tokens · run 5", "Accuracy vs generated tokens · run 6"])
    }
}
