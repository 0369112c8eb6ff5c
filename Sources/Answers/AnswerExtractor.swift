import Foundation

/// A final answer read out of a free-form response, and which rule found it.
public struct ExtractedAnswer: Sendable, Equatable, Codable {
    /// Which extraction rule produced the answer, in priority order (earlier wins).
    public enum Source: String, Sendable, Equatable, Codable, CaseIterable {
        /// The content of the last balanced `\boxed{…}` (or `\fbox{…}`).
        case boxed
        /// The content of the last `<answer>…</answer>` tag.
        case answerTag
        /// The text after the last "final answer is", "the answer is", "answer:" (to the end of its sentence).
        case answerIs
        /// The text after the last `####` (GSM8K style).
        case hashes
        /// The whole (short, single-line) response, when it parses as a mathematical answer.
        case whole
        /// The last inline or display math span (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) that parses as mathematics.
        case lastMath
        /// The last number in the response.
        case lastNumber
    }

    /// The answer text with surrounding whitespace, `$` delimiters, markdown emphasis and a final period removed.
    public var text: String
    public var source: Source

    public init(text: String, source: Source) {
        self.text = text
        self.source = source
    }
}

/// Reads the final answer out of a model response. See ``AnswerRules`` for the rules.
///
/// Priority (the first rule that yields a non-empty answer wins):
/// 0. If the response contains `</think>`, only the text after the last `</think>` is searched (when that is
///    blank, the text before it).
/// 1. last balanced `\boxed{…}` / `\fbox{…}` (brace matching, nesting allowed; `\boxed 5` also accepted);
/// 2. last `<answer>…</answer>`;
/// 3. last "final answer is" / "the answer is" / "answer:" (case-insensitive), up to the end of the line or
///    sentence (a period followed by a space);
/// 4. last `#### …` line;
/// 5. the whole response, if it is one line of at most 80 characters that parses as a mathematical answer;
/// 6. the last math span (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) whose content parses as mathematics;
/// 7. the last number (sign, thousands separators, decimals, exponent, or a simple fraction `a/b`).
public enum AnswerExtractor {
    public static func extract(from response: String) -> ExtractedAnswer? {
        let text = withoutChatTail(afterThinking(response))
        if let boxed = lastBoxed(in: text) {
            let cleaned = cleanup(boxed)
            if !cleaned.isEmpty { return ExtractedAnswer(text: cleaned, source: .boxed) }
        }
        if let tagged = lastTag(in: text) {
            let cleaned = cleanup(tagged)
            if !cleaned.isEmpty { return ExtractedAnswer(text: cleaned, source: .answerTag) }
        }
        if let (stated, broken) = lastAnswerIsSpan(in: text) {
            // An answer cut by a line break inside a formula or after an operator is not read (nor a number after it).
            if broken { return nil }
            let cleaned = cleanup(stated)
            if !cleaned.isEmpty { return ExtractedAnswer(text: cleaned, source: .answerIs) }
        }
        if let hashed = lastHashes(in: text) {
            let cleaned = cleanup(hashed)
            if !cleaned.isEmpty { return ExtractedAnswer(text: cleaned, source: .hashes) }
        }
        let trimmed = cleanup(text)
        if !trimmed.isEmpty && trimmed.count <= 80 && !trimmed.contains("\n")
            && MathParser.parseAnswer(trimmed, allowWords: false) != nil
        {
            return ExtractedAnswer(text: trimmed, source: .whole)
        }
        if let math = lastMathSpan(in: text) {
            return ExtractedAnswer(text: math, source: .lastMath)
        }
        if let number = lastNumber(in: text) {
            return ExtractedAnswer(text: number, source: .lastNumber)
        }
        return nil
    }

