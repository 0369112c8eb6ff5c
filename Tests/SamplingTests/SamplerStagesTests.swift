import Foundation
import Testing
@testable import Sampling

@Suite struct SamplerStagesTests {
    let logits: [Float] = [Float(log(0.1)), Float(log(0.5)), Float(log(0.15)), Float(log(0.25))]

    @Test func argmaxPicksLargestAndLowestIndexOnTies() {
        #expect(SamplerStages.argmax(logits) == 1)
        #expect(SamplerStages.argmax([1, 3, 3, 2]) == 1)
        #expect(SamplerStages.argmax([.nan, -.infinity, -5]) == 2)
        #expect(SamplerStages.argmax([.nan]) == nil)
    }

    @Test func repetitionPenaltyDividesPositiveAndMultipliesNegative() {
        var values: [Float] = [2, -2, 4, 1]
        SamplerStages.applyRepetitionPenalty(&values, recent: [0, 1, 1, 9], penalty: 2)
        #expect(values == [1, -4, 4, 1])
    }

    @Test func topKKeepsTheLargestInOrder() {
        let kept = SamplerStages.topK(logits, k: 2)
        #expect(kept.map(\.id) == [1, 3])
        #expect(SamplerStages.topK([1, 5, 5, 2], k: 2).map(\.id) == [1, 2])
        #expect(SamplerStages.topK(logits, k: 10).map(\.id) == [1, 3, 2, 0])
    }

    @Test func topPKeepsShortestPrefixReachingMass() {
        let sorted = SamplerStages.sortedCandidates(logits)
        // probabilities 0.5, 0.25, 0.15, 0.1
        #expect(SamplerStages.topP(sorted, p: 0.5).map(\.id) == [1])
        #expect(SamplerStages.topP(sorted, p: 0.7).map(\.id) == [1, 3])
        #expect(SamplerStages.topP(sorted, p: 0.85).map(\.id) == [1, 3, 2])
        #expect(SamplerStages.topP(sorted, p: 1).map(\.id) == [1, 3, 2, 0])
    }

    @Test func minPKeepsRelativeToTop() {
        let sorted = SamplerStages.sortedCandidates(logits)
        // top 0.5: min-p 0.4 keeps p ≥ 0.2 → {0.5, 0.25}; min-p 0.25 keeps p ≥ 0.125 → adds 0.15
        #expect(SamplerStages.minP(sorted, minP: 0.4).map(\.id) == [1, 3])
        #expect(SamplerStages.minP(sorted, minP: 0.25).map(\.id) == [1, 3, 2])
    }

    @Test func drawFollowsCumulativeMass() {
        let sorted = SamplerStages.sortedCandidates(logits)
        #expect(SamplerStages.draw(sorted, uniform: 0.0) == 1)
        #expect(SamplerStages.draw(sorted, uniform: 0.49) == 1)
        #expect(SamplerStages.draw(sorted, uniform: 0.51) == 3)
        #expect(SamplerStages.draw(sorted, uniform: 0.80) == 2)
        #expect(SamplerStages.draw(sorted, uniform: 0.95) == 0)
    }
}
