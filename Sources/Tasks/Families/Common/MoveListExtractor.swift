import Answers
/// Finds the final move list in a model response.
///
/// Rules, tried in order (deterministic; the first rule that finds a list decides):
/// 1. the last `moves = [` (also `moves: [`, `moves=[`, any case) — the list starting at that bracket;
/// 2. the last `\boxed{…}` whose content contains `[` — the list starting at its first `[`;
/// 3. the last `[[` or `[(` in the text (a list of lists) — the list starting there;
///    for answers that are a list of plain moves with one element per move, the last `[` is not tried.
/// The list is then parsed with ``PuzzleLiteral``; trailing text after the closing bracket is ignored.
public enum MoveListExtractor {
    /// Outcome: the parsed list and the exact text it was read from, or why nothing could be read.
    public enum Outcome: Sendable, Equatable {
        case found(items: [PuzzleLiteral], text: String)
        case notFound(String)
    }

    public static func extract(from response: String) -> Outcome {
        let bytes = Array(response.utf8)
        if let start = lastMovesAssignment(in: bytes) { return parseList(bytes, at: start, rule: "moves = [") }
        if let start = lastBoxedList(in: bytes) { return parseList(bytes, at: start, rule: "\\boxed{…}") }
        if let start = lastNestedListStart(in: bytes) { return parseList(bytes, at: start, rule: "list of lists") }
        return .notFound("no move list found (expected `moves = [[…], …]`)")
    }

    private static func parseList(_ bytes: [UInt8], at start: Int, rule: String) -> Outcome {
        switch PuzzleLiteral.parse(bytes, from: start) {
        case .failure(let failure):
            return .notFound("the move list after \(rule) could not be read: \(failure.reason) (byte \(failure.offset))")
        case .success(let (value, end)):
            guard case .list(let items) = value else { return .notFound("expected a list after \(rule)") }
            return .found(items: items, text: String(decoding: bytes[start..<end], as: UTF8.self))
        }
    }

    static let open = UInt8(ascii: "["), paren = UInt8(ascii: "(")

    /// Byte index of the `[` of the last `moves <sep> [` where sep is `=` or `:` with optional spaces.
    static func lastMovesAssignment(in bytes: [UInt8]) -> Int? {
        let key = Array("moves".utf8)
        var i = bytes.count - key.count
        while i >= 0 {
            if matchesCaseInsensitive(bytes, at: i, key) {
                var j = i + key.count
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") || bytes[j] == UInt8(ascii: ":") {
                    j += 1
                    while j < bytes.count, PuzzleBytes.isSpace(bytes[j]) { j += 1 }
                    if j < bytes.count, bytes[j] == open || bytes[j] == paren { return j }
                }
            }
            i -= 1
        }
        return nil
    }

    /// Byte index of the first `[` inside the last `\boxed{…}` that contains one (up to its closing brace, or to
    /// the end when it is never closed). Braces are paired and the next `[` located once for the whole text: O(n).
    static func lastBoxedList(in bytes: [UInt8]) -> Int? {
        let key = Array("\\boxed{".utf8)
        var closing: [Int]? = nil
        var nextOpen: [Int]? = nil
        var i = bytes.count - key.count
        while i >= 0 {
            if matchesCaseInsensitive(bytes, at: i, key) {
                if closing == nil {
                    closing = BraceMatching.closingIndices(in: bytes, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
                    nextOpen = BraceMatching.nextIndices(in: bytes) { $0 == open }
                }
                let close = closing![i + key.count - 1]
                let bracket = nextOpen![i + key.count]
                if bracket < (close >= 0 ? close : bytes.count) { return bracket }
            }
            i -= 1
        }
        return nil
    }

    /// Byte index of the outermost `[` of the last `[[` / `[(` run.
    static func lastNestedListStart(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i] == open {
                var j = i + 1
                while j < bytes.count, PuzzleBytes.isSpace(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == open || bytes[j] == paren {
                    var k = i
                    while k > 0 {
                        var p = k - 1
                        while p >= 0, PuzzleBytes.isSpace(bytes[p]) { p -= 1 }
                        if p >= 0, bytes[p] == open { k = p } else { break }
                    }
                    return k
                }
            }
            i -= 1
        }
        return nil
    }

    private static func matchesCaseInsensitive(_ bytes: [UInt8], at i: Int, _ key: [UInt8]) -> Bool {
        guard i >= 0, i + key.count <= bytes.count else { return false }
        for k in 0..<key.count {
            var b = bytes[i + k]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            if b != key[k] { return false }
        }
        return true
    }
}
