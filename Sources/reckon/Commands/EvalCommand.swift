import ArgumentParser
import Engine
import Exact
import RemoteEngine
import Foundation
import Reasoning
import Store
import Tasks

/// `reckon eval`: generate samples for fresh problems, grade them, store them, and report what each strategy buys.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Spend test-time compute on verifiable problems and measure what it buys.",
        discussion: """
        Samples are generated per problem (each with its own derived seed), graded, and stored in the SQLite
        database as each problem completes. Running the same command again resumes: stored samples are kept and
        only the missing ones are generated, so an interrupted run ends with the same numbers as an uninterrupted
        one. Strategies (--strategy, repeatable; default: a standard set) are applied to the stored samples.
        With --mode online each strategy instead runs as it says on the local engine's live batch (short-m@k stops
        the slower samples, early stop stops drawing, adaptive allocation moves the budget between problems, a
        token budget truncates), and its tokens, forward passes, KV pages and wall time are measured; what it
        generated is stored next to the run's replay pool.
        Strategies: \(StrategyRegistry.names.joined(separator: ", ")).
        """)

    @Option(help: "Task family id (see `reckon tasks list`).") var task: String
    @Option(parsing: .upToNextOption, help: "Difficulty overrides k=v (e.g. digits=3).") var difficulty: [String] = []
    @Option(help: "Number of problems.") var problems: Int = 20
    @Option(help: "Samples generated per problem.") var samples: Int = 8
    @Option(name: .customLong("strategy"), help: "Strategy name[:param=value,...] (repeatable).") var strategies: [String] = []
    @Option(help: "k for strategies that take it (e.g. short-m@k, majority).") var k: Int?
    @Option(help: "m for short-m@k.") var m: Int?
    @Option(help: "Per-problem token budget for the budget strategy.") var budget: Int?
    @Option(help: "Confidence for early-stop and adaptive.") var confidence: Double?
    @OptionGroup var sampling: SamplingOptions
    @Option(help: "Prompt style: boxed (ask for \\boxed{}) or plain.") var promptStyle: String = "boxed"
    @Flag(help: "Send the prompt as raw text instead of a chat message.") var noChat = false
    @Option(help: "SQLite run database (\":memory:\" for none).") var db: String = "runs.sqlite"
    @Option(help: "OpenAI-compatible server base URL (e.g. http://127.0.0.1:8080/v1) instead of the local engine.")
    var endpoint: String?
    @Option(help: "Model name to ask the remote server for.") var modelName: String?
    @Option(help: "Remote API: completions or chat.") var api: String = "chat"
    @Option(name: .customLong("n"), help: "Samples per remote request (OpenAI's n); 1 keeps every sample regenerable alone.")
    var choicesPerRequest: Int = 1
    @Option(parsing: .unconditional, help: "Seconds one remote request may take (connecting, answer and body) before it counts as failed.")
    var timeout: Double = 120
    @Option(parsing: .unconditional, help: "Retries of a remote request after a connection error, timeout, HTTP 429 or 5xx (each printed).")
    var retries: Int = 3
    @Option(parsing: .unconditional, help: "Remote requests in flight at once (with --mode online: problems run at once).")
    var concurrency: Int = 4
    @Option(help: "replay: generate the whole pool and replay every strategy over it (estimated costs); online: run each strategy live and measure what it spends.")
    var mode: EvalMode = .replay
    @Option(help: "Samples drawn per wave by early stopping in online mode (1 generates exactly what the replay charges).")
    var wave: Int = 1
    @Option(help: "Output format: text or json (the full report).") var format: OutputFormat = .text
    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        let family = try TaskRegistry.standard.family(task)
        let overrides = try TaskSampling.parseOverrides(difficulty)
        _ = try family.difficulty(overrides)
        var specs = try strategies.map { try StrategySpec(parsing: $0) }
        if specs.isEmpty { specs = StrategyRegistry.defaultSpecs(samples: samples) }
        specs = specs.map(fillKnobs)
        for spec in specs { _ = try StrategyRegistry.resolve(spec) }

        var configuration = EvalConfiguration(
            task: family.id, taskVersion: family.version, difficulty: overrides, problems: problems, samples: samples,
            seed: sampling.seed, maxTokens: sampling.maxTokens(default: Self.defaultMaxTokens),
            sampling: try sampling.parameters(), stop: sampling.stops, promptStyle: promptStyle, chat: !noChat,
            model: "", strategies: specs)
        // Every count is checked before the model is loaded or anything is allocated.
        try configuration.validate()
        if mode == .online {
            try await runOnline(configuration, family: family)
            return
        }
        let (generator, costs) = try makeGenerator()
        configuration.model = generator.modelIdentifier
        let store: any SampleStore
        if db == ":memory:" {
            store = InMemorySampleStore()
        } else {
            let runStore = try RunStore(path: db)
            // Record the model file's SHA-256 with the run (the runner reopens the same run by its identity hash);
            // resuming with a different file under the same name is refused.
            if let engine = generator as? LocalEngine {
                let run = try runStore.openRun(configuration, reckonVersion: ReckonVersion.current,
                                               modelFileSHA256: SHA256Hasher.hex(engine.file.rawBytes))
                try runStore.saveCost(
                    Self.runCost(engine, context: configuration.maxTokens), run: run)
            }
            store = runStore
        }
        let runner = EvalRunner(generator: generator, family: family, configuration: configuration, store: store,
                                costs: costs, reckonVersion: ReckonVersion.current)
        let bar = ProgressLine()
        let report = try await runner.run { progress in bar.update(progress) }
        bar.finish()
        try printReport(report)
    }

    /// Prints a finished run's report in `--format`: one JSON line, or the text summary.
    func printReport(_ report: EvalReport) throws {
        switch format {
        case .json:
            print(try jsonLine(report))
        case .text:
            print(EvalSummary.render(report, database: db))
        }
    }

    /// Applies --k/--m/--budget/--confidence to every spec whose strategy takes that parameter and lacks it.
    func fillKnobs(_ spec: StrategySpec) -> StrategySpec {
        guard let entry = try? StrategyRegistry.entry(spec.name) else { return spec }
        var filled = spec
        let knobs: [(String, Double?)] = [("k", k.map(Double.init)), ("m", m.map(Double.init)),
                                          ("tokens", budget.map(Double.init)), ("confidence", confidence)]
        for (name, value) in knobs {
            if let value, filled.parameters[name] == nil, entry.parameters.contains(where: { $0.name == name }) {
                filled.parameters[name] = value
            }
        }
        return filled
    }

    /// Most tokens per sample when `--max-tokens` is not given (part of a run's identity: unchanged since the
    /// first runs).
    static let defaultMaxTokens = 256

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout must be a number of seconds in (0, 86400], got \(timeout)")
        }
        guard (0...100).contains(retries) else { throw ValidationError("--retries must be an integer in 0...100, got \(retries)") }
        guard (1...1024).contains(concurrency) else {
            throw ValidationError("--concurrency must be an integer in 1...1024, got \(concurrency)")
        }
        guard wave >= 1 && wave <= EvalConfiguration.maximumSamples else {
            throw ValidationError("--wave must be an integer in 1...\(EvalConfiguration.maximumSamples), got \(wave)")
        }
        if mode == .online && endpoint != nil {
            throw ValidationError("--mode online runs on the local engine's live batch, which can stop and fork "
                + "samples; a remote --endpoint cannot. Drop --endpoint, or use --mode replay with it")
        }
        guard (1...1024).contains(choicesPerRequest) else {
            throw ValidationError("--n must be an integer in 1...1024, got \(choicesPerRequest)")
        }
        if endpoint != nil {
            guard modelName != nil else { throw ValidationError("--endpoint needs --model-name (the server's model id)") }
            guard let remoteAPI = RemoteAPI(rawValue: api) else {
                throw ValidationError("--api must be completions or chat, got \(api)")
            }
            if remoteAPI == .completions && !noChat {
                throw ValidationError("--api completions takes raw text: add --no-chat, or use --api chat to send "
                    + "the prompt as a chat message")
            }
        }
    }

    func makeGenerator() throws -> (any TextGenerating, CostContext) {
        if let endpoint, let modelName, let remoteAPI = RemoteAPI(rawValue: api) {
            let limit = Duration.milliseconds(Int64((timeout * 1000).rounded()))
            // A server's Retry-After is honoured up to the timeout (at most 60 s): never a silent stall.
            let backoff = RemoteBackoff(maximumRetryAfter: min(limit, RemoteBackoff().maximumRetryAfter))
            return (RemoteGenerator(baseURL: endpoint, modelName: modelName, api: remoteAPI, timeout: limit,
                                    maxRetries: retries, backoff: backoff, maxConcurrency: concurrency,
                                    choicesPerRequest: choicesPerRequest, onRetry: Self.show), .tokensOnly)
        }
        let engine = try modelOptions.makeEngine()
        return (engine, try CostContext(shape: engine.model.shape))
    }
}

