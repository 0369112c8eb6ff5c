import Testing
import Tokenizer

@Suite("Performance", .enabled(if: DefaultTokenizer.shouldRun, DefaultTokenizer.skipReason))
struct PerformanceTests {
    @Test("encoding ~10 KB of mixed text takes well under a second")
    func encodeLongText() throws {
        let tokenizer = try DefaultTokenizer.require()
        let golden = try #require(try Fixtures.goldenTokenizations().max { $0.text.utf8.count < $1.text.utf8.count })
        let text = golden.text
        #expect(tokenizer.encode(text, addSpecial: false) == golden.ids)
        let clock = ContinuousClock()
        let repetitions = 5
        var tokens = 0
        let elapsed = clock.measure {
            for _ in 0..<repetitions { tokens += tokenizer.encode(text, addSpecial: false).count }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let perEncode = seconds / Double(repetitions)
        print("encode: \(text.utf8.count) bytes → \(tokens / repetitions) tokens in \(perEncode * 1000) ms; "
            + "\(Int(Double(tokens) / seconds)) tokens/s, \(Int(Double(text.utf8.count * repetitions) / seconds / 1e3)) KB/s")
        #expect(perEncode < 1.0)

        let ids = golden.ids
        let decodeElapsed = clock.measure { for _ in 0..<repetitions { _ = tokenizer.decode(ids) } }
        let vocabulary = tokenizer.vocabulary
        let buildElapsed = clock.measure { _ = try? Tokenizer(vocabulary: vocabulary) }
        print("build: Tokenizer(vocabulary:) for \(vocabulary.tokens.count) tokens, \(vocabulary.merges.count) merges in \(buildElapsed)")

        let decodeSeconds = Double(decodeElapsed.components.seconds) + Double(decodeElapsed.components.attoseconds) * 1e-18
        print("decode: \(Int(Double(ids.count * repetitions) / decodeSeconds)) tokens/s")
    }
}
