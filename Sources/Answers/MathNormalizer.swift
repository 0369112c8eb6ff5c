import Foundation

/// String-level clean-up applied before tokenising an answer (rule list in ``AnswerRules``).
enum MathNormalizer {
    /// Wrapper commands whose braces are dropped (content kept).
    static let unwrapCommands = [
        "\\text", "\\textbf", "\\textit", "\\mathrm", "\\mathbf", "\\mathit", "\\mbox", "\\operatorname",
        "\\boxed", "\\displaystyle", "\\mathbb", "\\overline", "\\hbox", "\\textnormal", "\\textrm",
        "\\textsf", "\\texttt", "\\textup", "\\emph", "\\mathsf", "\\mathtt",
    ]

    static let plainReplacements: [(String, String)] = [
        ("\\dfrac", "\\frac"), ("\\tfrac", "\\frac"), ("\\cfrac", "\\frac"),
        ("\\left", ""), ("\\right", ""), ("\\bigl", ""), ("\\bigr", ""), ("\\Bigl", ""), ("\\Bigr", ""),
        ("\\big", ""), ("\\Big", ""),
        ("^{\\circ}", ""), ("^\\circ", ""), ("\\circ", ""), ("\\degree", ""),
        ("\\displaystyle", ""), ("\\textstyle", ""), ("\\qquad", " "), ("\\quad", " "),
        ("\\!", ""), ("\\,", " "), ("\\;", " "), ("\\:", " "), ("\\ ", " "), ("~", " "),
        ("\\$", ""), ("\\%", "%"), ("{,}", ","),
        ("\\leq", "≤"), ("\\geq", "≥"), ("\\le", "≤"), ("\\ge", "≥"), ("\\neq", "≠"), ("\\ne", "≠"),
        ("\\lt", "<"), ("\\gt", ">"), ("\\infty", "∞"), ("\\times", "×"), ("\\cdot", "·"), ("\\div", "÷"),
        ("\\lbrace", "\\{"), ("\\rbrace", "\\}"), ("\\{", "⦃"), ("\\}", "⦄"), ("\\(", ""), ("\\)", ""),
        ("\\[", ""), ("\\]", ""), ("$", ""), ("\\\\", " "),
    ]

    static func normalize(_ raw: String) -> String {
        var text = MatrixRewriting.rewrite(raw)
        text = UnitStripping.stripTrailingTextUnits(text)
        // Thin spaces between digit groups in LaTeX ("1\,000" / "1{,}000") are thousands separators.
        text = replaceDigitSeparators(text)
        // Every pattern starts with one of a few ASCII characters; patterns whose first character does not occur
        // are skipped without a scan (most long inputs have no backslash at all).
        var present = Set<UInt8>()
        for b in text.utf8 where b == 0x5C || b == 0x5E || b == 0x24 || b == 0x7E || b == 0x7B {
            present.insert(b)
            if present.count == 5 { break }
        }
        for (from, to) in plainReplacements where present.contains(from.utf8.first!) && text.contains(from) {
            text = text.replacingOccurrences(of: from, with: to)
        }
        text = unwrap(text)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `1\,000` and `1{,}000` → `1,000` (a later lexer rule reads grouped thousands); `3{,}14` (a LaTeX decimal
    /// comma: `{,}` between digits not followed by a group of exactly three) → `3.14`; `1,\!000` → `1,000`.
    static func replaceDigitSeparators(_ text: String) -> String {
        guard text.contains("\\,") || text.contains("{,}") || text.contains(",\\!") else { return text }
        var out = ""
        let chars = Array(text)
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isASCIIDigitCharacter }
        /// Exactly three digits start at `k` (and no fourth follows).
        func groupOfThree(_ k: Int) -> Bool { isDigit(k) && isDigit(k + 1) && isDigit(k + 2) && !isDigit(k + 3) }
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == ",", isDigit(i - 1), isDigit(i + 2) {
                out.append(",")
                i += 2
                continue
            }
            if chars[i] == "," && i + 2 < chars.count && chars[i + 1] == "\\" && chars[i + 2] == "!", isDigit(i - 1),
                isDigit(i + 3)
            {
                out.append(",")
                i += 3
                continue
            }
            if chars[i] == "{" && i + 2 < chars.count && chars[i + 1] == "," && chars[i + 2] == "}", isDigit(i - 1),
                isDigit(i + 3)
            {
                out.append(groupOfThree(i + 3) ? "," : ".")
                i += 3
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Replaces `\text{…}`-like wrappers by ` … ` (content kept, braces removed); `\boxed` and `\displaystyle`
    /// without a closed brace are dropped. One pass with brace pairs matched once (``BraceMatching``): O(n) however
    /// deep the wrappers nest or however many braces are left open.
    static func unwrap(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        let chars = Array(text.unicodeScalars)
        let closing = BraceMatching.closingIndices(in: chars, open: "{", close: "}")
        var blanked = [Bool](repeating: false, count: chars.count)  // closing braces of unwrapped commands
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(chars.count + 16)
        var i = 0
        while i < chars.count {
            if chars[i] == "\\", let command = wrapper(at: i, in: chars) {
                let after = i + command.count
                var j = after
                while j < chars.count && chars[j] == " " { j += 1 }
                if j < chars.count && chars[j] == "{" && closing[j] >= 0 {
                    out.append(" ")
                    blanked[closing[j]] = true
                    i = j + 1
                    continue
                } else if command == unwrapScalars.displaystyle || command == unwrapScalars.boxed {
                    out.append(" ")
                    i = after
                    continue
                }
            }
            out.append(blanked[i] ? " " : chars[i])
            i += 1
        }
        return String(String.UnicodeScalarView(out))
    }

    private static let unwrapScalars = (
        all: unwrapCommands.map { Array($0.unicodeScalars) },
        displaystyle: Array("\\displaystyle".unicodeScalars), boxed: Array("\\boxed".unicodeScalars)
    )

    /// The wrapper command starting at `i` and not followed by a letter (at most one qualifies).
    private static func wrapper(at i: Int, in chars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        for pattern in unwrapScalars.all where i + pattern.count <= chars.count {
            guard chars[i..<(i + pattern.count)].elementsEqual(pattern) else { continue }
            let after = i + pattern.count
            if after < chars.count && chars[after].properties.isAlphabetic { continue }
            return pattern
        }
        return nil
    }
}
