import Answers
import Foundation
import Exact
import Tasks

/// Normalized answers for voting: samples whose keys are equal vote together, and a `nil` key abstains.
///
/// Rules (in order): cut surrounding whitespace and `$`, drop all whitespace, drop `\,` `\!` `\;` spacing commands
/// and a final period, lower-case; remove thousands separators from a number written as `12,345`; a plain
/// decimal (`-12.50`) or a fraction of two integers (`6/8`) becomes its exact reduced rational (`-25/2`, `3/4`).
/// Anything else is kept as text after those steps.
public enum AnswerKey {
    /// The voting key of an extracted answer text (`nil` when nothing remains after normalization).
    public static func normalize(_ extracted: String) -> String? {
        var text = extracted.trimmingWhitespace()
        while text.hasPrefix("$") { text.removeFirst() }
        while text.hasSuffix("$") { text.removeLast() }
        for spacing in ["\\,", "\\!", "\\;", "\\quad"] { text = text.replacingAll(spacing, with: "") }
        text = String(text.filter { !$0.isWhitespace }).lowercased()
        while text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if isGroupedNumber(text) { text = text.replacingAll(",", with: "") }
        if let value = exactValue(text) { return value.description }
        return text
    }

    /// The key of a graded sample. A correct sample gets `goldKey` (so every correct sample votes together, however
    /// it was written); an incorrect one gets its normalized answer, suffixed with `#incorrect` if that would
    /// collide with `goldKey` (a key's group then always shares one verdict); an unparseable one abstains.
    public static func key(verdict: Verdict, goldKey: String) -> String? {
        switch verdict.kind {
        case .correct:
            return goldKey
        case .unparseable:
            return nil
        case .incorrect:
            guard let extracted = verdict.extracted, let key = normalize(extracted) else { return nil }
            return key == goldKey ? key + "#incorrect" : key
        }
    }

    /// The gold key of an instance: its reference answer, normalized (the raw answer when it normalizes to nothing).
    public static func goldKey(of instance: TaskInstance) -> String {
        normalize(AnswerExtractor.extractGold(from: instance.answer)) ?? instance.answer
    }

    /// `-?d{1,3}(,ddd)+(.d+)?`
    static func isGroupedNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 && (parts[1].isEmpty || !parts[1].allSatisfy(\.isASCIIDigit)) { return false }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// The exact value of a plain decimal or a fraction of two plain decimals.
    static func exactValue(_ text: String) -> Rational? {
        func decimal(_ part: Substring) -> Rational? {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" }) else {
                return nil
            }
            return Rational(decimalLiteral: part)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return decimal(parts[0])
        case 2:
            guard let n = decimal(parts[0]), let d = decimal(parts[1]), !d.isZero else { return nil }
            return n / d
        default: return nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingWhitespace() -> String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
