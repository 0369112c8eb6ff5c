import Answers
import Foundation

/// Reading NUPA answers and computing NUPA's metrics (rules in ``NUPAFamily``).
enum NUPAParsing {
    /// Digit-string parts of a number written in `representation` at the start of `text` (after spaces, `$`,
    /// `*`); with `anchored == false` the caller scans positions itself. Signs are dropped.
    static func parts(of text: Substring, as representation: NUPARepresentation, anchored: Bool) -> [String]? {
        var s = text.utf8[...]
        if anchored {
            while let f = s.first, f == 32 || f == 36 || f == 42 || f == 10 { s = s.dropFirst() }
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func digits() -> String? {
            let run = s.prefix(while: isDigit)
            guard !run.isEmpty else { return nil }
            s = s.dropFirst(run.count)
            return String(decoding: run, as: UTF8.self)
        }
        func take(_ byte: UInt8) -> Bool {
            if s.first == byte {
                s = s.dropFirst()
                return true
            }
            return false
        }
        _ = take(43) || take(45)  // + or -
        guard let first = digits() else { return nil }
        switch representation {
        case .integer:
            return [first]
        case .float:
            guard take(46), let decimals = digits() else { return nil }
            return [first, decimals]
        case .fraction:
            guard take(47), let denominator = digits() else { return nil }
            return [first, denominator]
        case .scientific:
            guard take(46), let decimals = digits() else { return nil }
            guard take(101) || take(69) else { return nil }  // e or E
            _ = take(43) || take(45)
            guard let exponent = digits() else { return nil }
            return [first, decimals, exponent]
        }
    }

    /// The answer text and its parts, from the last `\boxed{}`, else after "answer is", else after the first
    /// " = ", else the start of the response; failing an anchored read there, the last match anywhere.
    static func read(_ response: String, as representation: NUPARepresentation) -> (String, [String])? {
        var candidates: [Substring] = []
        if let boxed = AnswerExtractor.lastBoxed(in: response) { candidates.append(Substring(boxed)) }
        if let stated = AnswerExtractor.lastAnswerIs(in: response) { candidates.append(Substring(stated)) }
        if let eq = response.range(of: " = ") { candidates.append(response[eq.upperBound...]) }
        candidates.append(Substring(response))
        for candidate in candidates {
            if let parts = parts(of: candidate, as: representation, anchored: true) {
                return (render(parts, representation), parts)
            }
        }
        // Last match anywhere: try every position where a digit run starts (reading in place: a copy of the tail
        // per start made a 1 MB response of short numbers take quadratic time).
        let utf8 = response.utf8
        var best: [String]? = nil
        var previous: UInt8? = nil
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let isStart = byte >= 48 && byte <= 57 && !(previous.map { $0 >= 48 && $0 <= 57 } ?? false) && previous != 46
            if isStart, let parts = parts(of: response[index...], as: representation, anchored: false) { best = parts }
            previous = byte
            index = utf8.index(after: index)
        }
        return best.map { (render($0, representation), $0) }
    }

    static func render(_ parts: [String], _ representation: NUPARepresentation) -> String {
        switch representation {
        case .integer: return parts[0]
        case .float: return parts[0] + "." + parts[1]
        case .fraction: return parts[0] + "/" + parts[1]
        case .scientific: return parts[0] + "." + parts[1] + "e" + parts[2]
        }
    }

    /// Alignment of each part: `true` = from the right (least significant end), `false` = from the left.
    static func alignments(_ representation: NUPARepresentation) -> [Bool] {
        switch representation {
        case .integer: return [true]
        case .float: return [true, false]
        case .fraction: return [true, true]
        case .scientific: return [true, false, true]
        }
    }

    /// `digit_match` and `length_diff` (the score is exact match, computed by the caller).
    static func metrics(gold: [String], prediction: [String], representation: NUPARepresentation) -> [String: Double] {
        var matched = 0, total = 0, goldDigits = 0, predictedDigits = 0
        for (k, fromRight) in alignments(representation).enumerated() {
            let g = Array(gold[k].utf8), p = k < prediction.count ? Array(prediction[k].utf8) : []
            total += g.count
            goldDigits += g.count
            predictedDigits += p.count
            for i in 0..<min(g.count, p.count) {
                let match = fromRight ? g[g.count - 1 - i] == p[p.count - 1 - i] : g[i] == p[i]
                if match { matched += 1 }
            }
        }
        return [
            "exact_match": gold == prediction ? 1 : 0,
            "digit_match": total == 0 ? 0 : Double(matched) / Double(total),
            "length_diff": Double(abs(predictedDigits - goldDigits)),
        ]
    }
}
