import Testing
import Tokenizer

@Suite("Properties on the default vocabulary", .enabled(if: DefaultTokenizer.shouldRun, DefaultTokenizer.skipReason))
struct RoundTripPropertyTests {
    @Test("decode(encode(s)) == s for 2000 random strings", arguments: [UInt64(0x0DEC_0DE1), 0x0DEC_0DE2])
    func roundTrip(seed: UInt64) throws {
        let tokenizer = try DefaultTokenizer.require()
        print("roundTrip seed: \(seed)")
        var generator = SplitMix64(seed: seed)
        for index in 0..<2000 {
            let text = RandomText.string(using: &generator, allowing: tokenizer.isLossless)
            for parseSpecial in [true, false] {
                let ids = tokenizer.encode(text, addSpecial: false, parseSpecial: parseSpecial)
                #expect(
                    tokenizer.decode(ids) == text,
                    "seed \(seed), string #\(index) \(String(reflecting: text)), parseSpecial \(parseSpecial)")
            }
        }
    }

    @Test("streaming detokenizer output concatenates to decode (encoded texts and arbitrary ids)")
    func streamingMatchesDecode() throws {
        let tokenizer = try DefaultTokenizer.require()
        let seed: UInt64 = 0x57AE_A111
        print("streamingMatchesDecode seed: \(seed)")
        var generator = SplitMix64(seed: seed)
        for index in 0..<1000 {
            let ids: [Int]
            if index % 2 == 0 {
                ids = tokenizer.encode(RandomText.string(using: &generator), addSpecial: false)
            } else {  // arbitrary ids: lone continuation bytes, truncated characters, specials
                ids = (0..<Int.random(in: 1...16, using: &generator)).map { _ in
                    Int.random(in: 0..<tokenizer.vocabularySize, using: &generator)
                }
            }
            for skipSpecial in [false, true] {
                var streaming = StreamingDetokenizer(tokenizer: tokenizer, skipSpecial: skipSpecial)
                var text = ""
                for id in ids {
                    let chunk = streaming.append(id)
                    #expect(!chunk.unicodeScalars.contains("\u{FFFD}") || tokenizer.decode(ids).contains("\u{FFFD}"))
                    text += chunk
                }
                text += streaming.flush()
                #expect(
                    text == tokenizer.decode(ids, skipSpecial: skipSpecial),
                    "seed \(seed), case #\(index), ids \(ids), skipSpecial \(skipSpecial)")
            }
        }
    }

    @Test("bytes without a token are dropped, like the oracle; isLossless tells")
    func droppedBytes() throws {
        let tokenizer = try DefaultTokenizer.require()
        #expect(tokenizer.encode("\u{1D}") == [])
        #expect(tokenizer.encode("a\u{4}b") == tokenizer.encode("a") + tokenizer.encode("b"))  // still a word boundary
        #expect(!tokenizer.isLossless("a\u{1D}b") && !tokenizer.isLossless("\u{50000}"))
        #expect(tokenizer.isLossless("a\u{1C}b 😀 日本"))
    }

    @Test("streaming holds back split multi-byte characters")
    func streamingHoldsBack() throws {
        let tokenizer = try DefaultTokenizer.require()
        func byteToken(_ byte: UInt8) throws -> Int {
            try #require(tokenizer.tokenID(ByteLevelAlphabet.encode([byte])))
        }
        var streaming = StreamingDetokenizer(tokenizer: tokenizer)
        #expect(streaming.append(try byteToken(0xE2)) == "")  // € = E2 82 AC
        #expect(streaming.append(try byteToken(0x82)) == "")
        #expect(streaming.pendingByteCount == 2)
        #expect(streaming.append(try byteToken(0xAC)) == "€")
        #expect(streaming.append(try byteToken(0x41)) == "A")
        #expect(streaming.append(try byteToken(0xF0)) == "")  // truncated 4-byte character
        #expect(streaming.flush() == "\u{FFFD}")
        #expect(streaming.append(try byteToken(0xC3)) == "")
        #expect(streaming.append(try byteToken(0x41)) == "\u{FFFD}A")  // C3 cannot be completed by 41
        #expect(streaming.append(1) == "<|im_start|>")
    }
}
