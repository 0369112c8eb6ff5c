/// Seeded random strings that stress the tokenizer: ASCII, every kind of whitespace, digits of several
/// scripts, letters with combining marks, CJK, emoji with modifiers and ZWJ, special-token spellings,
/// and arbitrary Unicode scalars (assigned or not).
enum RandomText {
    static let pieces: [String] = [
        " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{2009}", "\u{200B}", "\u{85}", "\u{2028}",
        "'", "'s", "'ll", "'RE", "\"", ".", ",", "!?", "-", "_", "#", "(", ")", "{", "}", "<", ">", "|",
        "0", "7", "42", "2024", "½", "²", "٣", "१", "Ⅻ",
        "the", " the", "Hello", " world", "ing", "tion", "é", "ñ", "ß", "Ω", "ж", "e\u{301}", "A\u{308}",
        "日本", "中文", "한국어", "مرحبا", "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "🏳️‍🌈", "\u{FE0F}", "\u{200D}",
        "<|im_start|>", "<|im_end|>", "<|endoftext|>", "<|im_", "im_end|>", "<file_sep>",
    ]

    /// - Parameter allowing: random scalars for which this is false are drawn again.
    static func string<G: RandomNumberGenerator>(
        using generator: inout G, maxPieces: Int = 24, allowing isAllowed: (String) -> Bool = { _ in true }
    ) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &generator) {
            if Int.random(in: 0..<4, using: &generator) == 0 {
                var drawn = scalar(using: &generator)
                while !isAllowed(String(drawn)) { drawn = scalar(using: &generator) }
                text.unicodeScalars.append(drawn)
            } else {
                text += pieces.randomElement(using: &generator)!
            }
        }
        return text
    }

    /// Any Unicode scalar, biased towards ASCII and the BMP.
    static func scalar<G: RandomNumberGenerator>(using generator: inout G) -> Unicode.Scalar {
        while true {
            let value: UInt32
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: value = UInt32.random(in: 0..<0x80, using: &generator)
            case 1: value = UInt32.random(in: 0x80..<0x800, using: &generator)
            case 2: value = UInt32.random(in: 0x800..<0x10000, using: &generator)
            default: value = UInt32.random(in: 0x10000...0x10FFFF, using: &generator)
            }
            if let scalar = Unicode.Scalar(value) { return scalar }
        }
    }
}
