import Engine
import Tasks

/// Checks the online = replay invariant on any pair of generators for the same model: every strategy run online
/// must choose exactly the answer its replay computes from the same seeds, and generate no more tokens than the
/// replay charges; every sample the online run completed must equal the replay pool's sample with the same seed,
/// and every sample it stopped must hold no more tokens than that sample has. The replay pool is generated with
/// `generator` (``EvalRunner``), the online run uses `live` (``OnlineEvalRunner``), each with its own in-memory
/// store.
public enum OnlineReplayCheck {
    /// Both reports and every violation found (empty when the invariant holds).
    public struct Comparison: Sendable {
        public var replay: EvalReport
        public var online: EvalReport
        /// One line per violation, naming the strategy, the problem and the values.
        public var violations: [String]
    }

    public static func compare(
        live: any LiveGenerating, generator: any TextGenerating, family: any TaskFamily,
        configuration: EvalConfiguration, costs: CostContext = .tokensOnly, wave: Int = 1, problemsInFlight: Int = 1
    ) async throws(ReasoningError) -> Comparison {
        let replayStore = InMemorySampleStore()
        let replay = try await EvalRunner(
            generator: generator, family: family, configuration: configuration, store: replayStore, costs: costs).run()
        let onlineStore = InMemorySampleStore()
        let online = try await OnlineEvalRunner(
            live: live, family: family, configuration: configuration, store: onlineStore, costs: costs, wave: wave,
            problemsInFlight: problemsInFlight).run()
        var violations: [String] = []
        for (replayed, measured) in zip(replay.strategies, online.strategies) {
            let label = replayed.label
            guard replayed.label == measured.label, replayed.outcomes.count == measured.outcomes.count else {
                violations.append("\(label): the online report has \(measured.label) with \(measured.outcomes.count) outcomes")
                continue
            }
            for (problem, (a, b)) in zip(replayed.outcomes, measured.outcomes).enumerated() {
                if a.answerKey != b.answerKey || a.correct != b.correct {
                    violations.append("\(label) problem \(problem): replay answers \(a.answerKey ?? "nothing") "
                        + "(correct \(a.correct)), online \(b.answerKey ?? "nothing") (correct \(b.correct))")
                }
                if b.generatedTokens > a.generatedTokens {
                    violations.append("\(label) problem \(problem): online generated \(b.generatedTokens) tokens, "
                        + "more than the replay's \(a.generatedTokens)")
                }
            }
        }
        let pool = (try? replayStore.samples(run: 1)) ?? []
        var poolByKey: [String: SampleRecord] = [:]
        for sample in pool { poolByKey["\(sample.problem)/\(sample.sample)"] = sample }
        for record in (try? onlineStore.onlineRecords(run: 1)) ?? [] {
            for sample in record.samples {
                guard let replayed = poolByKey["\(sample.problem)/\(sample.sample)"] else {
                    violations.append("\(record.strategy) problem \(sample.problem): sample \(sample.sample) is not in the replay pool")
                    continue
                }
                if sample.finishReason == FinishReason.stopped.rawValue {
                    if sample.generatedTokens > replayed.generatedTokens || sample.seed != replayed.seed {
                        violations.append("\(record.strategy) problem \(sample.problem): stopped sample \(sample.sample) "
                            + "holds \(sample.generatedTokens) tokens, the replay's has \(replayed.generatedTokens)")
                    }
                } else if sample != replayed {
                    violations.append("\(record.strategy) problem \(sample.problem): sample \(sample.sample) differs "
                        + "online (\(sample.generatedTokens) tokens, \(sample.finishReason)) from the replay "
                        + "(\(replayed.generatedTokens) tokens, \(replayed.finishReason))")
                }
            }
        }
        return Comparison(replay: replay, online: online, violations: violations)
    }
}
