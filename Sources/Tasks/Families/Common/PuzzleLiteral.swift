/// A value of the small Python-literal language that planning-puzzle answers are written in:
/// integers, quoted or bare words, and (possibly nested) lists. Tuples `( … )` are read as lists.
///
/// Grammar (whitespace anywhere between tokens):
/// ```
/// value  := list | int | string | word
/// list   := "[" [value ("," value)* [","]] "]"  |  "(" … ")"
/// int    := ["-" | "+"] digit+
/// string := "'" chars "'" | "\"" chars "\""      (no escapes)
/// word   := (letter | "_") (letter | digit | "_")*
/// ```
public enum PuzzleLiteral: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case text(String)
    case list([PuzzleLiteral])

    /// Canonical rendering: integers bare, words in double quotes, lists as `[a, b]` without spaces after commas.
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .text(let s): return "\"\(s)\""
        case .list(let items): return "[" + items.map(\.description).joined(separator: ",") + "]"
        }
    }

    /// The integer value when this is an integer or a word made only of digits.
    public var intValue: Int? {
        switch self {
        case .int(let v): return v
        case .text(let s): return Int(s)
        case .list: return nil
        }
    }

    /// The text value of a word or string; integers are rendered in decimal.
    public var textValue: String? {
        switch self {
        case .int(let v): return String(v)
        case .text(let s): return s
        case .list: return nil
        }
    }

    /// The elements when this is a list.
    public var listValue: [PuzzleLiteral]? {
        if case .list(let items) = self { return items }
        return nil
    }
}

extension PuzzleLiteral {
    /// Parses exactly one literal value starting at byte `start` of UTF-8 text (leading whitespace skipped).
    /// Returns the value and the byte index just past it, or a reason why the text is not a literal.
    static func parse(_ bytes: [UInt8], from start: Int) -> Result<(PuzzleLiteral, Int), PuzzleParseFailure> {
        var parser = LiteralParser(bytes: bytes, position: start)
        do {
            let value = try parser.parseValue(depth: 0)
            return .success((value, parser.position))
        } catch {
            return .failure(error)
        }
    }

    /// Parses a whole string as one literal (trailing whitespace allowed).
    public static func parse(_ text: String) -> Result<PuzzleLiteral, PuzzleParseFailure> {
        let bytes = Array(text.utf8)
        switch parse(bytes, from: 0) {
        case .failure(let failure): return .failure(failure)
        case .success(let (value, end)):
            var i = end
            while i < bytes.count, PuzzleBytes.isSpace(bytes[i]) { i += 1 }
            if i != bytes.count { return .failure(PuzzleParseFailure(offset: i, reason: "unexpected '\(UnicodeScalar(bytes[i]))' after the list")) }
            return .success(value)
        }
    }
}

/// ASCII byte classes used by the puzzle readers.
enum PuzzleBytes {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

/// Why a literal could not be read: UTF-8 byte offset into the examined text and a reason.
public struct PuzzleParseFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}

private struct LiteralParser {
    let bytes: [UInt8]
    var position: Int
    static let maxDepth = 16

    mutating func skipSpace() {
        while position < bytes.count, PuzzleBytes.isSpace(bytes[position]) { position += 1 }
    }

    func fail(_ reason: String) -> PuzzleParseFailure { PuzzleParseFailure(offset: position, reason: reason) }
    func shown(_ b: UInt8) -> String { b < 0x80 ? String(UnicodeScalar(b)) : "non-ASCII byte" }

    /// Length of a curly quote (U+2018/2019/201C/201D, 3 bytes in UTF-8) at `i`, or 0.
    func curlyQuote(at i: Int) -> Int {
        guard i + 2 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80 else { return 0 }
        return [0x98, 0x99, 0x9C, 0x9D].contains(bytes[i + 2]) ? 3 : 0
    }

    mutating func parseValue(depth: Int) throws(PuzzleParseFailure) -> PuzzleLiteral {
        skipSpace()
        guard position < bytes.count else { throw fail("unexpected end of text") }
        let c = bytes[position]
        if c == UInt8(ascii: "[") || c == UInt8(ascii: "(") {
            guard depth < Self.maxDepth else { throw fail("lists nested deeper than \(Self.maxDepth)") }
            let close = c == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")")
            position += 1
            var items: [PuzzleLiteral] = []
            skipSpace()
            if position < bytes.count, bytes[position] == close { position += 1; return .list(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw fail("unclosed '\(shown(c))'") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    skipSpace()
                    if position < bytes.count, bytes[position] == close { position += 1; return .list(items) }
                    continue
                }
                if bytes[position] == close { position += 1; return .list(items) }
                throw fail("expected ',' or '\(shown(close))' but found '\(shown(bytes[position]))'")
            }
        }
        let curly = curlyQuote(at: position)
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") || curly > 0 {
            position += curly > 0 ? curly : 1
            let start = position
            while position < bytes.count {
                let b = bytes[position]
                if b == 0x0A { throw fail("unterminated string") }
                if curly == 0 && b == c { break }
                if curly > 0 && (curlyQuote(at: position) > 0 || b == UInt8(ascii: "'") || b == UInt8(ascii: "\"")) { break }
                position += 1
            }
            guard position < bytes.count else { throw fail("unterminated string") }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            position += curly > 0 ? max(curlyQuote(at: position), 1) : 1
            return .text(text.puzzleTrimmed())
        }
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || PuzzleBytes.isDigit(c) {
            let start = position
            if !PuzzleBytes.isDigit(c) { position += 1 }
            let digitsStart = position
            while position < bytes.count, PuzzleBytes.isDigit(bytes[position]) { position += 1 }
            guard position > digitsStart else { throw fail("expected digits after '\(shown(c))'") }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard let v = Int(text) else { throw fail("integer '\(text)' out of range") }
            return .int(v)
        }
        guard PuzzleBytes.isLetter(c) else { throw fail("unexpected '\(shown(c))'") }
        let start = position
        while position < bytes.count, PuzzleBytes.isLetter(bytes[position]) || PuzzleBytes.isDigit(bytes[position]) { position += 1 }
        return .text(String(decoding: bytes[start..<position], as: UTF8.self))
    }
}

extension String {
    func puzzleTrimmed() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
