import Analysis
import Cost
import Foundation
import Reasoning
import Store

extension ReportData {
    /// A stored run with its samples, as read from a `RunStore`.
    public struct RunSamples: Sendable {
        public var run: StoredRun
        public var samples: [SampleRecord]
        /// The per-token cost of the run's arithmetic, when one was recorded.
        public var cost: TokenCost?
        /// Strategies run online (`measured == true`), drawn next to the replayed ones with their measured costs.
        public var strategyReports: [StrategyReport]
        public init(run: StoredRun, samples: [SampleRecord], cost: TokenCost? = nil, strategyReports: [StrategyReport] = []) {
            self.run = run
            self.samples = samples
            self.cost = cost
            self.strategyReports = strategyReports
        }
    }

    /// Reads every run (or only `runs`) of `store` with its samples, recorded cost and online strategies.
    public static func load(from store: RunStore, runs: [Int64]? = nil) throws -> [RunSamples] {
        let stored = try runs.map { try $0.map { try store.run(id: $0) } } ?? store.runs()
        return try stored.map {
            RunSamples(run: $0, samples: try store.samples(run: $0.id), cost: try store.cost(run: $0.id),
                       strategyReports: onlineReports(try store.onlineRecords(run: $0.id)))
        }
    }

    /// The online records of a run as one measured report per strategy (problems in order). A label that does not
    /// parse as a strategy spec keeps the label as the spec's name.
    static func onlineReports(_ records: [OnlineProblemRecord]) -> [StrategyReport] {
        let labels = records.map(\.strategy).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return labels.map { label in
            let outcomes = records.filter { $0.strategy == label }.sorted { $0.problem < $1.problem }.map(\.outcome)
            let spec = (try? StrategySpec(parsing: label)) ?? StrategySpec(name: label)
            return StrategyReport(spec: spec, label: label, outcomes: outcomes, measured: true)
        }
    }

    /// The coverage a fitted curve must reach for its saturation point N* (see ``Saturation``).
    public static let defaultSaturationTarget = 0.95

    /// Computes the report from stored samples. Per run, over the pools of
    /// `EvalReport.pools(_:problems:samplesPerProblem:)` (n = the smallest pool):
    /// - coverage c(k) = mean unbiased pass@k (Analysis `CoverageCurve`) for k = 1…n, with the exponentiated
    ///   power-law fit (least squares on coverage over log-spaced k; the log-log line if that fails);
    /// - one strategy chart: every strategy of the run's configuration (the Reasoning defaults when none) applied
    ///   by the Reasoning module, swept over k = 1, 2, 4, …, n when its spec leaves `k` open, plus the exact
    ///   expected majority vote `maj@k exact` (Analysis `MajorityAtK`, charged k × mean tokens per sample);
    /// - accuracy by difficulty: pass@1 of each run.
    /// - online strategies of `RunSamples.strategyReports` as series of their own, costs measured;
    /// - the accuracy-vs-generated-tokens Pareto frontier over all of a run's points (measured and estimated);
    /// - a 95 % bootstrap interval (`Bootstrap.accuracy`, over problems) on every accuracy;
    /// - the saturation point N* of each fitted coverage curve at `saturationTarget`.
    /// FLOPs and KV bytes are shown when the run recorded its per-token cost (its shape gives the cost model) or
    /// `costs` has a cost model; energy when the run recorded its cost.
    public static func build(
        title: String, runs: [RunSamples], costs: CostContext = .tokensOnly, saturationTarget: Double = defaultSaturationTarget
    ) -> ReportData {
        var data = ReportData(title: title)
        let several = runs.count > 1
        for entry in runs {
            let run = entry.run
            let configuration = run.configuration
            let pools = EvalReport.nonEmptyPools(
                entry.samples, problems: configuration.problems, samplesPerProblem: configuration.samples)
            let suffix = several ? " · run \(run.id)" : ""
            let outcomes = pools.compactMap { try? ProblemOutcome(samples: $0.count, correct: $0.filter(\.isCorrect).count) }
            let coverage = coverageSeries(
                outcomes, name: "coverage" + suffix, run: run.id, saturationTarget: saturationTarget, notes: &data.notes)
            if let coverage { data.coverage.append(coverage) }
            let runCosts = entry.cost.flatMap(costContext) ?? costs
            if !pools.isEmpty || entry.strategyReports.contains(where: \.measured) {
                var series = pools.isEmpty
                    ? [] : strategySeries(configuration, pools: pools, costs: runCosts, run: run.id, notes: &data.notes)
                if !pools.isEmpty { series.append(exactMajority(pools)) }
                series += measuredSeries(entry.strategyReports)
                if let cost = entry.cost { series = series.map { withEnergy($0, perToken: cost.energyJoules) } }
                data.strategyCharts.append(frontierMarked(StrategyChartData(title: "Accuracy vs generated tokens" + suffix, series: series)))
            }
            let passAtOne = try? PassAtK.mean(outcomes, k: 1)
            if let passAtOne {
                let interval = try? Bootstrap.accuracy.meanInterval(outcomes.map { Double($0.correct) / Double($0.samples) })
                data.difficulty.append(DifficultyBar(
                    label: "\(configuration.task) \(difficultyLabel(configuration.difficulty))\(suffix)",
                    accuracy: passAtOne, problems: outcomes.count, accuracyLow: interval?.lower, accuracyHigh: interval?.upper))
            }
            var info = runInfo(run, passAtOne: passAtOne, coverage: coverage, cost: entry.cost)
            if let k = coverage?.points.last.map({ Int($0.k) }),
               let interval = try? Bootstrap.accuracy.meanInterval(outcomes.compactMap { try? PassAtK.estimate($0, k: k) }) {
                info.fields.append(Field("coverage@\(k) 95 % interval", CostTable.interval(interval.lower, interval.upper)))
            }
            data.runs.append(info)
        }
        return data
    }