    /// The answer part of a gold (reference) string: the last `\boxed{}` if present, else the text after the
    /// last `####`, else the whole string (cleaned). Gold strings are answers, not responses, so no
    /// last-number fallback is applied.
    public static func extractGold(from gold: String) -> String {
        if let boxed = lastBoxed(in: gold) { return cleanup(boxed) }
        if let hashed = lastHashes(in: gold) { return cleanup(hashed) }
        return cleanup(gold)
    }

    // MARK: - Rules (byte-level: every marker is ASCII, so slicing at its bytes keeps UTF-8 valid)

    /// The text after the last `</think>` if that is non-empty, else the text before it (without `<think>`),
    /// or the whole response when there is no `</think>`.
    static func afterThinking(_ response: String) -> String {
        let bytes = Array(response.utf8)
        guard let close = ByteSearch.last(ByteSearch.thinkClose, in: bytes, caseInsensitive: false) else { return response }
        let tail = bytes[(close + ByteSearch.thinkClose.count)...]
        if tail.allSatisfy(ByteSearch.isSpace) {
            var head = Array(bytes[..<close])
            if let open = ByteSearch.last(ByteSearch.thinkOpen, in: head, caseInsensitive: false) {
                head.removeSubrange(open..<(open + ByteSearch.thinkOpen.count))
            }
            return String(decoding: head, as: UTF8.self)
        }
        return String(decoding: tail, as: UTF8.self)
    }

    /// Chat-template end tokens that models leave after the answer (removed anywhere in the response), and the
    /// Minerva sign-off "I hope it is correct" (removed, case-insensitively).
    static let chatTokens = [
        "<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end_of_text|>", "<|end|>", "<end_of_turn>", "</s>", "<eos>",
        "<|im_start|>", "<|assistant|>",
    ]
    static let signOffs = ["I hope it is correct", "I hope it's correct", "I hope this is correct"]

    static func withoutChatTail(_ text: String) -> String {
        var out = text
        for token in chatTokens where out.contains(token) {
            out = out.replacingOccurrences(of: token, with: " ")
        }
        for phrase in signOffs where out.range(of: phrase, options: .caseInsensitive) != nil {
            out = out.replacingOccurrences(of: phrase, with: " ", options: .caseInsensitive)
        }
        return out
    }

