/// Stage 1 of encoding: cuts special tokens (control and user-defined tokens such as `<|im_start|>`) out of
/// the text, so that the rest is pre-tokenized stretch by stretch and never merged across them.
///
/// Matching is leftmost-longest on UTF-8 bytes: scanning left to right, the first position where any
/// special token starts wins, and there the longest token starting at it. Control tokens are recognised
/// only when `parseSpecial` is true; user-defined tokens always are (as in HF `tokenizers` and llama.cpp).
public struct SpecialTokenSplitter: Sendable {
    /// A piece of the input: plain text to pre-tokenize, or one special token.
    public enum Segment: Sendable, Equatable {
        case text(String)
        case special(id: Int)
    }

    struct Candidate: Sendable {
        var bytes: [UInt8]
        var id: Int
        var isControl: Bool
    }

    /// Candidates by their first byte, longest first.
    private let candidatesByFirstByte: [[Candidate]]

    /// - Parameter tokens: the special tokens, as (text, id, whether it is a control token).
    init(tokens: [(text: String, id: Int, isControl: Bool)]) {
        var table = [[Candidate]](repeating: [], count: 256)
        var seen = Set<String>()
        for token in tokens where !token.text.isEmpty && seen.insert(token.text).inserted {
            let bytes = Array(token.text.utf8)
            table[Int(bytes[0])].append(Candidate(bytes: bytes, id: token.id, isControl: token.isControl))
        }
        for index in table.indices {
            table[index].sort { $0.bytes.count > $1.bytes.count }
        }
        candidatesByFirstByte = table
    }

    /// `text` cut into plain stretches and special tokens, in order.
    public func split(_ text: String, parseSpecial: Bool = true) -> [Segment] {
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        bytes.withUnsafeBufferPointer { buffer in
            forEachSegment(in: buffer, parseSpecial: parseSpecial) { range, special in
                if let special {
                    segments.append(.special(id: special))
                } else {
                    segments.append(.text(String(decoding: buffer[range], as: UTF8.self)))
                }
            }
        }
        return segments
    }

    /// Calls `body(range, nil)` for each non-empty plain stretch and `body(range, id)` for each special token.
    func forEachSegment(
        in bytes: UnsafeBufferPointer<UInt8>, parseSpecial: Bool, _ body: (Range<Int>, Int?) -> Void
    ) {
        var stretchStart = 0
        var position = 0
        while position < bytes.count {
            if let match = longestMatch(in: bytes, at: position, parseSpecial: parseSpecial) {
                if stretchStart < position { body(stretchStart..<position, nil) }
                body(position..<(position + match.length), match.id)
                position += match.length
                stretchStart = position
            } else {
                position += 1
            }
        }
        if stretchStart < bytes.count { body(stretchStart..<bytes.count, nil) }
    }

    private func longestMatch(
        in bytes: UnsafeBufferPointer<UInt8>, at position: Int, parseSpecial: Bool
    ) -> (id: Int, length: Int)? {
        let candidates = candidatesByFirstByte[Int(bytes[position])]
        if candidates.isEmpty { return nil }
        let remaining = bytes.count - position
        for candidate in candidates where candidate.bytes.count <= remaining {
            if candidate.isControl && !parseSpecial { continue }
            var matches = true
            for offset in 1..<candidate.bytes.count where bytes[position + offset] != candidate.bytes[offset] {
                matches = false
                break
            }
            if matches { return (candidate.id, candidate.bytes.count) }
        }
        return nil
    }
}