    /// The cost model of a run's recorded shape (P, L, d_attn, d_kv and its KV element size).
    static func costContext(_ cost: TokenCost) -> CostContext? {
        guard let model = try? CostModel(
            matmulParameters: cost.matmulParameters, layers: cost.layers, attentionDim: cost.attentionDim,
            kvDim: cost.kvDim, bytesPerKVElement: cost.kvBytesPerElement)
        else { return nil }
        return CostContext(costModel: model)
    }

    /// Online strategy reports as one single-point series each, costs as measured.
    static func measuredSeries(_ reports: [StrategyReport]) -> [StrategySeries] {
        reports.filter(\.measured).map { report in
            let s = report.summary
            let measured = report.outcomes.compactMap(\.measured)
            let peakBytes = measured.isEmpty ? nil : measured.reduce(0) { $0 + $1.peakKVBytes } / Double(measured.count)
            let point = StrategyPoint(
                setting: report.label, accuracy: s.accuracy, samplesUsed: s.meanSamplesUsed, promptTokens: s.meanPromptTokens,
                generatedTokens: s.meanGeneratedTokens, flops: s.meanFLOPs > 0 ? s.meanFLOPs : nil,
                accuracyLow: s.accuracyLow, accuracyHigh: s.accuracyHigh, measured: true,
                measuredPeakKVPages: s.meanPeakKVPages, measuredPeakKVBytes: peakBytes, wallSeconds: s.wallSeconds)
            return StrategySeries(name: "\(report.label) (measured online)", points: [point])
        }
    }

    /// `series` with each point's energy estimated as (prompt + generated tokens) × `perToken` joules.
    static func withEnergy(_ series: StrategySeries, perToken: Double) -> StrategySeries {
        var result = series
        for index in result.points.indices {
            let point = result.points[index]
            result.points[index].energyJoules = (point.promptTokens + point.generatedTokens) * perToken
        }
        return result
    }

    /// Marks the Pareto-optimal points of `chart` (Analysis `ComputeFrontier`: fewest mean generated tokens for the
    /// accuracy) and lists them in `frontier`.
    static func frontierMarked(_ chart: StrategyChartData) -> StrategyChartData {
        var result = chart
        var candidates: [ComputePoint] = []
        var positions: [(series: Int, point: Int)] = []
        for (s, series) in chart.series.enumerated() {
            for (p, point) in series.points.enumerated() {
                candidates.append(ComputePoint(strategy: "\(candidates.count)", setting: point.setting,
                                               cost: point.generatedTokens, accuracy: point.accuracy))
                positions.append((s, p))
            }
        }
        guard let frontier = try? ComputeFrontier(candidates) else { return result }
        for member in frontier.points {
            guard let index = Int(member.strategy) else { continue }
            let position = positions[index]
            result.series[position.series].points[position.point].onFrontier = true
            result.frontier.append(result.series[position.series].points[position.point])
        }
        return result
    }

