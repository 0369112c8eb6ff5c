import Analysis
import Cost
import Foundation
import Reasoning
import Testing
@testable import Report

/// The report's coverage fit, saturation point, intervals, frontier, measured series and recorded costs.
/// Hand-computed expectations use `ReportDataTests.tinyRun()`: problem 0 = [correct, "5"], problem 1 = ["3", "3"].
@Suite struct MeasuredReportTests {
    /// `reckon eval`'s summary (`EvalReport.build`) and the report fit the same samples to the same curve. Before the
    /// two used one function, the CLI drew the log-log line and the report the coverage least squares: the check on
    /// `logLinear` below shows that those differ on these samples, so the agreement is not a coincidence.
    @Test func cliAndReportFitTheSameCurve() throws {
        let run = ReportFixtures.syntheticRun(id: 1, task: "arithmetic", problems: 12, samples: 16, seed: 3)
        let report = try EvalReport.build(configuration: run.run.configuration, samples: run.samples, costs: .tokensOnly)
        let cli = try #require(report.coverageFit)
        let drawn = try #require(ReportData.build(title: "t", runs: [run]).coverage.first?.fit)
        #expect(cli.a == drawn.a && cli.b == drawn.b && cli.rSquared == drawn.rSquared)
        #expect(cli.usablePoints == drawn.usablePoints)
        #expect(drawn.method == .refinedOnCoverage)
        let outcomes = EvalReport.nonEmptyPools(run.samples, problems: 12, samplesPerProblem: 16).map {
            try! ProblemOutcome(samples: $0.count, correct: $0.filter(\.isCorrect).count)
        }
        let curve = try CoverageCurve(outcomes)
        let logLinear = try PowerLawFit.fit(try curve.logSpacedPoints(count: 16), method: .logLinear)
        #expect(abs(logLinear.a - drawn.a) > 1e-6 || abs(logLinear.b - drawn.b) > 1e-6)
    }

    @Test func saturationPointOfTheTinyRunIsTwentyEight() throws {
        // The fit through c(1) = 0.25, c(2) = 0.5 is c(k) = 0.25^(1/k); c(k) ≥ 0.95 ⇔ k ≥ ln 0.25 / ln 0.95 = 27.03.
        let data = ReportData.build(title: "t", runs: [ReportDataTests.tinyRun()])
        let saturation = try #require(data.coverage.first?.saturation)
        #expect(saturation.samples == 28 && saturation.target == 0.95)
        let field = try #require(data.runs.first?.fields.first { $0.name == "Saturation N*" })
        #expect(field.value == "28 samples per problem for fitted coverage ≥ 0.95 (extrapolated beyond the 2 measured)")
        let lower = ReportData.build(title: "t", runs: [ReportDataTests.tinyRun()], saturationTarget: 0.5)
        #expect(lower.coverage.first?.saturation?.samples == 2)  // 0.25^(1/k) ≥ 0.5 ⇔ k ≥ 2
    }

    @Test func everyAccuracyHasItsBootstrapInterval() throws {
        let data = ReportData.build(title: "t", runs: [ReportDataTests.tinyRun()])
        let chart = try #require(data.strategyCharts.first)
        // pass-at-k solves problem 0 only: resampling two problems gives means 0, ½, 1 with probabilities ¼, ½, ¼,
        // so the 2.5 % and 97.5 % quantiles of 2,000 resamples are 0 and 1.
        let pass = try #require(chart.series.first { $0.name == "pass-at-k" })
        #expect(pass.points.allSatisfy { $0.accuracyLow == 0 && $0.accuracyHigh == 1 })
        // maj@2 exact: per-problem ½ and 0 → resampled means 0, ¼, ½ → interval [0, ½].
        let exact = try #require(chart.series.last)
        #expect(exact.points.last?.accuracyLow == 0 && exact.points.last?.accuracyHigh == 0.5)
        // pass@1 per problem: ½ and 0 → [0, ½].
        let bar = try #require(data.difficulty.first)
        #expect(bar.accuracyLow == 0 && bar.accuracyHigh == 0.5)
        // coverage@2 per problem: 1 and 0 → resampled means 0, ½, 1 → [0, 1].
        #expect(data.runs.first?.fields.contains(ReportData.Field("coverage@2 95 % interval", "[0.0000, 1.0000]")) == true)
        let html = HTMLReport.render(data)
        #expect(html.contains("[0.0000, 1.0000]"))
        // Whiskers span the interval on the 0…1 axis: y = 364 (accuracy 0) to 40 (accuracy 1).
        #expect(StrategyChart.svg(chart).contains("y1=\"364\" x2=") && StrategyChart.svg(chart).contains("y2=\"40\" stroke="))
        #expect(html.contains("0.250 [0.000, 0.500] (2 problems)"))
    }

