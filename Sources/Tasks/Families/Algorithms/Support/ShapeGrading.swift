import Foundation

/// Verdicts for the answer shapes shared by the algorithmic families (integer, decimal, list, set, phrase).
enum ShapeGrading {
    /// Exact integer equality (any size). `expected` is canonical integer text ("-12").
    static func integer(_ response: String, expected: String) -> Verdict {
        let region = ResponseScanner.region(response)
        guard let token = ResponseScanner.scalar(in: region) else {
            return .unparseable(detail: "no number found in the \(region.source.rawValue) answer")
        }
        guard let value = token.integerText else {
            return .incorrect(extracted: token.text, detail: "expected the whole number \(expected), read \(token.text)")
        }
        var metrics: [String: Double] = [:]
        if let a = Double(value), let b = Double(expected) { metrics["abs_error"] = abs(a - b) }
        if value == expected { return .correct(extracted: value, metrics: metrics) }
        return .incorrect(extracted: value, detail: "expected \(expected), read \(value)", metrics: metrics)
    }

    /// Numeric equality within `tolerance` (absolute); fractions `a/b` accepted.
    static func decimal(_ response: String, expected: Double, tolerance: Double, expectedText: String) -> Verdict {
        let region = ResponseScanner.region(response)
        guard let token = ResponseScanner.scalar(in: region), let value = token.doubleValue else {
            return .unparseable(detail: "no number found in the \(region.source.rawValue) answer")
        }
        let error = abs(value - expected)
        if error <= tolerance + 1e-9 { return .correct(extracted: token.text, metrics: ["abs_error": error]) }
        return .incorrect(
            extracted: token.text, detail: "expected \(expectedText) (±\(tolerance)), read \(token.text)",
            metrics: ["abs_error": error])
    }

    /// Integers of a list answer, in order; nil for the entry that is not a whole number.
    static func listValues(_ response: String) -> (values: [String?], raw: String)? {
        let (text, _) = ResponseScanner.listText(response)
        let tokens = ResponseScanner.numbers(in: text, grouping: false)
        if tokens.isEmpty { return nil }
        return (tokens.map { $0.integerText }, text)
    }

    /// Ordered list equality; partial credit = fraction of positions that match.
    static func orderedList(_ response: String, expected: [String]) -> Verdict {
        guard let (values, _) = listValues(response) else { return .unparseable(detail: "no list of numbers found") }
        let shown = "[" + values.map { $0 ?? "?" }.joined(separator: ", ") + "]"
        var matches = 0
        var firstError: String? = nil
        for i in 0..<max(values.count, expected.count) {
            let got = i < values.count ? values[i] : nil
            let want = i < expected.count ? expected[i] : nil
            if got != nil, got == want { matches += 1; continue }
            if firstError == nil {
                firstError = "position \(i): expected \(want ?? "nothing"), read \(i < values.count ? (got ?? "a non-integer") : "nothing")"
            }
        }
        let metrics: [String: Double] = [
            "position_match": Double(matches) / Double(max(1, expected.count)),
            "length_diff": Double(values.count - expected.count),
        ]
        if firstError == nil { return .correct(extracted: shown, metrics: metrics) }
        var detail = firstError!
        if values.count != expected.count { detail = "expected \(expected.count) numbers, read \(values.count); " + detail }
        return .incorrect(extracted: shown, score: Double(matches) / Double(max(values.count, expected.count)),
                          detail: detail, metrics: metrics)
    }

    /// Set equality (order and repeats ignored); partial credit = Jaccard index.
    static func integerSet(_ response: String, expected: [String]) -> Verdict {
        guard let (values, _) = listValues(response) else { return .unparseable(detail: "no numbers found") }
        let got = Set(values.compactMap { $0 }), want = Set(expected)
        let shown = got.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.joined(separator: ", ")
        let jaccard = Double(got.intersection(want).count) / Double(max(1, got.union(want).count))
        if got == want, !values.contains(where: { $0 == nil }) { return .correct(extracted: shown, metrics: ["jaccard": 1]) }
        var detail = "expected {\(expected.joined(separator: ", "))}, read {\(shown)}"
        if let missing = want.subtracting(got).sorted().first { detail += "; missing \(missing)" }
        else if let extra = got.subtracting(want).sorted().first { detail += "; extra \(extra)" }
        return .incorrect(extracted: shown, score: jaccard, detail: detail, metrics: ["jaccard": jaccard])
    }

    /// One phrase out of `options` (synonyms map to the canonical phrase); the last mention in the region wins.
    static func phrase(_ response: String, expected: String, synonyms: [(String, String)]) -> Verdict {
        let region = ResponseScanner.region(response)
        let text = ResponseScanner.cleaned(region.text).lowercased()
        var best: (position: String.Index, canonical: String)? = nil
        for (word, canonical) in synonyms {
            if let r = text.range(of: word, options: .backwards) {
                if best == nil || r.lowerBound > best!.position
                    || (r.lowerBound == best!.position && word.count > 1) { best = (r.lowerBound, canonical) }
            }
        }
        guard let found = best else { return .unparseable(detail: "none of the expected phrases found") }
        if found.canonical == expected { return .correct(extracted: found.canonical) }
        return .incorrect(extracted: found.canonical, detail: "expected \"\(expected)\", read \"\(found.canonical)\"")
    }
}

/// Builds instances with the shared prompt endings.
enum InstanceBuilder {
    static let plainEnding = "State your final answer at the end of your response."
    static let boxedEnding = "Your final answer must be in the format \\boxed{...} at the end."

    static func make(
        family: some TaskFamily, seed: UInt64, index: Int, difficulty: Difficulty, question: String,
        answer: String, data: [String: String], plainEnding: String = plainEnding, boxedEnding: String = boxedEnding
    ) -> TaskInstance {
        TaskInstance(
            id: "\(family.id)-\(seed)-\(index)", family: family.id, version: family.version, seed: seed, index: index,
            params: difficulty.values, prompt: question + "\n" + plainEnding, boxedPrompt: question + "\n" + boxedEnding,
            answer: answer, data: data)
    }

    /// `[a, b, c]`
    static func list(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }

    /// The integers of `text` as ``parseList(_:)`` reads them, or nil unless there are `count` of them, each of
    /// magnitude at most `magnitude` (≤ 10¹⁷). Graders re-solve from instance data, which a graded line may carry
    /// edited, so sizes their generator never writes are refused before any arithmetic (found by Scripts/fuzz).
    static func checkedList(_ text: String?, count: ClosedRange<Int>, magnitude: Int) -> [Int]? {
        guard let text else { return nil }
        var out: [Int] = []
        var value = 0, negative = false, inNumber = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                value = value * 10 + Int(byte - 48)
                guard value <= magnitude else { return nil }
                inNumber = true
            } else {
                if inNumber { out.append(negative ? -value : value) }
                guard out.count <= count.upperBound else { return nil }
                negative = byte == UInt8(ascii: "-")
                value = 0
                inNumber = false
            }
        }
        if inNumber { out.append(negative ? -value : value) }
        return count.contains(out.count) ? out : nil
    }

    /// Parses `[a, b, c]` written by ``list(_:)`` (any separators; signed decimal integers).
    static func parseList(_ text: String?) -> [Int] {
        guard let text else { return [] }
        var out: [Int] = []
        var value = 0, negative = false, inNumber = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                value = value * 10 + Int(byte - 48)
                inNumber = true
            } else {
                if inNumber { out.append(negative ? -value : value) }
                negative = byte == UInt8(ascii: "-")
                value = 0
                inNumber = false
            }
        }
        if inNumber { out.append(negative ? -value : value) }
        return out
    }
}