    static func difficultyLabel(_ difficulty: [String: String]) -> String {
        difficulty.isEmpty ? "(default)" : difficulty.keys.sorted().map { "\($0)=\(difficulty[$0]!)" }.joined(separator: ", ")
    }

    /// Budgets 1, 2, 4, … below n, then n.
    static func budgets(upTo n: Int) -> [Int] {
        guard n >= 1 else { return [] }
        var ks: [Int] = []
        var k = 1
        while k < n {
            ks.append(k)
            k *= 2
        }
        ks.append(n)
        return ks
    }

    private static func coverageSeries(
        _ outcomes: [ProblemOutcome], name: String, run: Int64, saturationTarget: Double, notes: inout [String]
    ) -> CoverageSeries? {
        guard let curve = try? CoverageCurve(outcomes) else {
            notes.append("Run \(run): no samples stored yet, so no coverage curve or strategy results.")
            return nil
        }
        let points = curve.maxK <= 64 ? curve.points : ((try? curve.logSpacedPoints(count: 40)) ?? curve.points)
        var fit: PowerLawFit?
        var saturation: Saturation?
        do {
            let fitted = try PowerLawFit.coverageLaw(of: curve)
            fit = fitted
            do {
                saturation = Saturation(target: saturationTarget, samples: try fitted.saturationPoint(target: saturationTarget))
            } catch {
                saturation = Saturation(target: saturationTarget, samples: nil, reason: "\(error)")
            }
        } catch {
            notes.append("Run \(run): no power-law fit (\(error)).")
        }
        return CoverageSeries(name: name, points: points, fit: fit, saturation: saturation)
    }

    /// The configured strategies (Reasoning defaults when none), each swept over k when its spec leaves k open.
    static func strategySeries(
        _ configuration: EvalConfiguration, pools: [[SampleRecord]], costs: CostContext, run: Int64, notes: inout [String]
    ) -> [StrategySeries] {
        let n = pools.map(\.count).min() ?? 0
        let specs = configuration.strategies.isEmpty ? StrategyRegistry.defaultSpecs(samples: n) : configuration.strategies
        var result: [StrategySeries] = []
        for spec in specs {
            guard let entry = try? StrategyRegistry.entry(spec.name) else {
                notes.append("Run \(run): unknown strategy '\(spec.name)' skipped.")
                continue
            }
            let sweeps = entry.parameters.contains { $0.name == "k" } && spec.parameters["k"] == nil
            var points: [StrategyPoint] = []
            for k in sweeps ? budgets(upTo: n).map(Optional.some) : [nil] {
                var setting = spec
                if let k { setting.parameters["k"] = Double(k) }
                // Settings a strategy rejects (e.g. k < m for short-m-at-k) are simply not drawn.
                guard let strategy = try? StrategyRegistry.resolve(setting) else { continue }
                let summary = StrategySummary(strategy.apply(to: pools, costs: costs))
                points.append(StrategyPoint(
                    setting: k.map { "k=\($0)" } ?? strategy.label, accuracy: summary.accuracy,
                    samplesUsed: summary.meanSamplesUsed, promptTokens: summary.meanPromptTokens,
                    generatedTokens: summary.meanGeneratedTokens,
                    flops: costs.costModel == nil ? nil : summary.meanFLOPs,
                    kvCacheBytes: costs.costModel == nil ? nil : summary.meanKVCacheBytes,
                    accuracyLow: summary.accuracyLow, accuracyHigh: summary.accuracyHigh))
            }
            if points.isEmpty {
                notes.append("Run \(run): strategy '\(spec)' has no valid setting for \(n) samples per problem.")
            } else {
                result.append(StrategySeries(name: spec.description, points: points))
            }
        }
        return result
    }