    @Test func theFrontierKeepsOnlyPointsNothingBeats() throws {
        func point(_ tokens: Double, _ accuracy: Double, measured: Bool = false) -> ReportData.StrategyPoint {
            ReportData.StrategyPoint(setting: "\(tokens)", accuracy: accuracy, samplesUsed: 1, promptTokens: 0,
                                     generatedTokens: tokens, measured: measured)
        }
        let chart = ReportData.frontierMarked(ReportData.StrategyChartData(title: "c", series: [
            ReportData.StrategySeries(name: "a", points: [point(10, 0.2), point(30, 0.4)]),
            ReportData.StrategySeries(name: "b", points: [point(20, 0.5, measured: true), point(40, 0.6), point(50, 0.6)]),
        ]))
        #expect(chart.frontier.map(\.generatedTokens) == [10, 20, 40])
        #expect(chart.series[0].points.map(\.onFrontier) == [true, false])
        #expect(chart.series[1].points.map(\.onFrontier) == [true, true, false])
        let svg = StrategyChart.svg(chart)
        #expect(svg.contains("frontier (measured + estimated)"))
    }

    @Test func onlineStrategiesAreDrawnWithTheirMeasuredCosts() throws {
        var run = ReportDataTests.tinyRun()
        func outcome(correct: Bool, generated: Int, pages: Int, bytes: Double) -> StrategyOutcome {
            var outcome = StrategyOutcome(answerKey: correct ? "4" : "3", correct: correct, samplesUsed: 2, promptTokens: 7,
                                          generatedTokens: generated, flops: 0, kvCacheBytes: 0)
            outcome.measured = MeasuredCompute(promptTokens: 7, generatedTokens: generated, forwardPasses: 9,
                                               peakKVPages: pages, peakKVBytes: bytes, wallSeconds: 0.5)
            return outcome
        }
        let online = StrategyReport(
            spec: StrategySpec(name: "short-m-at-k"), label: "short-1@2",
            outcomes: [outcome(correct: true, generated: 12, pages: 3, bytes: 3072),
                       outcome(correct: false, generated: 20, pages: 5, bytes: 5120)], measured: true)
        run.strategyReports = [online]
        let data = ReportData.build(title: "t", runs: [run])
        let chart = try #require(data.strategyCharts.first)
        let series = try #require(chart.series.first { $0.name == "short-1@2 (measured online)" })
        let point = try #require(series.points.first)
        #expect(point.measured && point.generatedTokens == 16 && point.accuracy == 0.5)
        #expect(point.measuredPeakKVPages == 4 && point.measuredPeakKVBytes == 4096)
        let html = HTMLReport.render(data)
        #expect(html.contains("<td>measured</td>") && html.contains("<td>estimated</td>"))
        #expect(html.contains("4 KiB (4 pages)"))
    }

    @Test func aRecordedCostFillsFLOPsEnergyAndTheRunFields() throws {
        var run = ReportDataTests.tinyRun()
        let shape = try TransformerShape(layers: 1, attentionDim: 32, kvDim: 32, matrices: [
            .init(name: "w", rows: 32, columns: 32, stored: try OperandFormat(name: "q8_0")),
        ])
        let cost = try ArithmeticCost(weights: nil, activations: try OperandFormat(name: "int8"), kv: try OperandFormat(name: "fp16"))
            .perToken(shape, context: 4)
        run.cost = cost
        let data = ReportData.build(title: "t", runs: [run])
        let pass = try #require(data.strategyCharts.first?.series.first { $0.name == "pass-at-k" })
        // k = 1 charges 7 prompt + 20 generated tokens; the cost model of the recorded shape gives FLOPs and KV bytes.
        #expect(pass.points[0].energyJoules == 27 * cost.energyJoules)
        #expect(pass.points.allSatisfy { $0.flops != nil && $0.kvCacheBytes != nil })
        let fields = try #require(data.runs.first?.fields)
        #expect(fields.contains { $0.name == "Arithmetic" && $0.value == cost.arithmetic })
        #expect(fields.contains { $0.name == "Cost per token (context 4)" && $0.value.contains("estimate") })
    }
}