extension EvalCommand {
    /// Prints a retry of a remote request on standard error, on a line of its own.
    @Sendable static func show(_ retry: RemoteRetry) {
        printError(String(format: "\nretry %d/%d of %@ in %.1f s: %@", retry.retry, retry.maxRetries, retry.url,
                          Double(retry.delay.components.seconds) + Double(retry.delay.components.attoseconds) * 1e-18,
                          retry.reason))
    }
}

/// A one-line progress display on standard error, redrawn after each problem.
// Unchecked because of `lastWidth`: the runner calls its progress closure synchronously on its one running task
// (EvalRunner.run), so `update` is never called from two threads at once.
final class ProgressLine: @unchecked Sendable {
    private var lastWidth = 0

    func update(_ p: EvalProgress) {
        let fraction = Double(p.problemsDone) / Double(max(1, p.problemsTotal))
        let filled = Int(fraction * 24)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 24 - filled)
        let rate = p.elapsedSeconds > 0 ? Double(p.generatedTokens) / p.elapsedSeconds : 0
        let perProblem = p.problemsDone > 0 ? p.elapsedSeconds / Double(p.problemsDone) : 0
        let eta = perProblem * Double(p.problemsTotal - p.problemsDone)
        let line = String(format: "%@ %d/%d problems · %d/%d samples · %.1f tok/s · maj acc %.3f · ETA %@",
                          bar, p.problemsDone, p.problemsTotal, p.samplesDone, p.samplesTotal, rate,
                          p.majorityAccuracy, Self.duration(eta))
        let padding = String(repeating: " ", count: max(0, lastWidth - line.count))
        lastWidth = line.count
        FileHandle.standardError.write(Data(("\r" + line + padding).utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}

/// The human-readable end-of-run summary.
enum EvalSummary {
    static func render(_ report: EvalReport, database: String) -> String {
        var lines: [String] = []
        let c = report.configuration
        lines.append("run \(report.identityHash.prefix(12)) · \(c.task) \(c.difficulty.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")) · \(report.problems) problems × \(report.samplesPerProblem) samples · db \(database)")
        lines.append("")
        lines.append("strategy".padding(toLength: 28, withPad: " ", startingAt: 0) + "accuracy  samples  gen tokens      GFLOPs")
        for s in report.strategies {
            lines.append(s.label.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "%8.3f %8.2f %11.1f %11.2f", s.summary.accuracy, s.summary.meanSamplesUsed,
                         s.summary.meanGeneratedTokens, s.summary.meanFLOPs / 1e9))
        }
        let ks = [1, 2, 4, 8, 16, 32, 64, 128].filter { $0 <= report.samplesPerProblem }
        if !ks.isEmpty {
            lines.append("")
            lines.append("k          " + ks.map { String(format: "%7d", $0) }.joined())
            lines.append("coverage   " + ks.map { k in String(format: "%7.3f", report.passAtK.first { $0.k == k }?.value ?? .nan) }.joined())
            lines.append("majority   " + ks.map { k in String(format: "%7.3f", report.majorityAtK.first { $0.k == k }?.value ?? .nan) }.joined())
        }
        if report.strategies.contains(where: \.measured) {
            lines.append("")
            lines.append("measured online".padding(toLength: 28, withPad: " ", startingAt: 0)
                + "  wall s  fwd passes  peak KV pages")
            for s in report.strategies where s.measured {
                lines.append(s.label.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(format: "%8.2f %11.1f %14.1f", s.summary.wallSeconds ?? 0, s.summary.meanForwardPasses ?? 0,
                             s.summary.meanPeakKVPages ?? 0))
            }
        }
        if let fit = report.coverageFit {
            lines.append(String(format: "coverage fit c(k) ≈ exp(%.4f · k^%.4f), R² = %.4f", fit.a, fit.b, fit.rSquared))
        }
        return lines.joined(separator: "\n")
    }
}
