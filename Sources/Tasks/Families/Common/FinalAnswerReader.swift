import Answers
/// Finds the final answer segment of a free-text response, deterministically.
///
/// Priority: the last `\boxed{…}` (balanced braces) › the rest of the line after the last `Final answer:` ›
/// the rest of the line after the last `answer is` (case-insensitive) › nothing. Numeric helpers then read the
/// first number of that segment, or — when there is no segment — the last number of the whole response.
enum FinalAnswerReader {
    enum Source: String, Sendable { case boxed, finalAnswer, answerIs, lastNumber }

    static func segment(in response: String) -> (text: String, source: Source)? {
        let bytes = Array(response.utf8)
        if let boxed = lastBoxedContent(bytes) { return (boxed, .boxed) }
        if let line = restOfLine(after: "final answer", in: bytes) { return (line, .finalAnswer) }
        if let line = restOfLine(after: "answer is", in: bytes) { return (line, .answerIs) }
        return nil
    }

    /// The number a response gives: first number of the final-answer segment, else the last number anywhere.
    /// Commas between digits, `$`, `%` and spaces are ignored. Returns the number's text and where it came from.
    static func number(in response: String) -> (text: String, source: Source)? {
        if let (seg, source) = segment(in: response), let n = numbers(in: seg).first { return (n, source) }
        if let n = numbers(in: response).last { return (n, .lastNumber) }
        return nil
    }

    /// All numbers (`-12`, `3.5`, `1,234.5`, `7/2` when written as digits/digits) in order.
    static func numbers(in text: String) -> [String] {
        let b = Array(text.utf8)
        var out: [String] = []
        var i = 0
        func digit(_ j: Int) -> Bool { j < b.count && b[j] >= 0x30 && b[j] <= 0x39 }
        while i < b.count {
            guard digit(i) || (b[i] == UInt8(ascii: ".") && digit(i + 1)) else { i += 1; continue }
            var s = ""
            // A minus sign directly before (possibly after "$") belongs to the number.
            var k = i - 1
            if k >= 0, b[k] == UInt8(ascii: "$") { k -= 1 }
            if k >= 0, b[k] == UInt8(ascii: "-") && (k == 0 || !digit(k - 1)) { s = "-" }
            var seenDot = false
            while i < b.count {
                if digit(i) { s.append(Character(UnicodeScalar(b[i]))); i += 1; continue }
                if b[i] == UInt8(ascii: ","), digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4), !seenDot { i += 1; continue }
                if b[i] == UInt8(ascii: "."), !seenDot, digit(i + 1) { seenDot = true; s.append("."); i += 1; continue }
                break
            }
            if i + 1 < b.count, b[i] == UInt8(ascii: "/"), digit(i + 1), !seenDot {
                s.append("/"); i += 1
                while digit(i) { s.append(Character(UnicodeScalar(b[i]))); i += 1 }
            }
            out.append(s)
        }
        return out
    }

    /// Content of the last `\boxed{…}` whose braces balance (braces paired once for the whole text: O(n)).
    static func lastBoxedContent(_ bytes: [UInt8]) -> String? {
        let key = Array("\\boxed{".utf8)
        guard bytes.count >= key.count else { return nil }
        var closing: [Int]? = nil
        var i = bytes.count - key.count
        while i >= 0 {
            if bytes[i..<(i + key.count)].elementsEqual(key) {
                if closing == nil {
                    closing = BraceMatching.closingIndices(in: bytes, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
                }
                let end = closing![i + key.count - 1]
                if end >= 0 { return String(decoding: bytes[(i + key.count)..<end], as: UTF8.self) }
            }
            i -= 1
        }
        return nil
    }

    static func restOfLine(after phrase: String, in bytes: [UInt8]) -> String? {
        let key = Array(phrase.utf8)
        guard bytes.count >= key.count else { return nil }
        var i = bytes.count - key.count
        while i >= 0 {
            var match = true
            for k in 0..<key.count {
                var c = bytes[i + k]
                if c >= 0x41 && c <= 0x5A { c += 0x20 }
                if c != key[k] { match = false; break }
            }
            if match {
                var j = i + key.count
                while j < bytes.count, bytes[j] == UInt8(ascii: ":") || bytes[j] == 0x20 || bytes[j] == UInt8(ascii: "*") { j += 1 }
                var e = j
                while e < bytes.count, bytes[e] != 0x0A { e += 1 }
                let text = String(decoding: bytes[j..<e], as: UTF8.self).puzzleTrimmed()
                if !text.isEmpty { return text }
            }
            i -= 1
        }
        return nil
    }
}
