import ArgumentParser
import Engine
import Exact
import Foundation
import Reasoning
import Store
import Tasks

/// How `reckon eval` spends compute.
enum EvalMode: String, ExpressibleByArgument, CaseIterable {
    /// Generate the whole pool, replay every strategy over it.
    case replay
    /// Run each strategy live, measuring what it spends.
    case online
}

/// The live generator `reckon eval --mode online` runs on: the local engine's live batch (one dedicated thread,
/// paged KV shared between a problem's samples). The one place the CLI builds it.
func makeLiveGenerator(engine: LocalEngine) throws -> any LiveGenerating {
    LiveBatch(engine: engine)
}

extension EvalCommand {
    /// `--mode online`: each strategy runs on the local engine's live batch; the report says `measured`.
    func runOnline(_ configuration: EvalConfiguration, family: any TaskFamily) async throws {
        var configuration = configuration
        let engine = try modelOptions.makeEngine()
        let live = try makeLiveGenerator(engine: engine)
        configuration.model = live.modelIdentifier
        let store: any SampleStore & OnlineRecordStore
        if db == ":memory:" {
            store = InMemorySampleStore()
        } else {
            let runStore = try RunStore(path: db)
            _ = try runStore.openRun(configuration, reckonVersion: ReckonVersion.current,
                                     modelFileSHA256: SHA256Hasher.hex(engine.file.rawBytes))
            store = runStore
        }
        let runner = OnlineEvalRunner(
            live: live, family: family, configuration: configuration, store: store,
            costs: try CostContext(shape: engine.model.shape), wave: wave, problemsInFlight: concurrency,
            reckonVersion: ReckonVersion.current)
        let bar = OnlineProgressLine()
        let report = try await runner.run { progress in bar.update(progress) }
        bar.finish()
        try printReport(report)
    }
}

/// A one-line progress display of an online run on standard error, redrawn after each problem of each strategy.
// Unchecked because of `lastWidth`: the online runner calls its progress closure synchronously on its one running
// task (OnlineEvalRunner.run), so `update` is never called from two threads at once.
final class OnlineProgressLine: @unchecked Sendable {
    private var lastWidth = 0

    func update(_ p: OnlineProgress) {
        let fraction = Double(p.problemsDone) / Double(max(1, p.problemsTotal))
        let filled = Int(fraction * 24)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 24 - filled)
        let rate = p.elapsedSeconds > 0 ? Double(p.generatedTokens) / p.elapsedSeconds : 0
        let line = String(format: "strategy %d/%d %@ %@ %d/%d problems · %d/%d samples · %.1f tok/s · acc %.3f",
                          p.strategyIndex + 1, p.strategiesTotal, p.strategy, bar, p.problemsDone, p.problemsTotal,
                          p.samplesStarted, p.samplesMost, rate, p.accuracy)
        let padding = String(repeating: " ", count: max(0, lastWidth - line.count))
        lastWidth = line.count
        FileHandle.standardError.write(Data(("\r" + line + padding).utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}
