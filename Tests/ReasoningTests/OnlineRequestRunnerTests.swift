import Engine
import Foundation
import Sampling
import TestSupport
import Testing
@testable import Reasoning

/// Server requests answered by online strategies (the reasoning extension) on the scripted live double: the named
/// strategy decides, the token budget caps what is generated, and bad parameters name themselves.
@Suite struct OnlineRequestRunnerTests {
    /// "4" is the common answer (long, 12 tokens), "5" the rare one (short, 3 tokens), "7" in between (6 tokens).
    static let answers = [
        ScriptedGenerator.Answer("so the answer is 4", weight: 5, generatedTokens: 12),
        ScriptedGenerator.Answer("the answer is 5", weight: 2, generatedTokens: 3),
        ScriptedGenerator.Answer("the answer is 7", weight: 2, generatedTokens: 6),
    ]
    static let scripted = ScriptedGenerator(answersByPrompt: ["q": answers])
    static let request = GenerationRequest(prompt: .text("q"), maxTokens: 32, sampling: SamplingParameters())
    static let seed: UInt64 = 42

    /// The scripted answer sample `j` of problem 0 draws (independently of the executors).
    static func drawn(_ sample: Int) -> Int {
        ScriptedGenerator.choose(seed: SampleSeed.derive(runSeed: seed, problem: 0, sample: sample),
                                 weights: answers.map(\.weight))!
    }

    static func run(_ runner: OnlineRequestRunner) async throws -> (OnlineAnswer, ScriptedLiveGenerator) {
        let live = ScriptedLiveGenerator(scripted)
        let session = live.makeSession()
        defer { session.close() }
        let answers = try await runner.answer([request], seed: seed, in: session)
        return (answers[0], live)
    }

    @Test func majorityVotesOverEverySample() async throws {
        let runner = try OnlineRequestRunner(strategy: "majority", samples: 8, tokenBudget: nil)
        let (answer, live) = try await Self.run(runner)
        var counts = [0, 0, 0]
        for j in 0..<8 { counts[Self.drawn(j)] += 1 }
        let keys = ["4", "5", "7"]
        let winner = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        #expect(counts.filter { $0 == counts[winner] }.count == 1, "the seeds should not tie: \(counts)")
        #expect(answer.answer == keys[winner])
        #expect(answer.chosen?.text == Self.answers[winner].text)
        #expect(answer.votes == Dictionary(uniqueKeysWithValues: zip(keys, counts).filter { $0.1 > 0 }))
        #expect(answer.samplesStarted == 8 && answer.samplesComplete == 8 && answer.samplesStopped == 0)
        let tokens = (0..<8).reduce(0) { $0 + Self.answers[Self.drawn($1)].generatedTokens }
        #expect(answer.generatedTokens == tokens && live.ledger.generatedTokens == tokens)
        #expect(runner.label == "majority:k=8")
    }

    @Test func shortOneOfKAnswersWithTheFirstFinisherAndStopsTheRest() async throws {
        let runner = try OnlineRequestRunner(strategy: "short-m-at-k", samples: 8, tokenBudget: nil, m: 1)
        let (answer, _) = try await Self.run(runner)
        let drawn = (0..<8).map(Self.drawn)
        let shortest = drawn.min { Self.answers[$0].generatedTokens < Self.answers[$1].generatedTokens }!
        #expect(answer.answer == ["4", "5", "7"][shortest])
        #expect(answer.samplesStarted == 8)
        // Only the samples as short as the shortest ended; every other one was stopped.
        let finishers = drawn.filter { Self.answers[$0].generatedTokens == Self.answers[shortest].generatedTokens }.count
        #expect(answer.samplesComplete == finishers && answer.samplesStopped == 8 - finishers)
        // The finishers end by end of sequence one step after their last token (a decision without a token); every
        // other sample took a token in each of those steps before it was stopped.
        let g = Self.answers[shortest].generatedTokens
        #expect(answer.generatedTokens == finishers * g + (8 - finishers) * (g + 1))
    }

    @Test func theTokenBudgetCapsEverySampleTogether() async throws {
        for budget in [1, 7, 20, 25, 40] {
            let runner = try OnlineRequestRunner(strategy: "majority", samples: 8, tokenBudget: budget)
            let (answer, live) = try await Self.run(runner)
            #expect(answer.generatedTokens <= budget && live.ledger.generatedTokens <= budget, "budget \(budget)")
            #expect(answer.stoppedByBudget > 0 && answer.samplesStopped == answer.stoppedByBudget)
            // 8 samples in lockstep: the budget stops them when fewer tokens are left than samples are live.
            #expect(answer.generatedTokens > budget - 8, "budget \(budget) was not used")
        }
        // The budget strategy draws samples one at a time within the budget.
        let budgeted = try OnlineRequestRunner(strategy: "budget", samples: 8, tokenBudget: 20)
        let (answer, live) = try await Self.run(budgeted)
        #expect(answer.generatedTokens <= 20 && live.ledger.generatedTokens <= 20)
        var spent = 0, complete = 0
        for j in 0..<8 {
            let tokens = Self.answers[Self.drawn(j)].generatedTokens
            guard spent + tokens <= 20 else { break }
            spent += tokens
            complete += 1
        }
        #expect(answer.samplesComplete == complete)
        #expect(budgeted.label == "budget:k=8,tokens=20")
    }

