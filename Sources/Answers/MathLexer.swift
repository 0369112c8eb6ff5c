/// Tokens of the answer language (plain text maths and a LaTeX subset).
enum MathToken: Equatable, Sendable {
    /// A numeric literal as written: digits, optional `.digits`, optional exponent (`e±digits`).
    case number(String)
    /// One letter (a variable or `e`), or a Greek letter name from a command (`\alpha` → `alpha`).
    case letter(String)
    /// A run of two or more letters (a function name, a unit, or a word).
    case word(String)
    /// A LaTeX command without its backslash (`frac`, `sqrt`, `pi`, `cdot`, …).
    case command(String)
    /// Punctuation / operator: `+ - * / ^ ( ) [ ] { } , ; : = < > ! | % _ ⦃ ⦄ ⟦ ⟧ ≈ ∈` (⦃ ⦄ stand for `\{` `\}`,
    /// ⟦ ⟧ for matrix brackets from ``MatrixRewriting``, ≈ for `\approx`, ∈ for `\in`), and the two-character
    /// relations `<=`, `>=`, `!=` as `≤ ≥ ≠`.
    case symbol(Character)
}

/// Turns normalised answer text into tokens.
enum MathLexer {
    /// Returns `nil` on a character the language does not know, or once more than `limit` tokens are read.
    static func tokenize(_ text: String, limit: Int = Int.max) -> [MathToken]? {
        let s = Array(text.unicodeScalars)
        var tokens: [MathToken] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func isGroupSpace(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\u{00A0}" || c == "\u{2009}" || c == "\u{202F}"
        }
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
        }
        while i < s.count {
            if tokens.count > limit { return nil }
            let c = s[i]
            if c.properties.isWhitespace {
                i += 1
                continue
            }
            if isDigit(c) || (c == "." && i + 1 < s.count && isDigit(s[i + 1])) {
                var j = i
                while j < s.count && isDigit(s[j]) { j += 1 }
                // Thousands groups: ",ddd" (or " ddd" with a space, no-break or thin space) repeated, each followed
                // by a non-digit, when the lead has 1–3 digits and does not start with 0 (so `0,500` is not 500).
                if j - i <= 3 && j > i && s[i] != "0" {
                    var k = j
                    var grouped = false
                    let separator: Unicode.Scalar? = j < s.count && (s[j] == "," || isGroupSpace(s[j])) ? s[j] : nil
                    while let sep = separator, k + 3 < s.count, s[k] == sep, isDigit(s[k + 1]), isDigit(s[k + 2]),
                        isDigit(s[k + 3]), k + 4 == s.count || !isDigit(s[k + 4])
                    {
                        k += 4
                        grouped = true
                    }
                    if grouped { j = k }
                }
                if j < s.count && s[j] == "." && j + 1 < s.count && isDigit(s[j + 1]) {
                    j += 1
                    while j < s.count && isDigit(s[j]) { j += 1 }
                } else if j < s.count && s[j] == "." && !(j + 1 < s.count && isLetter(s[j + 1])) {
                    j += 1  // "3." is 3
                }
                // Exponent: e or E followed by an optional sign and a digit.
                if j < s.count && (s[j] == "e" || s[j] == "E") {
                    var k = j + 1
                    if k < s.count && (s[k] == "+" || s[k] == "-") { k += 1 }
                    if k < s.count && isDigit(s[k]) {
                        while k < s.count && isDigit(s[k]) { k += 1 }
                        j = k
                    }
                }
                let literal = String(String.UnicodeScalarView(s[i..<j])).replacingCommas().filter { !$0.isWhitespace }
                tokens.append(.number(literal))
                i = j
                continue
            }
            if isLetter(c) {
                var j = i
                while j < s.count && isLetter(s[j]) { j += 1 }
                let run = String(String.UnicodeScalarView(s[i..<j]))
                tokens.append(run.count == 1 ? .letter(run) : .word(run))
                i = j
                continue
            }
            if c == "\\" {
                var j = i + 1
                while j < s.count && isLetter(s[j]) { j += 1 }
                if j == i + 1 {
                    // Escaped symbol: \{ \} \% \$ \, etc.
                    guard j < s.count else { return nil }
                    let next = s[j]
                    switch next {
                    case "{": tokens.append(.symbol("⦃"))
                    case "}": tokens.append(.symbol("⦄"))
                    case "%": tokens.append(.symbol("%"))
                    case ",", ";", ":", "!", " ", "$": break
                    case "|": tokens.append(.symbol("|"))
                    default: return nil
                    }
                    i = j + 1
                    continue
                }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                switch name {
                case "approx", "simeq", "thickapprox": tokens.append(.symbol("≈"))
                case "in": tokens.append(.symbol("∈"))
                case "euro", "pounds", "yen", "textdollar", "textsterling", "texteuro", "hline": break
                case "colon": tokens.append(.symbol(":"))
                default: tokens.append(.command(name))
                }
                i = j
                continue
            }
            if c == "<" || c == ">" || c == "!" {
                if i + 1 < s.count && s[i + 1] == "=" {
                    tokens.append(.symbol(c == "<" ? "≤" : (c == ">" ? "≥" : "≠")))
                    i += 2
                    continue
                }
            }
            switch c {
            case "+", "-", "*", "/", "^", "(", ")", "[", "]", "{", "}", ",", ";", "=", "<", ">", "!", "|", "%", "_",
                "≤", "≥", "≠", "⦃", "⦄", "⟦", "⟧", "≈", "∈", ":":
                tokens.append(.symbol(Character(c)))
            case "⩽": tokens.append(.symbol("≤"))
            case "⩾": tokens.append(.symbol("≥"))
            case "€", "£", "¥", "₹", "¢", "₩", "₽": break  // currency signs
            case "−", "–": tokens.append(.symbol("-"))
            case "×", "·", "⋅", "∙": tokens.append(.command("cdot"))
            case "÷": tokens.append(.symbol("/"))
            case "π": tokens.append(.command("pi"))
            case "√": tokens.append(.command("sqrt"))
            case "∞": tokens.append(.command("infty"))
            case "∪": tokens.append(.command("cup"))
            case "±": tokens.append(.command("pm"))
            case "'", "\"", "?", "&", "~", "°": break  // ignorable punctuation
            case "$": break
            default:
                if c.properties.isAlphabetic {
                    tokens.append(.letter(String(c)))
                } else {
                    return nil
                }
            }
            i += 1
        }
        return tokens
    }
}

extension String {
    fileprivate func replacingCommas() -> String {
        contains(",") ? String(filter { $0 != "," }) : self
    }
}
