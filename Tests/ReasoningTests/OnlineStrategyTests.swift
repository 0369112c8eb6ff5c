import Engine
import Foundation
import Tasks
import TestSupport
import Testing
@testable import Reasoning

/// Strategies executed online on the scripted live double: the online = replay invariant, ties included, and what
/// is really generated and measured.
@Suite struct OnlineStrategyTests {
    static let strategies = [
        "short-m-at-k:m=1", "short-m-at-k:m=3", "short-m-at-k:k=4,m=2", "early-stop:confidence=0.9",
        "early-stop:confidence=0.8,min=2", "adaptive:first=2,samples=4", "adaptive:first=3,samples=5,rounds=2",
        "budget:tokens=20", "budget:tokens=33,k=5", "majority", "majority:k=3", "single", "best-of-n:k=4",
        "weighted-logprob", "pass-at-k",
    ]

    @Test func everyStrategyOnlineAnswersAsItsReplayAndGeneratesNoMore() async throws {
        let configuration = OnlineFixtures.configuration(strategies: Self.strategies)
        let scripted = OnlineFixtures.mixed(configuration)
        let live = ScriptedLiveGenerator(scripted)
        let comparison = try await OnlineReplayCheck.compare(
            live: live, generator: scripted, family: OnlineFixtures.family, configuration: configuration)
        #expect(comparison.violations.isEmpty, "\(comparison.violations.joined(separator: "\n"))")
        #expect(comparison.online.strategies.map(\.label) == comparison.replay.strategies.map(\.label))
        // Wave 1 and the lockstep make every strategy generate exactly what its replay charges, and start the same
        // samples.
        for (replayed, online) in zip(comparison.replay.strategies, comparison.online.strategies) {
            #expect(online.measured && !replayed.measured)
            #expect(online.outcomes.map(\.generatedTokens) == replayed.outcomes.map(\.generatedTokens), "\(online.label)")
            #expect(online.outcomes.map(\.samplesUsed) == replayed.outcomes.map(\.samplesUsed), "\(online.label)")
        }
        // The double generated nothing beyond what the online outcomes count: stopped samples took no more steps.
        let counted = comparison.online.strategies.flatMap(\.outcomes).reduce(0) { $0 + $1.generatedTokens }
        #expect(live.ledger.generatedTokens == counted)
        // Stopping saves: short-1@8 generates less than the whole pool.
        let pool = comparison.replay.strategies.first { $0.label == "majority" }!.summary.meanGeneratedTokens
        let short = comparison.online.strategies.first { $0.label == "short-m-at-k:m=1" }!.summary.meanGeneratedTokens
        #expect(short < pool)
    }

    @Test func problemsRunConcurrentlyDecideAsTheyDoOneByOne() async throws {
        let configuration = OnlineFixtures.configuration(
            strategies: ["short-m-at-k:m=2", "adaptive:first=2,samples=5,rounds=3", "budget:tokens=25", "early-stop"])
        let scripted = OnlineFixtures.mixed(configuration)
        let live = ScriptedLiveGenerator(scripted)
        let comparison = try await OnlineReplayCheck.compare(
            live: live, generator: scripted, family: OnlineFixtures.family, configuration: configuration,
            problemsInFlight: 5)
        #expect(comparison.violations.isEmpty, "\(comparison.violations.joined(separator: "\n"))")
        for (replayed, online) in zip(comparison.replay.strategies, comparison.online.strategies) {
            #expect(online.outcomes.map(\.generatedTokens) == replayed.outcomes.map(\.generatedTokens), "\(online.label)")
        }
    }

    @Test func theFixtureReallyMeetsTiesBetweenEndOfSequenceAndStopStrings() throws {
        // Independent of the executors: in some problem, a sample ending by end of sequence after g tokens has a
        // smaller index than one ending by a stop string after the same g, and both are among the shortest.
        let configuration = OnlineFixtures.configuration(strategies: [])
        let scripted = OnlineFixtures.mixed(configuration)
        var ties = 0
        for (problem, instance) in OnlineFixtures.instances(configuration).enumerated() {
            let request = configuration.request(for: instance)
            let results = (0..<8).map {
                scripted.result(for: request, seed: SampleSeed.derive(runSeed: configuration.seed, problem: problem, sample: $0))
            }
            let shortest = results.map(\.generatedTokenCount).min()!
            if let eos = results.firstIndex(where: { $0.generatedTokenCount == shortest && $0.finishReason == .endOfSequence }),
               results.indices.contains(where: { $0 > eos && results[$0].generatedTokenCount == shortest && results[$0].finishReason == .stop }) {
                ties += 1
            }
        }
        #expect(ties >= 2)
    }

    @Test func earlyStopInWavesAnswersAsTheReplayAndMayGenerateMore() async throws {
        let configuration = OnlineFixtures.configuration(strategies: ["early-stop:confidence=0.9", "early-stop:confidence=0.8,min=2"])
        let scripted = OnlineFixtures.mixed(configuration)
        let comparison = try await OnlineReplayCheck.compare(
            live: ScriptedLiveGenerator(scripted), generator: scripted, family: OnlineFixtures.family,
            configuration: configuration, wave: 3)
        let answerViolations = comparison.violations.filter { !$0.contains("more than the replay") && !$0.contains("stopped sample") }
        #expect(answerViolations.isEmpty, "\(answerViolations)")
        for (replayed, online) in zip(comparison.replay.strategies, comparison.online.strategies) {
            #expect(online.outcomes.map(\.answerKey) == replayed.outcomes.map(\.answerKey))
            #expect(online.summary.meanGeneratedTokens >= replayed.summary.meanGeneratedTokens)
        }
    }

