extension Tokenizer {
    /// Token ids of `text`.
    ///
    /// - Parameters:
    ///   - addSpecial: put `bosID` first / `eosID` last when the vocabulary's `addBOS` / `addEOS` say so.
    ///   - parseSpecial: recognise control tokens written in the text (`<|im_start|>` → one id); when false they
    ///     are tokenized as the plain characters they are made of. User-defined tokens are always recognised.
    /// - Complexity: O(n log n) in the length of the longest word, O(n) overall for ordinary text.
    public func encode(_ text: String, addSpecial: Bool = true, parseSpecial: Bool = true) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count / 3 + 2)
        if addSpecial, vocabulary.addBOS, let bos = vocabulary.bosID { ids.append(bos) }
        var scratch = BytePairEncoder.Scratch()
        var scalars: [Unicode.Scalar] = []
        var scalarOffsets: [Int] = []
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { mutableBytes in
            let bytes = UnsafeBufferPointer(mutableBytes)
            specialTokens.forEachSegment(in: bytes, parseSpecial: parseSpecial) { range, special in
                if let special {
                    ids.append(special)
                    return
                }
                Self.decodeScalars(bytes, range: range, into: &scalars, offsets: &scalarOffsets)
                scalars.withUnsafeBufferPointer { scalarBuffer in
                    preTokenizer.forEachWord(in: scalarBuffer) { word in
                        let start = scalarOffsets[word.lowerBound], end = scalarOffsets[word.upperBound]
                        encoder.encode(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &ids, scratch: &scratch)
                    }
                }
            }
        }
        if addSpecial, vocabulary.addEOS, let eos = vocabulary.eosID { ids.append(eos) }
        return ids
    }

    /// Decodes the (valid) UTF-8 in `bytes[range]` into scalars, and the byte offset of each scalar plus the end.
    static func decodeScalars(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
        into scalars: inout [Unicode.Scalar], offsets: inout [Int]
    ) {
        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            var value: UInt32
            var length: Int
            switch lead {
            case 0..<0x80: value = UInt32(lead); length = 1
            case 0xC0..<0xE0: value = UInt32(lead & 0x1F); length = 2
            case 0xE0..<0xF0: value = UInt32(lead & 0x0F); length = 3
            default: value = UInt32(lead & 0x07); length = 4
            }
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            offsets.append(index)
            index += length
        }
        offsets.append(range.upperBound)
    }
}
