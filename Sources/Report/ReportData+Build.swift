import Analysis
import Foundation
import Reasoning
import Store

extension ReportData {
    /// A stored run with its samples, as read from a `RunStore`.
    public struct RunSamples: Sendable {
        public var run: StoredRun
        public var samples: [SampleRecord]
        public init(run: StoredRun, samples: [SampleRecord]) {
            self.run = run
            self.samples = samples
        }
    }

    /// Reads every run (or only `runs`) of `store` with its samples.
    public static func load(from store: RunStore, runs: [Int64]? = nil) throws -> [RunSamples] {
        let stored = try runs.map { try $0.map { try store.run(id: $0) } } ?? store.runs()
        return try stored.map { RunSamples(run: $0, samples: try store.samples(run: $0.id)) }
    }

    /// Computes the report from stored samples. Per run, over the pools of
    /// `EvalReport.pools(_:problems:samplesPerProblem:)` (n = the smallest pool):
    /// - coverage c(k) = mean unbiased pass@k (Analysis `CoverageCurve`) for k = 1…n, with the exponentiated
    ///   power-law fit (least squares on coverage over log-spaced k; the log-log line if that fails);
    /// - one strategy chart: every strategy of the run's configuration (the Reasoning defaults when none) applied
    ///   by the Reasoning module, swept over k = 1, 2, 4, …, n when its spec leaves `k` open, plus the exact
    ///   expected majority vote `maj@k exact` (Analysis `MajorityAtK`, charged k × mean tokens per sample);
    /// - accuracy by difficulty: pass@1 of each run.
    /// FLOPs and KV bytes are shown only when `costs` has a cost model.
    public static func build(title: String, runs: [RunSamples], costs: CostContext = .tokensOnly) -> ReportData {
        var data = ReportData(title: title)
        let several = runs.count > 1
        for entry in runs {
            let run = entry.run
            let configuration = run.configuration
            let pools = EvalReport.nonEmptyPools(
                entry.samples, problems: configuration.problems, samplesPerProblem: configuration.samples)
            let suffix = several ? " · run \(run.id)" : ""
            let outcomes = pools.compactMap { try? ProblemOutcome(samples: $0.count, correct: $0.filter(\.isCorrect).count) }
            let coverage = coverageSeries(outcomes, name: "coverage" + suffix, run: run.id, notes: &data.notes)
            if let coverage { data.coverage.append(coverage) }
            if !pools.isEmpty {
                var series = strategySeries(configuration, pools: pools, costs: costs, run: run.id, notes: &data.notes)
                series.append(exactMajority(pools))
                data.strategyCharts.append(StrategyChartData(title: "Accuracy vs generated tokens" + suffix, series: series))
            }
            let passAtOne = try? PassAtK.mean(outcomes, k: 1)
            if let passAtOne {
                data.difficulty.append(DifficultyBar(
                    label: "\(configuration.task) \(difficultyLabel(configuration.difficulty))\(suffix)",
                    accuracy: passAtOne, problems: outcomes.count))
            }
            data.runs.append(runInfo(run, passAtOne: passAtOne, coverageAtMax: coverage?.points.last))
        }
        return data
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
        _ outcomes: [ProblemOutcome], name: String, run: Int64, notes: inout [String]
    ) -> CoverageSeries? {
        guard let curve = try? CoverageCurve(outcomes) else {
            notes.append("Run \(run): no samples stored yet, so no coverage curve or strategy results.")
            return nil
        }
        let points = curve.maxK <= 64 ? curve.points : ((try? curve.logSpacedPoints(count: 40)) ?? curve.points)
        var fit: PowerLawFit?
        do {
            let fitPoints = (try? curve.logSpacedPoints(count: min(40, max(2, curve.maxK)))) ?? curve.points
            fit = try (try? PowerLawFit.fit(fitPoints, method: .refinedOnCoverage)) ?? PowerLawFit.fit(fitPoints)
        } catch {
            notes.append("Run \(run): no power-law fit (\(error)).")
        }
        return CoverageSeries(name: name, points: points, fit: fit)
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
                    kvCacheBytes: costs.costModel == nil ? nil : summary.meanKVCacheBytes))
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
            let cost = Double(k)
            points.append(StrategyPoint(
                setting: "k=\(k)", accuracy: value, samplesUsed: cost, promptTokens: cost * prompt, generatedTokens: cost * generated))
        }
        return StrategySeries(name: "maj@k exact", points: points)
    }

    private static func runInfo(_ run: StoredRun, passAtOne: Double?, coverageAtMax: CoveragePoint?) -> RunInfo {
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
        return RunInfo(title: "Run \(run.id): \(c.task) · \(c.model)", fields: fields)
    }
}
