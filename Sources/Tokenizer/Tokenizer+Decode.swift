extension Tokenizer {
    /// The text of `ids`: their bytes concatenated and read as UTF-8 (invalid sequences become U+FFFD).
    ///
    /// Lossless: `decode(encode(s, addSpecial: false)) == s` whenever ``isLossless(_:)`` holds for `s` (all text
    /// whose bytes all have tokens, which for SmolLM2 is all but six rare control characters and two unassigned
    /// Unicode planes). Normal tokens decode through the
    /// byte-level alphabet, control and user-defined tokens to their text; ids outside the vocabulary to U+FFFD.
    /// - Parameter skipSpecial: leave out control tokens (`<|im_start|>`, `<|im_end|>`…).
    public func decode(_ ids: [Int], skipSpecial: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 4)
        for id in ids { appendBytes(of: id, skipSpecial: skipSpecial, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Readable text of one token (a token holding part of a multi-byte character shows U+FFFD).
    public func piece(_ id: Int) -> String {
        var bytes: [UInt8] = []
        appendBytes(of: id, skipSpecial: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes token `id` stands for (empty for out-of-range ids).
    public func bytes(of id: Int) -> [UInt8] {
        guard types.indices.contains(id) else { return [] }
        return Array(pieceBytes[pieceOffsets[id]..<pieceOffsets[id + 1]])
    }

    func appendBytes(of id: Int, skipSpecial: Bool, to bytes: inout [UInt8]) {
        guard types.indices.contains(id) else {
            bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            return
        }
        if skipSpecial && types[id] == .control { return }
        bytes.append(contentsOf: pieceBytes[pieceOffsets[id]..<pieceOffsets[id + 1]])
    }
}
