import Analysis
import Foundation
import Reasoning
import Store
@testable import Report

enum ReportFixtures {
    static let hostile = #"<script>alert("pwn")</script> & 'x' ]]> <!-- --> "#

    static func configuration(task: String = "arithmetic", samples: Int = 2, problems: Int = 2) -> EvalConfiguration {
        EvalConfiguration(
            task: task, difficulty: ["digits": "3"], problems: problems, samples: samples, seed: 1, maxTokens: 64,
            temperature: 0.7, topP: 1, topK: 0, minP: 0, promptStyle: "boxed", chat: false, model: "tiny", strategies: [])
    }

    static func sample(_ problem: Int, _ sample: Int, correct: Bool, key: String?, tokens: Int) -> SampleRecord {
        SampleRecord(
            problem: problem, sample: sample, seed: UInt64(problem * 10 + sample), text: "t", promptTokens: 7,
            generatedTokens: tokens, finishReason: "stop", meanLogProbability: -1, verdict: correct ? "correct" : "incorrect",
            score: correct ? 1 : 0, extracted: key, answerKey: key)
    }

    static func storedRun(id: Int64, configuration: EvalConfiguration, samples: Int) -> StoredRun {
        StoredRun(
            id: id, identityHash: configuration.identityHash(), configuration: configuration, modelIdentifier: configuration.model,
            modelFileSHA256: nil, reckonVersion: "test", createdAt: Date(timeIntervalSince1970: 0), finishedAt: nil,
            problemCount: 0, sampleCount: samples, correctCount: 0)
    }

    /// Report data whose every string is hostile markup.
    static func hostileData() -> ReportData {
        ReportData(
            title: hostile,
            runs: [ReportData.RunInfo(title: hostile, fields: [ReportData.Field(hostile, hostile), ReportData.Field("Task", hostile)])],
            coverage: [ReportData.CoverageSeries(
                name: hostile, points: [.init(k: 1, coverage: 0.2), .init(k: 4, coverage: 0.5)], fit: nil)],
            strategyCharts: [ReportData.StrategyChartData(title: hostile, series: [ReportData.StrategySeries(name: hostile, points: [
                ReportData.StrategyPoint(setting: hostile, accuracy: 0.3, samplesUsed: 1, promptTokens: 10, generatedTokens: 50,
                                         flops: 2.5e12, kvCacheBytes: 3 * 1_048_576),
            ])])],
            difficulty: [ReportData.DifficultyBar(label: hostile, accuracy: 0.4, problems: 3)],
            notes: [hostile])
    }

    /// A synthetic run: `problems` problems with `samples` samples each; problem i is solved by each sample
    /// with probability ((i + 1)/(problems + 1))², drawn from a seeded generator.
    static func syntheticRun(id: Int64, task: String, problems: Int, samples: Int, seed: UInt64 = 1) -> ReportData.RunSamples {
        var records: [SampleRecord] = []
        var rng = AnalysisRNG(seed: seed)
        for problem in 0..<problems {
            let p = pow(Double(problem + 1) / Double(problems + 1), 2)
            for index in 0..<samples {
                let correct = rng.unitDouble() < p
                records.append(sample(problem, index, correct: correct, key: correct ? "ok" : "w\(index % 3)", tokens: 40 + index % 50))
            }
        }
        let configuration = configuration(task: task, samples: samples, problems: problems)
        return ReportData.RunSamples(run: storedRun(id: id, configuration: configuration, samples: records.count), samples: records)
    }
}
