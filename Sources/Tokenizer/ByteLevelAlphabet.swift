/// Stage 3 of encoding: GPT-2's reversible byte ↔ unicode mapping.
///
/// Byte-level BPE vocabularies spell every byte as one printable character so that merges are plain
/// strings: the printable bytes `!`…`~`, `¡`…`¬` and `®`…`ÿ` stand for themselves, and the other 68
/// bytes (controls, space, DEL, NBSP, soft hyphen…) map, in increasing byte order, to U+0100, U+0101, …
/// So a space (0x20) is `Ġ` (U+0120) and a newline (0x0A) is `Ċ` (U+010A).
public enum ByteLevelAlphabet {
    /// The character that spells `byte`, indexed by byte value (256 entries, all distinct).
    public static let characters: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            if isPrintable(UInt8(byte)) {
                table[byte] = Unicode.Scalar(UInt8(byte))
            } else {
                table[byte] = Unicode.Scalar(next)!
                next += 1
            }
        }
        return table
    }()

    /// The byte a character stands for, or nil when the character is not in the alphabet.
    public static func byte(for character: Unicode.Scalar) -> UInt8? {
        let value = character.value
        if value < 256 {
            return isPrintable(UInt8(value)) ? UInt8(value) : nil
        }
        return reverse[value]
    }

    /// Spells `bytes` in the byte-level alphabet (one character per byte).
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(characters[Int(byte)]) }
        return String(text)
    }

    /// The bytes a byte-level string stands for; characters outside the alphabet contribute their own UTF-8.
    public static func decode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let byte = byte(for: scalar) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    private static func isPrintable(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
    }

    private static let reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (byte, character) in characters.enumerated() where character.value >= 256 {
            map[character.value] = UInt8(byte)
        }
        return map
    }()
}