    /// Exact expected majority vote of k samples (ties split), charged k × the mean per-sample tokens.
    static func exactMajority(_ pools: [[SampleRecord]]) -> StrategySeries {
        let all = pools.flatMap { $0 }
        let generated = Double(all.reduce(0) { $0 + $1.generatedTokens }) / Double(max(1, all.count))
        let prompt = Double(all.reduce(0) { $0 + $1.promptTokens }) / Double(max(1, all.count))
        let tallies = pools.compactMap { try? EvalReport.voteTally($0) }
        var points: [StrategyPoint] = []
        for k in budgets(upTo: pools.map(\.count).min() ?? 0) {
            guard tallies.count == pools.count, let value = try? MajorityAtK.mean(tallies, k: k) else { continue }
            let perProblem = tallies.compactMap { try? MajorityAtK.estimate($0, k: k) }
            let interval = try? Bootstrap.accuracy.meanInterval(perProblem)
            let cost = Double(k)
            points.append(StrategyPoint(
                setting: "k=\(k)", accuracy: value, samplesUsed: cost, promptTokens: cost * prompt, generatedTokens: cost * generated,
                accuracyLow: interval?.lower, accuracyHigh: interval?.upper))
        }
        return StrategySeries(name: "maj@k exact", points: points)
    }

    private static func runInfo(_ run: StoredRun, passAtOne: Double?, coverage: CoverageSeries?, cost: TokenCost?) -> RunInfo {
        let coverageAtMax = coverage?.points.last
        let c = run.configuration
        let formatter = ISO8601DateFormatter()
        var fields: [Field] = [
            Field("Task", c.task), Field("Difficulty", difficultyLabel(c.difficulty)), Field("Model", c.model),
            Field("Model file SHA-256", run.modelFileSHA256 ?? "not recorded"), Field("Reckon version", run.reckonVersion),
            Field("Problems", "\(run.problemCount) stored of \(c.problems)"),
            Field("Samples", "\(run.sampleCount) stored of \(run.expectedSampleCount) (\(c.samples) per problem)"),
            Field("Sampling", "temperature \(c.temperature), top-p \(c.topP), top-k \(c.topK), min-p \(c.minP), max \(c.maxTokens) tokens"),
            Field("Prompt", "\(c.promptStyle)\(c.chat ? ", chat template" : "")"), Field("Seed", String(c.seed)),
            Field("Strategies", c.strategies.isEmpty ? "defaults" : c.strategies.map(\.description).joined(separator: " ")),
            Field("Created", formatter.string(from: run.createdAt)),
            Field("Finished", run.finishedAt.map { formatter.string(from: $0) } ?? "not finished"),
            Field("Identity", run.identityHash),
        ]
        if let passAtOne { fields.append(Field("pass@1", String(format: "%.4f", passAtOne))) }
        if let coverageAtMax {
            fields.append(Field("coverage@\(Int(coverageAtMax.k))", String(format: "%.4f", coverageAtMax.coverage)))
        }
        if let fit = coverage?.fit {
            fields.append(Field("Coverage fit", String(
                format: "c(k) ≈ exp(%.4g · k^%.4g), R² = %.4f (least squares on coverage, %@)", fit.a, fit.b, fit.rSquared,
                fit.method == .refinedOnCoverage ? "refined" : "log-log line")))
        }
        if let saturation = coverage?.saturation {
            fields.append(Field("Saturation N*", saturationText(saturation, measuredUpTo: coverageAtMax.map { Int($0.k) })))
        }
        if let cost {
            fields.append(Field("Arithmetic", cost.arithmetic))
            fields.append(Field("Cost per token (context \(cost.context))", String(
                format: "%@ FLOPs, %@ weights read, %@ KV read, ACE %@, energy ≈ %@ (estimate: 45 nm table, Horowitz 2014)",
                CostTable.engineering(cost.flops), CostTable.bytes(cost.weightBytes), CostTable.bytes(cost.kvBytes),
                CostTable.engineering(cost.ace), CostTable.joules(cost.energyJoules))))
        }
        return RunInfo(title: "Run \(run.id): \(c.task) · \(c.model)", fields: fields)
    }
}

extension ReportData {
    /// "N* = 37 samples per problem for fitted coverage ≥ 0.95 (extrapolated beyond the 16 measured)".
    static func saturationText(_ saturation: Saturation, measuredUpTo measured: Int?) -> String {
        let target = String(format: "%g", saturation.target)
        guard let samples = saturation.samples else { return "none for fitted coverage ≥ \(target): \(saturation.reason)" }
        var text = "\(samples) samples per problem for fitted coverage ≥ \(target)"
        if let measured, samples > measured { text += " (extrapolated beyond the \(measured) measured)" }
        return text
    }
}
