/// Turns generated token ids into text as they arrive, never emitting part of a UTF-8 character.
///
/// A byte-level token can hold the first bytes of a character whose last bytes come in the next token
/// (`'é'` = C3 A9 may be split C3 | A9). Bytes that could still become a valid character are held back
/// until it is complete. Invariant: the concatenation of everything `append` and `flush` return equals
/// `tokenizer.decode(ids, skipSpecial:)` of all ids appended, invalid byte sequences included (U+FFFD).
public struct StreamingDetokenizer: Sendable {
    /// The tokenizer whose ids are being decoded.
    public let tokenizer: Tokenizer
    /// Whether control tokens are left out, as in ``Tokenizer/decode(_:skipSpecial:)``.
    public let skipSpecial: Bool
    private var pending: [UInt8] = []

    public init(tokenizer: Tokenizer, skipSpecial: Bool = false) {
        self.tokenizer = tokenizer
        self.skipSpecial = skipSpecial
    }

    /// Adds token `id`; returns the text that is now complete (possibly empty).
    public mutating func append(_ id: Int) -> String {
        tokenizer.appendBytes(of: id, skipSpecial: skipSpecial, to: &pending)
        let complete = UTF8Boundary.completePrefixLength(pending)
        if complete == 0 { return "" }
        let text = String(decoding: pending[..<complete], as: UTF8.self)
        pending.removeFirst(complete)
        return text
    }

    /// Returns whatever is held back (an unfinished character becomes U+FFFD) and starts afresh.
    public mutating func flush() -> String {
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    /// Bytes held back because they may be the start of a character.
    public var pendingByteCount: Int { pending.count }
}

/// Where a byte buffer can be cut without splitting a UTF-8 character that may still be completed.
enum UTF8Boundary {
    /// Length of the longest prefix of `bytes` that does not end inside an unfinished but still valid
    /// UTF-8 sequence. The suffix after it (0–3 bytes) is a proper prefix of a well-formed sequence.
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        let count = bytes.count
        var start = count - 1
        // Walk back over at most three continuation bytes to the candidate lead byte.
        while start >= 0, count - start <= 3, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0 else { return count }
        let lead = bytes[start]
        let needed: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: needed = 2
        case 0xE0: needed = 3; secondRange = 0xA0...0xBF
        case 0xED: needed = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: needed = 3
        case 0xF0: needed = 4; secondRange = 0x90...0xBF
        case 0xF4: needed = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: needed = 4
        default: return count
        }
        let have = count - start
        guard have < needed else { return count }
        if have >= 2, !secondRange.contains(bytes[start + 1]) { return count }
        // Third byte (if present) is a continuation byte: guaranteed by the walk above.
        return start
    }
}
