import Answers
/// Where an answer was read from in a response, in priority order (BeyondBench §1.7, simplified and strict about order):
/// the last `\boxed{…}` / `\fbox{…}` (balanced braces), else the last `<answer>…</answer>`, else the text after the last
/// "answer is" / "answer:" / "answer =", else the whole response (family-specific fallback: last number, last list, …).
enum AnswerRegionSource: String, Sendable {
    case boxed, tagged, answerIs, whole
}

struct AnswerRegion: Sendable {
    var text: String
    var source: AnswerRegionSource
}

/// Answer extraction and number scanning shared by the algorithmic families. Works on UTF-8 bytes (fast, no Foundation).
enum ResponseScanner {
    private static let boxed = Array("\\boxed".utf8), fbox = Array("\\fbox".utf8)
    private static let openTag = Array("<answer>".utf8), closeTag = Array("</answer>".utf8)
    private static let phrases = ["answer is", "answer:", "answer ="].map { Array($0.utf8) }

    /// Last index where `pattern` starts in `bytes[..<end]`, or nil.
    static func lastIndex(of pattern: [UInt8], in bytes: [UInt8], before end: Int? = nil) -> Int? {
        let limit = min(end ?? bytes.count, bytes.count)
        var i = limit - pattern.count
        while i >= 0 {
            if bytes[i] == pattern[0] {
                var k = 1
                while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i -= 1
        }
        return nil
    }

    private static func lowered(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// The answer region of `response` (see ``AnswerRegionSource``); `.whole` with the full response when nothing marks it.
    static func region(_ response: String) -> AnswerRegion {
        let bytes = Array(response.utf8)
        if let content = lastBoxed(bytes) {
            return AnswerRegion(text: String(decoding: content, as: UTF8.self), source: .boxed)
        }
        let lower = lowered(bytes)
        if let close = lastIndex(of: closeTag, in: lower), let open = lastIndex(of: openTag, in: lower, before: close) {
            return AnswerRegion(
                text: String(decoding: bytes[(open + openTag.count)..<close], as: UTF8.self), source: .tagged)
        }
        var best = -1
        for phrase in phrases {
            if let i = lastIndex(of: phrase, in: lower) { best = max(best, i + phrase.count) }
        }
        if best >= 0 {
            let rest = String(decoding: bytes[best...], as: UTF8.self)
            if rest.contains(where: { !$0.isWhitespace }) { return AnswerRegion(text: rest, source: .answerIs) }
        }
        return AnswerRegion(text: response, source: .whole)
    }

    /// Content of the last `\boxed{…}` / `\fbox{…}` whose braces balance; earlier ones are tried if the last is open.
    /// Braces are paired and the next brace located once for the whole text, so this is O(n) however many open
    /// boxes there are.
    static func lastBoxed(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var end = bytes.count
        var closing: [Int]? = nil
        var nextBrace: [Int]? = nil
        while true {
            let b = lastIndex(of: boxed, in: bytes, before: end), f = lastIndex(of: fbox, in: bytes, before: end)
            guard let start = [b, f].compactMap({ $0 }).max() else { return nil }
            if closing == nil {
                closing = BraceMatching.closingIndices(in: bytes, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
                nextBrace = BraceMatching.nextIndices(in: bytes) { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
            }
            let j = nextBrace![start + 1]
            if j < bytes.count, bytes[j] == UInt8(ascii: "{"), closing![j] >= 0 { return bytes[(j + 1)..<closing![j]] }
            end = start + 4  // the next search only finds occurrences starting before `start`
        }
    }

    /// Removes LaTeX and markdown decoration that hides numbers: `$`, braces, `*`, LaTeX commands (`\text`, `\left`,
    /// `\,` …), turns `\frac{a}{b}` into `a/b`, Unicode minus and en dash into `-`.
    static func cleanedBytes(_ text: String) -> [UInt8] {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        while i < b.count {
            let c = b[i]
            if c == 0xE2, i + 2 < b.count, (b[i + 1] == 0x88 && b[i + 2] == 0x92) || (b[i + 1] == 0x80 && b[i + 2] == 0x93) {
                out.append(UInt8(ascii: "-"))
                i += 3
                continue
            }
            if c == UInt8(ascii: "\\") {
                var j = i + 1
                while j < b.count, isLetter(b[j]) { j += 1 }
                let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                if name.hasSuffix("frac") {
                    // \frac{a}{b} → a/b (no nesting)
                    var k = j
                    var parts: [ArraySlice<UInt8>] = []
                    while parts.count < 2, k < b.count, b[k] == UInt8(ascii: "{") {
                        guard let close = b[k...].firstIndex(of: UInt8(ascii: "}")) else { break }
                        parts.append(b[(k + 1)..<close])
                        k = close + 1
                    }
                    if parts.count == 2 {
                        out.append(contentsOf: parts[0])
                        out.append(UInt8(ascii: "/"))
                        out.append(contentsOf: parts[1])
                        i = k
                        continue
                    }
                }
                if name.isEmpty {
                    i += 2  // \, \! \; \{ …
                    if i - 1 < b.count, b[i - 1] == UInt8(ascii: "{") || b[i - 1] == UInt8(ascii: "}") { out.append(UInt8(ascii: " ")) }
                    continue
                }
                out.append(UInt8(ascii: " "))
                i = j
                continue
            }
            if c == UInt8(ascii: "$") || c == UInt8(ascii: "*") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") {
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    static func cleaned(_ text: String) -> String { String(decoding: cleanedBytes(text), as: UTF8.self) }

    /// Number tokens in order. `grouping` reads `1,234,567` as one number (scalar answers); lists pass `false`.
    /// A `-` directly before a digit is a sign unless it follows a letter, digit or `)` ("5-3" is not "-3").
    static func numbers(in text: String, grouping: Bool) -> [NumberToken] {
        let c = cleanedBytes(text)
        var out: [NumberToken] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < c.count && c[k] >= 48 && c[k] <= 57 }
        func isWord(_ k: Int) -> Bool {
            k >= 0 && k < c.count && (isDigit(k) || (c[k] >= 65 && c[k] <= 90) || (c[k] >= 97 && c[k] <= 122) || c[k] == 95)
        }
        func digits(from k: inout Int) -> String {
            let start = k
            while isDigit(k) { k += 1 }
            return String(decoding: c[start..<k], as: UTF8.self)
        }
        while i < c.count {
            guard isDigit(i) else { i += 1; continue }
            let negative = i > 0 && c[i - 1] == UInt8(ascii: "-") && !(isWord(i - 2) || (i >= 2 && c[i - 2] == UInt8(ascii: ")")))
            var intDigits = digits(from: &i)
            if grouping, intDigits.count <= 3 {
                while i + 3 < c.count, c[i] == UInt8(ascii: ","), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                    intDigits += String(decoding: c[(i + 1)...(i + 3)], as: UTF8.self)
                    i += 4
                }
            }
            var fracDigits = ""
            if i + 1 < c.count, c[i] == UInt8(ascii: "."), isDigit(i + 1) {
                i += 1
                fracDigits = digits(from: &i)
            }
            var denominator: String? = nil
            if fracDigits.isEmpty, i + 1 < c.count, c[i] == UInt8(ascii: "/"), isDigit(i + 1) {
                i += 1
                denominator = digits(from: &i)
            }
            out.append(NumberToken(negative: negative, intDigits: intDigits, fracDigits: fracDigits, denominator: denominator))
        }
        return out
    }

    /// The scalar number an answer region holds: the first number after "answer is", otherwise the last number.
    static func scalar(in region: AnswerRegion) -> NumberToken? {
        let tokens = numbers(in: region.text, grouping: true)
        return region.source == .answerIs ? tokens.first : tokens.last
    }

    /// The text holding a list answer: the region when marked (first line only after "answer is"), otherwise the
    /// last `[...]` in the response, otherwise its last non-empty line.
    static func listText(_ response: String) -> (String, AnswerRegionSource) {
        let r = region(response)
        if r.source == .answerIs {
            let line = r.text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? r.text
            return (line, r.source)
        }
        if r.source != .whole { return (r.text, r.source) }
        let bytes = Array(response.utf8)
        if let close = bytes.lastIndex(of: UInt8(ascii: "]")), let open = bytes[..<close].lastIndex(of: UInt8(ascii: "[")) {
            return (String(decoding: bytes[(open + 1)..<close], as: UTF8.self), .whole)
        }
        return (lastLine(response), .whole)
    }

    /// The last line with a non-space character ("" when none).
    static func lastLine(_ text: String) -> String {
        let lines = text.split(separator: "\n")
        return lines.last(where: { $0.contains(where: { !$0.isWhitespace }) }).map(String.init) ?? ""
    }
}

/// A decimal number read from text: sign, integer digits, fraction digits, optional `/denominator`.
struct NumberToken: Sendable, Equatable {
    var negative: Bool
    var intDigits: String
    var fracDigits: String
    var denominator: String?

    /// Canonical integer text ("-12", "0") when the token is a whole number (`12.00`, `8/2` count), else nil.
    var integerText: String? {
        if let d = denominator {
            guard let n = Int(intDigits), let dv = Int(d), dv != 0, n % dv == 0 else { return nil }
            return NumberToken(negative: negative, intDigits: String(n / dv), fracDigits: "", denominator: nil).integerText
        }
        guard fracDigits.allSatisfy({ $0 == "0" }) else { return nil }
        let trimmed = String(intDigits.drop(while: { $0 == "0" }))
        if trimmed.isEmpty { return "0" }
        return (negative ? "-" : "") + trimmed
    }

    /// The value as a double (fractions divided).
    var doubleValue: Double? {
        let magnitude: Double?
        if let d = denominator {
            guard let n = Double(intDigits), let dv = Double(d), dv != 0 else { return nil }
            magnitude = n / dv
        } else {
            magnitude = Double(intDigits + (fracDigits.isEmpty ? "" : "." + fracDigits))
        }
        guard let m = magnitude else { return nil }
        return negative ? -m : m
    }

    var text: String {
        (negative ? "-" : "") + intDigits + (fracDigits.isEmpty ? "" : "." + fracDigits) + (denominator.map { "/" + $0 } ?? "")
    }
}