    @Test func earlyStopOnUnanimousSamplesStopsAfterFourAndMeasuresItsSteps() async throws {
        // Every sample answers correctly in 7 tokens by a stop string. After t unanimous votes the confidence is
        // 1 − 2^-(t+1): 0.9375 at t = 3, 0.96875 at t = 4 ≥ 0.95 (the budget of 8 alone would need t ≥ 5). So 4
        // samples, one at a time: 28 tokens, 1 prefill + 4 · 7 steps = 29 forward passes, prompt 16 tokens once.
        let configuration = OnlineFixtures.configuration(problems: 2, strategies: ["early-stop"])
        let live = ScriptedLiveGenerator(OnlineFixtures.uniform(configuration, tokens: 7, finish: .stop))
        let report = try await OnlineFixtures.online(live, configuration)
        for outcome in report.strategies[0].outcomes {
            #expect(outcome.correct && outcome.samplesUsed == 4 && outcome.generatedTokens == 28)
            #expect(outcome.measured?.forwardPasses == 29 && outcome.measured?.promptTokens == 16)
            #expect(outcome.measured?.generatedTokens == 28 && outcome.promptTokens == 16)
        }
        #expect(report.strategies[0].summary.meanForwardPasses == 29)
        #expect(report.strategies[0].summary.wallSeconds != nil)
    }

    @Test func shortMAtKOnSimultaneousFinishersStopsNothingAndVotesTheFirstIndices() async throws {
        // k = 4, m = 2, every sample 6 tokens by end of sequence: all four end at step 7 with 6 tokens; 24 tokens,
        // 1 prefill + 7 steps = 8 forward passes.
        let configuration = OnlineFixtures.configuration(problems: 1, strategies: ["short-m-at-k:k=4,m=2"])
        let live = ScriptedLiveGenerator(OnlineFixtures.uniform(configuration, tokens: 6, finish: .endOfSequence))
        let outcome = try await OnlineFixtures.online(live, configuration).strategies[0].outcomes[0]
        #expect(outcome.correct && outcome.samplesUsed == 4 && outcome.generatedTokens == 24)
        #expect(outcome.measured?.forwardPasses == 8)
    }

    @Test func aTokenBudgetStopsTheSampleItRunsOutIn() async throws {
        // Budget 20, samples of 7 tokens by end of sequence (8 decisions): 7 + 7 complete, the third is stopped
        // after the 6 tokens left. 20 tokens, 3 samples, 1 + 8 + 8 + 6 = 23 forward passes; the store keeps the
        // stopped sample with its 6 tokens.
        let configuration = OnlineFixtures.configuration(problems: 1, strategies: ["budget:tokens=20"])
        let live = ScriptedLiveGenerator(OnlineFixtures.uniform(configuration, tokens: 7, finish: .endOfSequence))
        let store = InMemorySampleStore()
        let outcome = try await OnlineFixtures.online(live, configuration, store: store).strategies[0].outcomes[0]
        #expect(outcome.correct && outcome.samplesUsed == 3 && outcome.generatedTokens == 20)
        #expect(outcome.measured?.forwardPasses == 23)
        let record = try #require(try store.onlineRecords(run: 1).first)
        #expect(record.strategy == "budget:tokens=20" && record.problem == 0 && record.outcome == outcome)
        #expect(record.samples.map(\.finishReason) == ["eos", "eos", "stopped"])
        #expect(record.samples.map(\.generatedTokens) == [7, 7, 6])
        let third = SampleSeed.derive(runSeed: configuration.seed, problem: 0, sample: 2)
        #expect(live.ledger.steps(seed: third) == 6)
    }

    @Test func theOnlineReportKeepsTheJSONShapeAndSaysMeasured() async throws {
        let configuration = OnlineFixtures.configuration(problems: 2, strategies: ["majority:k=2"])
        let report = try await OnlineFixtures.online(
            ScriptedLiveGenerator(OnlineFixtures.uniform(configuration, tokens: 3, finish: .stop)), configuration)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        let strategy = (json["strategies"] as! [[String: Any]])[0]
        #expect(strategy["measured"] as? Bool == true)
        #expect(strategy["label"] as? String == "majority:k=2" && strategy["spec"] != nil)
        let summary = strategy["summary"] as! [String: Any]
        #expect(summary["wallSeconds"] is Double && summary["accuracy"] as? Double == 1)
        let outcome = (strategy["outcomes"] as! [[String: Any]])[0]
        #expect(outcome["answerKey"] != nil && outcome["correct"] as? Bool == true && outcome["generatedTokens"] as? Int == 6)
        #expect((outcome["measured"] as? [String: Any])?["forwardPasses"] as? Int == 4)
    }
}