    /// The cleaned contents of every `\boxed{…}` / `\fbox{…}` not nested in another, in order, with repeats of the
    /// same text dropped; at most `limit` (`nil` when there are more). Linear in the text.
    public static func topLevelBoxes(in text: String, limit: Int = 64) -> [String]? {
        let bytes = Array(text.utf8)
        var found: [String] = []
        var closing: [Int]? = nil
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == 0x5C else {
                i += 1
                continue
            }
            var length = 0
            if i + 1 + ByteSearch.boxed.count <= n && bytes[(i + 1)..<(i + 1 + ByteSearch.boxed.count)].elementsEqual(ByteSearch.boxed) {
                length = 1 + ByteSearch.boxed.count
            } else if i + 1 + ByteSearch.fbox.count <= n && bytes[(i + 1)..<(i + 1 + ByteSearch.fbox.count)].elementsEqual(ByteSearch.fbox) {
                length = 1 + ByteSearch.fbox.count
            }
            var j = i + length
            while length > 0 && j < n && bytes[j] == 0x20 { j += 1 }
            guard length > 0, j < n, bytes[j] == 0x7B else {
                i += max(length, 1)
                continue
            }
            if closing == nil { closing = BraceMatching.closingIndices(in: bytes, open: 0x7B, close: 0x7D) }
            let end = closing![j]
            guard end >= 0 else {
                i = j + 1
                continue
            }
            let content = cleanup(String(decoding: bytes[(j + 1)..<end], as: UTF8.self))
            if !content.isEmpty && !found.contains(content) {
                found.append(content)
                if found.count > limit { return nil }
            }
            i = end + 1
        }
        return found
    }

    /// Content of the last balanced `\boxed{…}` or `\fbox{…}`; `nil` if none is balanced.
    public static func lastBoxed(in text: String) -> String? {
        var found: String? = nil
        text.utf8.withContiguousStorageIfAvailable { found = lastBoxed(bytes: $0) } ?? {
            let bytes = Array(text.utf8)
            found = bytes.withUnsafeBufferPointer { lastBoxed(bytes: $0) }
        }()
        return found
    }

    /// One pass over the text: brace pairs are matched once (``BraceMatching``), and only the range of the best
    /// box so far is kept (the text is copied once, at the end), so nesting and unclosed braces cost O(n) in all.
    static func lastBoxed(bytes s: UnsafeBufferPointer<UInt8>) -> String? {
        var best: Range<Int>? = nil
        var i = 0
        let n = s.count
        var closing: [Int]? = nil
        while i < n {
            guard s[i] == 0x5C else {  // '\'
                i += 1
                continue
            }
            var length = 0
            if ByteSearch.matches(ByteSearch.boxed, s, at: i + 1) {
                length = 1 + ByteSearch.boxed.count
            } else if ByteSearch.matches(ByteSearch.fbox, s, at: i + 1) {
                length = 1 + ByteSearch.fbox.count
            }
            if length == 0 || (i + length < n && ByteSearch.isLetter(s[i + length])) {
                i += 1
                continue
            }
            var j = i + length
            while j < n && s[j] == 0x20 { j += 1 }
            if j < n && s[j] == 0x7B {  // '{'
                if closing == nil { closing = BraceMatching.closingIndices(in: s, open: 0x7B, close: 0x7D) }
                let end = closing![j]
                if end >= 0 {
                    best = (j + 1)..<end
                    i = j + 1
                    continue
                }
            } else if j > i + length && j < n {
                // `\boxed 5`: the token up to the next space, `$` or newline.
                var k = j
                while k < n && s[k] != 0x20 && s[k] != 0x24 && s[k] != 0x0A { k += 1 }
                best = j..<k
            }
            i += length
        }
        return best.map { String(decoding: UnsafeBufferPointer(rebasing: s[$0]), as: UTF8.self) }
    }

    static func lastTag(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let close = ByteSearch.last(ByteSearch.answerClose, in: bytes, caseInsensitive: true),
            let open = ByteSearch.last(ByteSearch.answerOpen, in: Array(bytes[..<close]), caseInsensitive: true)
        else { return nil }
        return String(decoding: bytes[(open + ByteSearch.answerOpen.count)..<close], as: UTF8.self)
    }

    static let answerMarkers = ["final answer is", "answer is", "final answer:", "answer:"]

    /// The text after the last answer marker, to the end of its line or sentence.
    public static func lastAnswerIs(in text: String) -> String? {
        lastAnswerIsSpan(in: text)?.text
    }

    /// The text after the last answer marker, and whether the answer is broken across lines: its line ends inside
    /// `$…$` or an open brace, or after an operator, comma or backslash, and the next line goes on.
    static func lastAnswerIsSpan(in text: String) -> (text: String, broken: Bool)? {
        let bytes = Array(text.utf8)
        var bestEnd: Int? = nil
        var bestStart = -1
        for marker in ByteSearch.answerMarkers {
            if let at = ByteSearch.last(marker, in: bytes, caseInsensitive: true), at > bestStart {
                bestStart = at
                bestEnd = at + marker.count
            }
        }
        guard var i = bestEnd else { return nil }
        while i < bytes.count, bytes[i] == 0x3A || bytes[i] == 0x20 || bytes[i] == 0x2A || bytes[i] == 0x09 { i += 1 }
        if i < bytes.count && bytes[i] == 0x0A {
            while i < bytes.count && ByteSearch.isSpace(bytes[i]) { i += 1 }
        }
        // To the end of the line, or the first ". " / final "." outside $…$.
        var end = i
        var inMath = false
        while end < bytes.count && bytes[end] != 0x0A {
            let b = bytes[end]
            if b == 0x24 { inMath.toggle() }
            if b == 0x2E && !inMath && (end + 1 == bytes.count || bytes[end + 1] == 0x20 || bytes[end + 1] == 0x0A) { break }
            end += 1
        }
        var broken = false
        if end < bytes.count && bytes[end] == 0x0A {
            var depth = 0
            for b in bytes[i..<end] {
                if b == 0x7B { depth += 1 } else if b == 0x7D { depth -= 1 }
            }
            var last = end
            while last > i && ByteSearch.isSpace(bytes[last - 1]) { last -= 1 }
            let dangling = last > i && "+-*/=,\\^_({[".utf8.contains(bytes[last - 1])
            var next = end
            while next < bytes.count && ByteSearch.isSpace(bytes[next]) { next += 1 }
            let continues = next < bytes.count && !ByteSearch.isLetter(bytes[next])
            broken = continues && (inMath || depth > 0 || dangling)
        }
        return (String(decoding: bytes[i..<end], as: UTF8.self), broken)
    }

    /// The content of the last `$…$`, `$$…$$`, `\(…\)` or `\[…\]` span that parses as mathematics.
    static func lastMathSpan(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var spans: [(Int, Int)] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x24 {  // $ or $$
                let fence = i + 1 < bytes.count && bytes[i + 1] == 0x24 ? 2 : 1
                var j = i + fence
                var end: Int? = nil
                while j < bytes.count {
                    if bytes[j] == 0x5C { j += 2; continue }  // skip escapes such as \$
                    if bytes[j] == 0x24 && (fence == 1 || (j + 1 < bytes.count && bytes[j + 1] == 0x24)) {
                        end = j
                        break
                    }
                    j += 1
                }
                guard let close = end else { break }
                spans.append((i + fence, close))
                i = close + fence
                continue
            }
            if b == 0x5C && i + 1 < bytes.count && (bytes[i + 1] == 0x28 || bytes[i + 1] == 0x5B) {
                let closer: UInt8 = bytes[i + 1] == 0x28 ? 0x29 : 0x5D
                var j = i + 2
                var end: Int? = nil
                while j + 1 < bytes.count {
                    if bytes[j] == 0x5C && bytes[j + 1] == closer {
                        end = j
                        break
                    }
                    j += 1
                }
                guard let close = end else { break }
                spans.append((i + 2, close))
                i = close + 2
                continue
            }
            i += 1
        }
        for (start, end) in spans.reversed() {
            let content = cleanup(String(decoding: bytes[start..<end], as: UTF8.self))
            if !content.isEmpty && MathParser.parseAnswer(content, allowWords: false) != nil { return content }
        }
        return nil
    }

    static func lastHashes(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let at = ByteSearch.last(ByteSearch.hashes, in: bytes, caseInsensitive: false) else { return nil }
        var end = at + 4
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return String(decoding: bytes[(at + 4)..<end], as: UTF8.self)
    }

    /// The last number: `[-]digits[,ddd…][.digits][e±digits]` optionally preceded by `digits/`. A `-` counts as a
    /// sign only at the start or after whitespace or one of `( [ { = : , $`.
    ///
    /// Digits inside a word or after `^`, `_` or `\` (`COVID19`, `x2`, `cm^2`, `x_1`) are not numbers: the search
    /// goes on before them. A number that starts a line continuing a number on the line before (`1,` / `000`) is an
    /// answer broken across lines, and nothing is read.
    public static func lastNumber(in text: String) -> String? {
        let s = Array(text.utf8)
        var limit = s.count
        while true {
            guard let (start, end) = lastNumberRange(in: s, before: limit) else { return nil }
            if start > 0 && (ByteSearch.isLetter(s[start - 1]) || "^_\\".utf8.contains(s[start - 1])) {
                limit = start
                continue
            }
            var k = start
            while k > 0 && (s[k - 1] == 0x20 || s[k - 1] == 0x09) { k -= 1 }
            if k > 0 && (s[k - 1] == 0x0A || s[k - 1] == 0x0D) {
                while k > 0 && ByteSearch.isSpace(s[k - 1]) { k -= 1 }
                if k > 0 && (isDigitByte(s[k - 1]) || s[k - 1] == 0x2C) { return nil }
            }
            var number = String(decoding: s[start..<end], as: UTF8.self)
            if number.contains(",") && !NumberSyntax.isGroupedThousands(number) {
                number = String(number.split(separator: ",").last ?? "")
            }
            return number.isEmpty ? nil : number
        }
    }

    @inline(__always) static func isDigitByte(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// The byte range of the last number ending before `limit` (see ``lastNumber(in:)``).
    static func lastNumberRange(in s: [UInt8], before limit: Int) -> (Int, Int)? {
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        var i = limit - 1
        while i >= 0 && !isDigit(s[i]) { i -= 1 }
        guard i >= 0 else { return nil }
        var end = i + 1
        var start = i
        while start > 0 && (isDigit(s[start - 1]) || s[start - 1] == 0x2E || s[start - 1] == 0x2C) { start -= 1 }
        // Drop leading separators (a leading "." followed by a digit stays: ".5").
        while start < end && (s[start] == 0x2E || s[start] == 0x2C) {
            if s[start] == 0x2E && start + 1 < end && isDigit(s[start + 1]) { break }
            start += 1
        }
        // A fraction a/b.
        if start >= 2 && s[start - 1] == 0x2F && isDigit(s[start - 2]) {
            var k = start - 2
            while k > 0 && isDigit(s[k - 1]) { k -= 1 }
            start = k
        }
        // An exponent: the last digits were the exponent of "1.5e-3".
        if start >= 2, s[start - 1] == 0x65 || s[start - 1] == 0x45 || s[start - 1] == 0x2D || s[start - 1] == 0x2B {
            var k = start - 1
            if s[k] == 0x2D || s[k] == 0x2B { k -= 1 }
            if k >= 1 && (s[k] == 0x65 || s[k] == 0x45) && isDigit(s[k - 1]) {
                var m = k - 1
                while m > 0 && (isDigit(s[m - 1]) || s[m - 1] == 0x2E) { m -= 1 }
                start = m
            }
        }
        if start > 0 && s[start - 1] == 0x2D {
            let before: UInt8? = start >= 2 ? s[start - 2] : nil
            if before == nil || ByteSearch.isSpace(before!) || "([{=:,$".utf8.contains(before!) { start -= 1 }
        }
        while end > start && (s[end - 1] == 0x2E || s[end - 1] == 0x2C) { end -= 1 }
        return (start, end)
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// Trims whitespace, `$…$`, `\(…\)`, `\[…\]`, markdown `**`, and a final period.
    public static func cleanup(_ raw: String) -> String {
        var text = Substring(raw).trimmingSpaces
        var changed = true
        while changed {
            changed = false
            for (open, close) in [("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]"), ("**", "**"), ("`", "`")] {
                if text.utf8.count >= open.utf8.count + close.utf8.count && text.hasPrefix(open) && text.hasSuffix(close) {
                    text = text.dropFirst(open.count).dropLast(close.count).trimmingSpaces
                    changed = true
                }
            }
            if text.hasSuffix(".") && !text.hasSuffix("..") {
                text = text.dropLast().trimmingSpaces
                changed = true
            }
        }
        return String(text)
    }
}

extension Substring {
    /// Without leading and trailing whitespace.
    public var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

/// Number-syntax helpers shared by the extractor and the parser.
enum NumberSyntax {
    /// `1,234`, `12,345,678.5`, `-1,000`: 1–3 leading digits then groups of exactly three.
    static func isGroupedThousands(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else { return false }
        for group in groups where !group.allSatisfy(\.isASCIIDigitCharacter) { return false }
        for group in groups.dropFirst() where group.count != 3 { return false }
        if parts.count == 2 && !parts[1].allSatisfy(\.isASCIIDigitCharacter) { return false }
        return true
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
