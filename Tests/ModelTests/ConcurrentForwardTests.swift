import Foundation
import Synchronization
import Testing
@testable import Model

/// `LanguageModel` promises that one model may be shared between threads: several threads running `forward` at once
/// on one tiny model (one worker pool) must each get exactly the logits a lone call gets, which match the oracle.
@Suite struct ConcurrentForwardTests {
    @Test func threadsSharingOneModelGetTheLoneCallLogits() throws {
        let entry = try #require(try TinyModelTests.golden().models.first)
        let model = try TinyModelTests.load(entry.file, threads: 2)
        let sequences = entry.sequences
        let vocabulary = model.shape.vocabularySize
        // Lone calls first: the reference each concurrent call must reproduce bit for bit.
        var loneCalls: [[[Float]]] = []
        for sequence in sequences {
            let logits = try model.forward(sequence.tokens, cache: model.makeCache(capacity: 64), logits: .all)
            for (position, row) in logits.enumerated() {
                let expected = Array(sequence.logits[position * vocabulary..<(position + 1) * vocabulary])
                #expect(TinyModelTests.relativeError(row, expected) < 1e-4, "\(sequence.name) position \(position)")
            }
            loneCalls.append(logits)
        }
        let lone = loneCalls
        let callers = 4, rounds = 40
        let mismatches = Mutex<[String]>([])
        runOnSeparateThreads(callers) { caller in
            for round in 0..<rounds {
                let index = (caller + round) % sequences.count
                let cache = model.makeCache(capacity: 64)
                let result: String?
                do {
                    let logits = try model.forward(sequences[index].tokens, cache: cache, logits: .all)
                    result = logits == lone[index] ? nil : "caller \(caller) round \(round): \(sequences[index].name) differs"
                } catch {
                    result = "caller \(caller) round \(round): \(error)"
                }
                if let result { mismatches.withLock { $0.append(result) } }
            }
        }
        let found = mismatches.withLock { $0 }
        #expect(found.isEmpty, "\(found.prefix(5))")
    }
}
