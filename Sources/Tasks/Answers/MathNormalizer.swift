import Foundation

/// String-level clean-up applied before tokenising an answer (rule list in ``AnswerRules``).
enum MathNormalizer {
    /// Wrapper commands whose braces are dropped (content kept).
    static let unwrapCommands = [
        "\\text", "\\textbf", "\\textit", "\\mathrm", "\\mathbf", "\\mathit", "\\mbox", "\\operatorname",
        "\\boxed", "\\displaystyle", "\\mathbb", "\\overline", "\\hbox",
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
        var text = raw
        // Thin spaces between digit groups in LaTeX ("1\,000" / "1{,}000") are thousands separators.
        text = replaceDigitSeparators(text)
        for (from, to) in plainReplacements where text.contains(from) {
            text = text.replacingOccurrences(of: from, with: to)
        }
        text = unwrap(text)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `1\,000` and `1{,}000` → `1,000` (a later lexer rule reads grouped thousands).
    static func replaceDigitSeparators(_ text: String) -> String {
        guard text.contains("\\,") || text.contains("{,}") else { return text }
        var out = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == ",", i > 0, chars[i - 1].isNumber,
                i + 4 < chars.count + 1, i + 2 < chars.count, chars[i + 2].isNumber
            {
                out.append(",")
                i += 2
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Replaces `\text{…}`-like wrappers by ` … ` (content kept, braces removed).
    static func unwrap(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var chars = Array(text.unicodeScalars)
        var changed = true
        while changed {
            changed = false
            for command in unwrapCommands {
                let pattern = Array(command.unicodeScalars)
                var i = 0
                while i + pattern.count <= chars.count {
                    if Array(chars[i..<(i + pattern.count)]) == pattern {
                        let after = i + pattern.count
                        if after < chars.count && chars[after].properties.isAlphabetic {
                            i += 1
                            continue
                        }
                        var j = after
                        while j < chars.count && chars[j] == " " { j += 1 }
                        if j < chars.count && chars[j] == "{", let end = AnswerExtractor.matchingBrace(chars, open: j) {
                            let inner = Array(chars[(j + 1)..<end])
                            chars.replaceSubrange(i...end, with: [" "] + inner + [" "])
                            changed = true
                            continue
                        } else if command == "\\displaystyle" || command == "\\boxed" {
                            chars.replaceSubrange(i..<after, with: [" "])
                            changed = true
                            continue
                        }
                    }
                    i += 1
                }
            }
        }
        return String(String.UnicodeScalarView(chars))
    }
}