    /// Adaptive allocation across a request's prompts: a first round of half the mean on each, then the rest of
    /// the request's samples where the rule puts them; a unanimous prompt settles and gets no more.
    @Test func adaptiveAllocatesAcrossThePrompts() async throws {
        let scripted = ScriptedGenerator(answersByPrompt: [
            "q": Self.answers, "easy": [ScriptedGenerator.Answer("the answer is 9", generatedTokens: 5)],
        ])
        let live = ScriptedLiveGenerator(scripted)
        let session = live.makeSession()
        defer { session.close() }
        let runner = try OnlineRequestRunner(strategy: "adaptive", samples: 6, tokenBudget: nil, confidence: 0.9)
        #expect(runner.label.hasPrefix("adaptive:") && runner.label.contains("first=3") && runner.label.contains("samples=6"))
        #expect(runner.mostLiveSequences(prompts: 3) == 18)
        let requests = ["easy", "q", "easy"].map {
            GenerationRequest(prompt: .text($0), maxTokens: 32, sampling: SamplingParameters())
        }
        let answers = try await runner.answer(requests, seed: Self.seed, in: session)
        #expect(answers.map(\.answer) == ["9", answers[1].answer, "9"])
        #expect(answers.allSatisfy { $0.samplesStarted >= 3 && $0.samplesComplete == $0.samplesStarted })
        #expect(answers.reduce(0) { $0 + $1.samplesStarted } <= 18)
        // The disputed prompt gets more samples than the unanimous ones, and its answer is its majority.
        #expect(answers[1].samplesStarted > answers[0].samplesStarted)
        let votes = answers[1].votes
        #expect(votes[answers[1].answer ?? ""] == votes.values.max())
        #expect(live.ledger.generatedTokens == answers.reduce(0) { $0 + $1.generatedTokens })
    }

    @Test func badParametersNameTheField() {
        func failure(_ make: () throws(ReasoningError) -> OnlineRequestRunner) -> ReasoningError? {
            do { _ = try make() } catch { return error }
            return nil
        }
        guard case .unknownStrategy(_, "majority", _)? = failure({ () throws(ReasoningError) in
            try OnlineRequestRunner(strategy: "majorty", samples: 4, tokenBudget: nil)
        }) else { Issue.record("a misspelt strategy is unknown, with a suggestion"); return }
        guard case .invalidConfiguration(field: "strategy", _, _)? = failure({ () throws(ReasoningError) in
            try OnlineRequestRunner(strategy: "best-of-n", samples: 4, tokenBudget: nil)
        }) else { Issue.record("best-of-n needs a verifier"); return }
        guard case .invalidStrategyParameter(_, parameter: "m", _, _)? = failure({ () throws(ReasoningError) in
            try OnlineRequestRunner(strategy: "short-m-at-k", samples: 4, tokenBudget: nil, m: 5)
        }) else { Issue.record("m > samples"); return }
        guard case .invalidStrategyParameter(_, parameter: "tokens", _, _)? = failure({ () throws(ReasoningError) in
            try OnlineRequestRunner(strategy: "budget", samples: 4, tokenBudget: nil)
        }) else { Issue.record("budget needs a token budget"); return }
        guard case .invalidStrategyParameter(_, parameter: "k", _, _)? = failure({ () throws(ReasoningError) in
            try OnlineRequestRunner(strategy: "majority", samples: 0, tokenBudget: nil)
        }) else { Issue.record("0 samples"); return }
        guard case .invalidStrategyParameter(_, parameter: "confidence", _, _)? = failure({ () throws(ReasoningError) in
            try OnlineRequestRunner(strategy: "early-stop", samples: 4, tokenBudget: nil, confidence: 1.2)
        }) else { Issue.record("confidence ≥ 1"); return }
        guard case .unknownStrategyParameter(_, parameter: "m", _)? = failure({ () throws(ReasoningError) in
            try OnlineRequestRunner(strategy: "majority", samples: 4, tokenBudget: nil, m: 2)
        }) else { Issue.record("m belongs to short-m-at-k"); return }
    }
}
