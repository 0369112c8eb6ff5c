import Engine
import Hummingbird
import HummingbirdTesting
import RemoteEngine
import Reasoning
import Tasks
import Testing
import TestSupport
@testable import Serve

/// `reckon eval --endpoint` against `reckon serve` stores the same samples as `reckon eval` on the local engine with
/// the same run seed: the remote client sends each sample's own seed with `n` = 1 (as `eval --endpoint` does by
/// default), and the server samples choice 0 of a request with the request's seed itself (``ChoiceSeeds``), exactly
/// as the local engine samples with that seed. Eval's per-sample seeds use all 64 bits, so about half of them are
/// above `Int64.max`: the server must take them as they are.
@Suite(.serialized, .enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"))
struct EvalEndpointTests {
    @Test func remoteEvalThroughTheServerStoresTheLocalEnginesSamples() async throws {
        let engine = try LocalEngine(path: DefaultModel.require(), threads: 2, contextLength: 512)
        let family = try TaskRegistry.standard.family("arithmetic")
        // Eval's own sampling defaults (temperature 0.8, top-k 40, top-p 0.95, min-p 0.05): seeds matter.
        let configuration = EvalConfiguration(
            task: family.id, problems: 2, samples: 3, seed: 7, maxTokens: 16, temperature: 0.8, model: "test",
            strategies: [StrategySpec(name: "majority")])

        let local = InMemorySampleStore()
        _ = try await EvalRunner(generator: engine, family: family, configuration: configuration, store: local).run()
        let localSamples = try local.samples(run: 1)

        let batch = LiveBatch(engine: engine, maxSequences: 8)
        let handler = ServeHandler(batch: batch, options: ServeOptions(modelName: "reckon"))
        let app = Application(router: handler.makeRouter(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let remote = InMemorySampleStore()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // What `reckon eval --endpoint URL --model-name reckon` builds (api chat, n 1, concurrency 4, logprobs).
            let generator = RemoteGenerator(baseURL: "http://127.0.0.1:\(port)/v1", modelName: "reckon", api: .chat,
                                            timeout: .seconds(120), maxRetries: 0, maxConcurrency: 4,
                                            requestsLogProbabilities: true)
            do {
                _ = try await EvalRunner(generator: generator, family: family, configuration: configuration,
                                         store: remote).run()
            } catch {
                Issue.record("the remote eval failed: \(error)")
            }
            // Requests the client gave up on (after a failure) finish before the server is shut down.
            for _ in 0..<1500 where handler.gate.admittedSequences > 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        let remoteSamples = try remote.samples(run: 1)

        #expect(localSamples.count == 6 && remoteSamples.count == 6)
        #expect(localSamples.contains { $0.seed > UInt64(Int64.max) }, "no seed above Int64.max: pick another run seed")
        for problem in 0..<2 {
            let texts = Set(localSamples.filter { $0.problem == problem }.map(\.text))
            #expect(texts.count > 1, "problem \(problem)'s samples are all equal: the seeds are not exercised")
        }
        for (mine, theirs) in zip(localSamples, remoteSamples) {
            var expected = mine
            expected.meanLogProbability = theirs.meanLogProbability  // compared below: it crossed JSON as decimals
            #expect(theirs == expected, "problem \(mine.problem) sample \(mine.sample)")
            #expect(abs(theirs.meanLogProbability - mine.meanLogProbability) <= 1e-5 * max(1, abs(mine.meanLogProbability)),
                    "problem \(mine.problem) sample \(mine.sample): mean log-probability \(theirs.meanLogProbability) vs \(mine.meanLogProbability)")
        }
        #expect(batch.metrics.pagesInUse == 0)
    }
}
