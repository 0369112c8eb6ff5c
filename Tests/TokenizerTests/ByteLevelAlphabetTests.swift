import Testing
import Tokenizer

@Suite("Stage 3: byte-level alphabet")
struct ByteLevelAlphabetTests {
    // Hand-computed from GPT-2's definition: printable bytes stand for themselves; the 68 others
    // (0x00–0x20, 0x7F–0xA0, 0xAD) take U+0100, U+0101, … in increasing byte order.
    @Test("known characters", arguments: [
        (UInt8(0x00), UInt32(0x100)), (0x0A, 0x10A), (0x20, 0x120), (0x21, 0x21), (0x7E, 0x7E),
        (0x7F, 0x121), (0x80, 0x122), (0xA0, 0x142), (0xA1, 0xA1), (0xAC, 0xAC), (0xAD, 0x143), (0xAE, 0xAE),
        (0xFF, 0xFF),
    ])
    func knownCharacters(byte: UInt8, scalar: UInt32) {
        #expect(ByteLevelAlphabet.characters[Int(byte)].value == scalar)
        #expect(ByteLevelAlphabet.byte(for: Unicode.Scalar(scalar)!) == byte)
    }

    @Test("256 distinct characters, each mapping back to its byte")
    func bijection() {
        #expect(Set(ByteLevelAlphabet.characters).count == 256)
        for byte in 0...255 {
            #expect(ByteLevelAlphabet.byte(for: ByteLevelAlphabet.characters[byte]) == UInt8(byte))
        }
        #expect(ByteLevelAlphabet.byte(for: "\u{144}") == nil)
        #expect(ByteLevelAlphabet.byte(for: "\u{20}") == nil)
    }

    @Test("encode and decode strings")
    func strings() {
        #expect(ByteLevelAlphabet.encode(Array(" the\n".utf8)) == "Ġthe\u{10A}")
        #expect(ByteLevelAlphabet.encode(Array("é".utf8)) == "Ã©")
        #expect(ByteLevelAlphabet.decode("Ġthe") == Array(" the".utf8))
        #expect(ByteLevelAlphabet.decode("Ã©") == [0xC3, 0xA9])
        let allBytes = (0...255).map(UInt8.init)
        #expect(ByteLevelAlphabet.decode(ByteLevelAlphabet.encode(allBytes)) == allBytes)
    }
}
