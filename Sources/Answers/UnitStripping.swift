import Foundation

/// Drops units written in a text wrapper after a number: `5\text{ cm}`, `12 \mbox{km/h}`, `3\textnormal{ m}^2`,
/// `7\textbf{ apples}`. Only wrappers at the very end of the answer, after text that contains a digit, whose content
/// is words (letters, spaces, `.`, `/`, and `^` with a digit) are dropped; a lone `e` or `i` is kept (constants).
/// A single plain letter outside a wrapper stays a variable (`5m` is five times m).
enum UnitStripping {
    static let wrappers = [
        "\\text", "\\textnormal", "\\mbox", "\\textbf", "\\textrm", "\\mathrm", "\\textit", "\\textsf", "\\hbox",
    ].map { Array($0.unicodeScalars) }

    static func stripTrailingTextUnits(_ text: String) -> String {
        guard text.contains("\\") && text.contains("}") else { return text }
        var s = Array(text.unicodeScalars)
        var changed = false
        for _ in 0..<4 {
            var end = s.count
            while end > 0 && s[end - 1].properties.isWhitespace { end -= 1 }
            // An exponent on the unit: ^2, ^3, ^{2}, ^{3}.
            var cut = end
            if cut >= 2, s[cut - 2] == "^", "23".unicodeScalars.contains(s[cut - 1]) {
                cut -= 2
            } else if cut >= 4, s[cut - 1] == "}", s[cut - 3] == "{", s[cut - 4] == "^", "23".unicodeScalars.contains(s[cut - 2]) {
                cut -= 4
            }
            guard cut > 0, s[cut - 1] == "}" else { break }
            let last = cut - 1
            let closing = BraceMatching.closingIndices(in: s[..<cut], open: "{", close: "}")
            guard let opener = closing.lastIndex(of: last) else { break }
            guard let command = wrappers.first(where: { w in
                opener >= w.count && s[(opener - w.count)..<opener].elementsEqual(w)
            }) else { break }
            let content = s[(opener + 1)..<last]
            guard isUnitText(content) else { break }
            let before = s[..<(opener - command.count)]
            guard before.contains(where: { $0.value >= 48 && $0.value <= 57 }) else { break }
            s = Array(before)
            changed = true
        }
        return changed ? String(String.UnicodeScalarView(s)) : text
    }

    private static func isUnitText(_ content: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = 0
        var previous: Unicode.Scalar = " "
        for c in content {
            if (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) {
                letters += 1
            } else if c == " " || c == "." || c == "/" || c == "^" {
            } else if c.value >= 48 && c.value <= 57 {
                if previous != "^" { return false }
            } else {
                return false
            }
            previous = c
        }
        let word = String(String.UnicodeScalarView(content)).trimmingCharacters(in: .whitespaces)
        return letters > 0 && word != "e" && word != "i"
    }
}
