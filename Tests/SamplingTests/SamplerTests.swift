import Foundation
import Testing
@testable import Sampling

@Suite struct SamplerTests {
    let logits: [Float] = [Float(log(0.1)), Float(log(0.5)), Float(log(0.15)), Float(log(0.25))]

    @Test func greedyIsArgmax() throws {
        var sampler = try Sampler(.greedy)
        for _ in 0..<10 { #expect(try sampler.sample(logits: logits) == 1) }
    }

    @Test func sameSeedSameTokens() throws {
        let params = SamplingParameters(temperature: 1, topK: 0, topP: 1, minP: 0, seed: 1234)
        var a = try Sampler(params)
        var b = try Sampler(params)
        let first = try (0..<200).map { _ in try a.sample(logits: logits) }
        let second = try (0..<200).map { _ in try b.sample(logits: logits) }
        #expect(first == second)
        var c = try Sampler(SamplingParameters(temperature: 1, topK: 0, topP: 1, minP: 0, seed: 1235))
        #expect(try (0..<200).map { _ in try c.sample(logits: logits) } != first)
    }

    /// Frequencies over many draws match the softmax within 5 standard deviations.
    @Test(arguments: [(1.0, [0.1, 0.5, 0.15, 0.25]),
                      // temperature 0.5 squares the probabilities: 0.01, 0.25, 0.0225, 0.0625 → normalised
                      (0.5, [0.01 / 0.345, 0.25 / 0.345, 0.0225 / 0.345, 0.0625 / 0.345])])
    func frequenciesFollowDistribution(temperature: Double, expected: [Double]) throws {
        var sampler = try Sampler(SamplingParameters(temperature: temperature, topK: 0, topP: 1, minP: 0, seed: 99))
        let draws = 200_000
        var counts = [0, 0, 0, 0]
        for _ in 0..<draws { counts[try sampler.sample(logits: logits)] += 1 }
        for i in 0..<4 {
            let p = expected[i]
            let sigma = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(Double(counts[i]) / Double(draws) - p) < 5 * sigma + 1e-9, "token \(i)")
        }
    }

    @Test func topPAndMinPRestrictSupport() throws {
        var nucleus = try Sampler(SamplingParameters(temperature: 1, topK: 0, topP: 0.7, minP: 0, seed: 3))
        var seen = Set<Int>()
        for _ in 0..<2000 { seen.insert(try nucleus.sample(logits: logits)) }
        #expect(seen == [1, 3])
        var minP = try Sampler(SamplingParameters(temperature: 1, topK: 0, topP: 1, minP: 0.25, seed: 3))
        seen = []
        for _ in 0..<2000 { seen.insert(try minP.sample(logits: logits)) }
        #expect(seen == [1, 3, 2])
        var topK = try Sampler(SamplingParameters(temperature: 1, topK: 1, topP: 1, minP: 0, seed: 3))
        for _ in 0..<100 { #expect(try topK.sample(logits: logits) == 1) }
    }

    @Test func repetitionPenaltyCanChangeTheGreedyChoice() throws {
        var sampler = try Sampler(SamplingParameters(temperature: 0, repetitionPenalty: 10, penaltyWindow: 4))
        // token 1 (logit log 0.5 < 0) is multiplied by 10 when seen, dropping below token 3
        #expect(try sampler.sample(logits: logits, history: [1]) == 3)
        // outside the window it is not penalised
        #expect(try sampler.sample(logits: logits, history: [1, 5, 5, 5, 5]) == 1)
    }

    @Test func invalidParametersAreRejectedWithTheirName() {
        #expect(throws: SamplingError.self) { try Sampler(SamplingParameters(temperature: -1)) }
        do {
            _ = try Sampler(SamplingParameters(topP: 0))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("top-p"))
        }
        #expect(throws: SamplingError.noFiniteLogits(count: 2)) {
            var s = try Sampler(.greedy)
            _ = try s.sample(logits: [.nan, .nan])
        }
    }

    @Test func logProbabilityIsNormalised() {
        let total = (0..<4).map { exp(LogProbability.of($0, logits: logits)) }.reduce(0, +)
        #expect(abs(total - 1) < 1e-12)
        #expect(abs(LogProbability.of(1, logits: logits) - log(0.5)) < 1e-6)
    }
}
