import Foundation
import Testing
@testable import Sampling

/// `TokenLogProbabilities.of` against a brute force: every token's log-softmax, sorted.
@Suite struct TokenLogProbabilitiesTests {
    /// log softmax by sorting the whole distribution (independent of the partial selection under test).
    static func bruteForce(_ logits: [Float]) -> [(token: Int, value: Double)] {
        let values = logits.map(Double.init)
        let largest = values.max()!
        let logTotal = log(values.reduce(0) { $0 + exp($1 - largest) }) + largest
        return values.enumerated().map { ($0.offset, $0.element - logTotal) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.token < $1.token }
    }

    @Test(arguments: [0, 1, 5, 20, 300])
    func topKMatchesTheSortedDistribution(k: Int) {
        var generator = SeededGenerator(seed: 11)
        let logits = (0..<257).map { _ in Float.random(in: -8...8, using: &generator) }
        let expected = Self.bruteForce(logits)
        for chosen in [0, 17, 256] {
            let reported = TokenLogProbabilities.of(chosen, top: k, logits: logits)
            #expect(reported.top.map(\.token) == expected.prefix(min(k, logits.count)).map(\.token))
            for (entry, reference) in zip(reported.top, expected) {
                #expect(abs(entry.logProbability - reference.value) < 1e-12)
            }
            #expect(reported.chosen.token == chosen)
            #expect(reported.chosen.logProbability == LogProbability.of(chosen, logits: logits))
            #expect(reported.top.reduce(0) { $0 + exp($1.logProbability) } <= 1 + 1e-12)
        }
    }

    @Test func tiesKeepTheLowerIDFirst() {
        let logits: [Float] = [1, 3, 3, 2, 3]
        #expect(TokenLogProbabilities.of(0, top: 4, logits: logits).top.map(\.token) == [1, 2, 4, 3])
    }
}
