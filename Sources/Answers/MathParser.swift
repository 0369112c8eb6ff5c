import Exact
import Foundation

/// Recursive-descent parser from answer text to ``MathNode`` (grammar in ``AnswerRules``).
struct MathParser {
    private var tokens: [MathToken]
    private var position = 0
    /// Current nesting of sums and unary operators; input nested deeper than `maximumDepth` does not parse.
    private var depth = 0
    static let maximumDepth = 200
    /// Longest answer parsed as mathematics, in tokens; longer text is compared as text. This bounds the depth of
    /// the left-nested trees that long sums and products build (and so the recursion that evaluates them).
    static let maximumTokens = 4096
    /// Longest numeric literal held exactly, in characters of its mantissa, and largest exponent magnitude of
    /// scientific notation (`1e50000`); beyond either, the literal is an ``MathNode/oversizedNumber(_:)``.
    static let maximumLiteralDigits = 50_000

    static let functionNames: Set<String> = [
        "sin", "cos", "tan", "sec", "csc", "cot", "ln", "log", "exp", "sqrt", "arcsin", "arccos", "arctan", "abs",
    ]
    static let greekLetters: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
        "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega",
    ]
    static let separatorWords: Set<String> = ["and", "or"]

    init(tokens: [MathToken]) {
        self.tokens = tokens
    }

    /// Parses an answer. With `allowWords`, leading and trailing words (units, "approximately") are dropped, and
    /// text that is not mathematics becomes `.text(normalised)`; without it, such input gives `nil`.
    static func parseAnswer(_ raw: String, allowWords: Bool) -> MathNode? {
        parseAnswer(normalized: MathNormalizer.normalize(raw), allowWords: allowWords)
    }

    /// ``parseAnswer(_:allowWords:)`` for text already passed through ``MathNormalizer/normalize(_:)``.
    static func parseAnswer(normalized: String, allowWords: Bool) -> MathNode? {
        guard !normalized.isEmpty else { return nil }
        // A single ± anywhere (e.g. the quadratic formula) is expanded textually into the list of both cases.
        if let expanded = expandPlusMinus(normalized, allowWords: allowWords) { return expanded }
        if let tokens = answerTokens(normalized, allowWords: allowWords) {
            if !tokens.isEmpty {
                var parser = MathParser(tokens: tokens)
                if let node = parser.parseList(), parser.position == parser.tokens.count {
                    return node
                }
            }
        }
        guard allowWords else { return nil }
        let text = normalizedText(normalized)
        return text.isEmpty ? nil : .text(text)
    }

    /// The tokens of normalised answer text ready for the grammar: percent words after a number read as `%`
    /// (`5 percent`, `5 pct`); with `allowWords`, words at either end dropped (``isDroppableWord(_:)``); a leading
    /// label mark (`:` or `=`, as in `Total: 5` or `Area = 5` once the word is gone) and a trailing `:` dropped;
    /// short letter runs split into variables. `nil` when the text has a character the lexer does not know or
    /// more than ``maximumTokens`` tokens.
    static func answerTokens(_ normalized: String, allowWords: Bool) -> [MathToken]? {
        guard var tokens = MathLexer.tokenize(normalized, limit: maximumTokens), tokens.count <= maximumTokens else {
            return nil
        }
        for k in tokens.indices.dropFirst() {
            guard case .word(let w) = tokens[k], percentWords.contains(w.lowercased()) else { continue }
            switch tokens[k - 1] {
            case .number, .symbol(")"), .symbol("}"): tokens[k] = .symbol("%")
            default: break
            }
        }
        if allowWords {
            var start = 0, end = tokens.count
            while start < end, case .word(let w) = tokens[start], isDroppableWord(w) { start += 1 }
            while end > start, case .word(let w) = tokens[end - 1], isDroppableWord(w) { end -= 1 }
            let dropped = start > 0
            while start < end, tokens[start] == .symbol(":") || (dropped && tokens[start] == .symbol("=")) { start += 1 }
            while end > start, tokens[end - 1] == .symbol(":") { end -= 1 }
            tokens = Array(tokens[start..<end])
        }
        return splitShortWords(tokens)
    }

    static let percentWords: Set<String> = ["percent", "percentage", "pct", "percents"]

    /// A prediction written with a decimal comma (`0,5`, `3,14`, `-2,75`): the decimal it stands for, when the whole
    /// answer is one integer, a comma and digits that are not a thousands group (`1,000` is a thousand, read by the
    /// lexer), optionally with `%` or unit words. `nil` otherwise (the text is then read only as written, where
    /// `1,5` is the list 1, 5).
    static func decimalCommaReading(_ raw: String) -> MathNode? {
        guard raw.utf8.count <= 400, raw.contains(",") else { return nil }
        let normalized = MathNormalizer.normalize(raw)
        guard normalized.contains(","),
            var tokens = answerTokens(normalized, allowWords: true)
        else { return nil }
        var negative = false
        if tokens.first == .symbol("-") {
            negative = true
            tokens.removeFirst()
        }
        var percent = false
        if tokens.last == .symbol("%") {
            percent = true
            tokens.removeLast()
        }
        guard tokens.count == 3, case .number(let whole) = tokens[0], tokens[1] == .symbol(","),
            case .number(let fraction) = tokens[2], whole.allSatisfy(\.isASCIIDigitCharacter),
            fraction.allSatisfy(\.isASCIIDigitCharacter), fraction.count != 3 || whole.hasPrefix("0"),
            let value = numberNode(whole + "." + fraction)
        else { return nil }
        let signed: MathNode = negative ? .negate(value) : value
        return percent ? .percent(signed) : signed
    }

    /// Unit abbreviations shorter than four letters that are dropped around an answer (longer words always are).
    static let shortUnits: Set<String> = [
        "cm", "km", "mm", "kg", "mg", "ml", "ft", "mph", "hr", "hrs", "min", "lb", "lbs", "oz", "sq", "yd", "mi",
        "rad", "deg", "per", "the", "are", "is", "cents",
    ]

    /// Words dropped at either end: not maths, and either four letters or longer, or a known short unit.
    static func isDroppableWord(_ word: String) -> Bool {
        !isMathWord(word) && (word.count >= 4 || shortUnits.contains(word))
    }

    /// Two- and three-letter runs that are not known words are products of single-letter variables (`xy`).
    static func splitShortWords(_ tokens: [MathToken]) -> [MathToken] {
        var out: [MathToken] = []
        out.reserveCapacity(tokens.count)
        for token in tokens {
            if case .word(let w) = token, w.count <= 3, !isMathWord(w), !shortUnits.contains(w) {
                out.append(contentsOf: w.map { .letter(String($0)) })
            } else {
                out.append(token)
            }
        }
        return out
    }

    /// `a ± b` with exactly one ± and no comma: the list of the `+` and `−` readings, when both parse.
    static func expandPlusMinus(_ text: String, allowWords: Bool) -> MathNode? {
        let markers = ["\\pm", "±"]
        var found: Range<String.Index>? = nil
        for marker in markers {
            var search = text.startIndex..<text.endIndex
            while let r = text.range(of: marker, range: search) {
                let after = r.upperBound
                if marker == "\\pm" && after < text.endIndex && text[after].isLetter {
                    search = after..<text.endIndex
                    continue
                }
                if found != nil { return nil }  // more than one ±
                found = r
                search = after..<text.endIndex
            }
        }
        guard let r = found, !text.contains(",") else { return nil }
        let plus = text.replacingCharacters(in: r, with: "+")
        let minus = text.replacingCharacters(in: r, with: "-")
        guard let a = parseAnswer(plus, allowWords: false), let b = parseAnswer(minus, allowWords: false),
            a.isScalar || isRelation(a), b.isScalar || isRelation(b)
        else { return nil }
        return .list([a, b])
    }

    private static func isRelation(_ node: MathNode) -> Bool {
        if case .relation = node { return true }
        return false
    }

    static func isMathWord(_ word: String) -> Bool {
        functionNames.contains(word) || separatorWords.contains(word) || ["pi", "inf", "infinity", "oo"].contains(word)
    }

    /// Lower-cased text with spaces, braces, backslashes and `()[]{}.,` removed.
    static func normalizedText(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace && !"{}\\()[].,*`'\"".contains($0) })
    }

    // MARK: - Token helpers

    private var peek: MathToken? { position < tokens.count ? tokens[position] : nil }
    private func peek(_ offset: Int) -> MathToken? {
        position + offset < tokens.count ? tokens[position + offset] : nil
    }
    private mutating func advance() { position += 1 }
    private mutating func take(_ symbol: Character) -> Bool {
        if peek == .symbol(symbol) {
            position += 1
            return true
        }
        return false
    }

    // MARK: - Structure

    /// Items separated by `,`, "and", "or"; a `;` separates groups of such items (`p=5, q=2; p=7, q=2` is a list
    /// of two lists), a group of one item standing for the item.
    mutating func parseList() -> MathNode? {
        guard let first = parseUnion() else { return nil }
        var groups: [[MathNode]] = []
        var items = [first]
        while let token = peek {
            if token == .symbol(";") {
                advance()
                groups.append(items)
                items = []
            } else if token == .symbol(",") {
                advance()
            } else if case .word(let w) = token, MathParser.separatorWords.contains(w) {
                advance()
            } else {
                break
            }
            guard let next = parseUnion() else { return nil }
            items.append(next)
        }
        if groups.isEmpty { return items.count == 1 ? first : .list(items) }
        groups.append(items)
        return .list(groups.map { $0.count == 1 ? $0[0] : .list($0) })
    }

    private mutating func parseUnion() -> MathNode? {
        guard let first = parseRelation() else { return nil }
        var items = [first]
        while peek == .command("cup") || (peek == .letter("U") && (peek(1) == .symbol("(") || peek(1) == .symbol("["))) {
            advance()
            guard let next = parseRelation() else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .union(items)
    }

    private static let relationSymbols: [Character: String] = [
        "=": "=", "<": "<", ">": ">", "≤": "<=", "≥": ">=", "≠": "!=", "≈": "~", "∈": "in",
    ]

    private mutating func parseRelation() -> MathNode? {
        guard let first = parseRatio() else { return nil }
        var sides = [first]
        var operators: [String] = []
        while case .symbol(let c)? = peek, let op = MathParser.relationSymbols[c] {
            advance()
            guard let next = parseRatio() else { return nil }
            sides.append(next)
            operators.append(op)
        }
        return operators.isEmpty ? first : .relation(sides, operators: operators)
    }

    /// `a : b (: c …)`, a ratio, kept as `.group(open: ":", items:, close: ":")`; else a sum.
    private mutating func parseRatio() -> MathNode? {
        guard let first = parseSum() else { return nil }
        guard peek == .symbol(":") else { return first }
        var parts = [first]
        while take(":") {
            guard let next = parseSum(), next.isScalar else { return nil }
            parts.append(next)
        }
        guard first.isScalar else { return nil }
        return .group(open: ":", items: parts, close: ":")
    }

    // MARK: - Expressions

    private mutating func parseSum() -> MathNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maximumDepth, var left = parseTerm() else { return nil }
        while true {
            if take("+") {
                guard let right = parseTerm() else { return nil }
                left = .add(left, right)
            } else if take("-") {
                guard let right = parseTerm() else { return nil }
                left = .subtract(left, right)
            } else if takeCommand("pm") {
                // `a ± b` is the list {a + b, a − b}; it must end the sum.
                guard left.isScalar, let right = parseTerm(), right.isScalar else { return nil }
                return .list([.add(left, right), .subtract(left, right)])
            } else {
                return left
            }
        }
    }

    private mutating func parseTerm() -> MathNode? {
        guard var left = parseUnary() else { return nil }
        while true {
            if take("*") || takeCommand("cdot") || takeCommand("times") {
                guard let right = parseUnary() else { return nil }
                left = .multiply(left, right)
            } else if take("/") || takeCommand("div") {
                guard let right = parseUnary() else { return nil }
                left = .divide(left, right)
            } else if let token = peek, startsImplicitOperand(token) {
                // Mixed number: an integer literal immediately followed by \frac of integer literals.
                if case .number(let n, _, false) = left, n.isInteger, token == .command("frac") {
                    let saved = position
                    if let fraction = parsePower(), case .divide(.number(let a, _, false), .number(let b, _, false)) = fraction,
                        a.isInteger, b.isInteger
                    {
                        left = .add(left, fraction)
                        continue
                    }
                    position = saved
                }
                guard let right = parsePower() else { return nil }
                left = .multiply(left, right)
            } else {
                return left
            }
        }
    }

    private mutating func takeCommand(_ name: String) -> Bool {
        if peek == .command(name) {
            advance()
            return true
        }
        return false
    }

    private func startsImplicitOperand(_ token: MathToken) -> Bool {
        switch token {
        case .letter: return true
        case .word(let w): return MathParser.functionNames.contains(w) || w == "pi"
        case .command(let c):
            return ["frac", "sqrt", "pi", "infty"].contains(c) || MathParser.functionNames.contains(c)
                || MathParser.greekLetters.contains(c)
        case .symbol(let c): return c == "(" || c == "{"
        case .number: return false
        }
    }

    private mutating func parseUnary() -> MathNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maximumDepth else { return nil }
        if take("-") {
            guard let operand = parseUnary() else { return nil }
            return .negate(operand)
        }
        if take("+") { return parseUnary() }
        if takeCommand("pm") {
            guard let operand = parseUnary(), operand.isScalar else { return nil }
            return .list([operand, .negate(operand)])
        }
        return parsePower()
    }

    private mutating func parsePower() -> MathNode? {
        guard let base = parsePostfix() else { return nil }
        if take("^") {
            guard let exponent = parseExponent() else { return nil }
            return .power(base, exponent)
        }
        return base
    }

    private mutating func parseExponent() -> MathNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maximumDepth else { return nil }
        if take("-") {
            guard let inner = parseExponent() else { return nil }
            return .negate(inner)
        }
        if take("+") { return parseExponent() }
        if take("{") {
            guard let inner = parseSum(), take("}") else { return nil }
            return inner
        }
        return parsePower()
    }

    private mutating func parsePostfix() -> MathNode? {
        guard var node = parseAtom() else { return nil }
        while true {
            if peek == .symbol("!") {
                advance()
                node = .factorial(node)
            } else if take("%") {
                node = .percent(node)
            } else if case .variable(let name) = node, MathParser.functionLetters.contains(name),
                let arguments = functionLabelArguments()
            {
                // `f(x)`, `P(x, y)`: a function of variables, a name (label) rather than a product.
                node = .function(name + "(" + arguments + ")", .variable(arguments))
            } else if case .variable(let name) = node, take("_") {
                guard let subscriptText = parseSubscript() else { return nil }
                node = .variable(name + "_" + subscriptText)
            } else {
                return node
            }
        }
    }

    /// Letters that name functions in labels such as `f(x) = …`.
    static let functionLetters: Set<String> = ["f", "g", "h", "p", "q", "F", "G", "H", "P", "Q"]

    /// At `(`: one or more single letters separated by commas, then `)` (consumed); else nothing is consumed.
    private mutating func functionLabelArguments() -> String? {
        guard peek == .symbol("(") else { return nil }
        var k = position + 1
        var names: [String] = []
        while k < tokens.count {
            guard case .letter(let l) = tokens[k], l != "e" else { return nil }
            names.append(l)
            k += 1
            if k < tokens.count && tokens[k] == .symbol(",") {
                k += 1
                continue
            }
            guard k < tokens.count && tokens[k] == .symbol(")") else { return nil }
            position = k + 1
            return names.joined(separator: ",")
        }
        return nil
    }

    private mutating func parseSubscript() -> String? {
        if take("{") {
            var text = ""
            while let token = peek, token != .symbol("}") {
                switch token {
                case .number(let n): text += n
                case .letter(let l): text += l
                case .word(let w): text += w
                default: return nil
                }
                advance()
            }
            return take("}") ? text : nil
        }
        switch peek {
        case .number(let n)?:
            advance()
            return n
        case .letter(let l)?:
            advance()
            return l
        default: return nil
        }
    }

    private mutating func parseAtom() -> MathNode? {
        guard let token = peek else { return nil }
        switch token {
        case .number(let literal):
            advance()
            return MathParser.numberNode(literal)
        case .letter(let l):
            advance()
            return l == "e" ? .constant("e") : .variable(l)
        case .word(let w):
            if MathParser.functionNames.contains(w) {
                advance()
                return parseFunction(w)
            }
            if w == "pi" {
                advance()
                return .constant("pi")
            }
            if w == "inf" || w == "infinity" || w == "oo" {
                advance()
                return .constant("infinity")
            }
            return nil
        case .command(let c):
            advance()
            switch c {
            case "frac":
                guard let numerator = parseLatexArgument(), let denominator = parseLatexArgument() else { return nil }
                return .divide(numerator, denominator)
            case "sqrt": return parseSquareRoot()
            case "pi": return .constant("pi")
            case "infty": return .constant("infinity")
            default:
                if MathParser.functionNames.contains(c) { return parseFunction(c) }
                if MathParser.greekLetters.contains(c) { return .variable(c) }
                return nil
            }
        case .symbol(let s):
            switch s {
            case "(", "[":
                advance()
                guard let items = parseGroupItems(closers: [")", "]"]) else { return nil }
                guard case .symbol(let close)? = peek else { return nil }
                advance()
                if items.count == 1 && items[0].isScalar && ((s == "(" && close == ")") || (s == "[" && close == "]")) {
                    return items[0]
                }
                if items.count == 1, case .group("⟦", _, _) = items[0] { return items[0] }  // \left[ matrix \right]
                return .group(open: s, items: items, close: close)
            case "{":
                advance()
                guard let items = parseGroupItems(closers: ["}"]), take("}") else { return nil }
                if items.count == 1 && items[0].isScalar { return items[0] }
                return .group(open: "{", items: items, close: "}")
            case "⦃":
                advance()
                guard let items = parseGroupItems(closers: ["⦄"]), take("⦄") else { return nil }
                return .group(open: "{", items: items, close: "}")
            case "⟦":
                advance()
                guard let items = parseGroupItems(closers: ["⟧"]), take("⟧") else { return nil }
                return .group(open: "⟦", items: items, close: "⟧")
            case "|":
                advance()
                guard let inner = parseSum(), take("|") else { return nil }
                return .function("abs", inner)
            default:
                return nil
            }
        }
    }

    private mutating func parseGroupItems(closers: Set<Character>) -> [MathNode]? {
        if case .symbol(let c)? = peek, closers.contains(c) { return [] }
        var items: [MathNode] = []
        while true {
            guard let item = parseUnion() else { return nil }
            items.append(item)
            if take(",") || take(";") { continue }
            if case .symbol(let c)? = peek, closers.contains(c) { return items }
            return nil
        }
    }

    /// A LaTeX macro argument: `{…}`, or a single digit / letter / command (`\frac12`, `\sqrt2`, `\frac\pi2`).
    private mutating func parseLatexArgument() -> MathNode? {
        guard let token = peek else { return nil }
        switch token {
        case .symbol("{"):
            advance()
            guard let inner = parseSum(), take("}") else { return nil }
            return inner
        case .number(let literal):
            if literal.count > 1 && literal.allSatisfy(\.isASCIIDigitCharacter) {
                // Only the first digit is the argument; the rest stays in the stream.
                tokens[position] = .number(String(literal.dropFirst()))
                return MathParser.numberNode(String(literal.prefix(1)))
            }
            advance()
            return MathParser.numberNode(literal)
        case .letter(let l):
            advance()
            return l == "e" ? .constant("e") : .variable(l)
        case .command:
            return parseAtom()
        default:
            return nil
        }
    }

    private mutating func parseSquareRoot() -> MathNode? {
        var index = 2
        if take("[") {
            guard case .number(let n)? = peek, let k = Int(n), k >= 1, k <= 64 else { return nil }
            advance()
            guard take("]") else { return nil }
            index = k
        }
        if peek == .symbol("(") {
            guard let argument = parseAtom() else { return nil }
            return .root(index, argument)
        }
        guard let argument = parseLatexArgument() else { return nil }
        return .root(index, argument)
    }

    private mutating func parseFunction(_ name: String) -> MathNode? {
        var exponent: MathNode? = nil
        if take("^") {
            guard let e = parseExponent() else { return nil }
            exponent = e
        }
        let argument: MathNode?
        if peek == .symbol("(") || peek == .symbol("{") {
            argument = parseAtom()
        } else {
            argument = parsePower()
        }
        guard let arg = argument else { return nil }
        let applied: MathNode = name == "sqrt" ? .root(2, arg) : .function(name, arg)
        if let exponent { return .power(applied, exponent) }
        return applied
    }

    /// A number node from a literal (`12`, `1.50`, `.5`, `2.5e-3`, `3.`).
    static func numberNode(_ literal: String) -> MathNode? {
        var mantissa = Substring(literal)
        var exponent = 0
        var hasExponent = false
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let text = mantissa[mantissa.index(after: e)...]
            guard let value = Int(text) else {
                let digits = text.drop(while: { $0 == "-" || $0 == "+" })
                return text.count - digits.count <= 1 && !digits.isEmpty && digits.allSatisfy(\.isASCIIDigitCharacter)
                    ? .oversizedNumber(literal) : nil
            }
            guard value.magnitude <= UInt(maximumLiteralDigits) else { return .oversizedNumber(literal) }
            exponent = value
            hasExponent = true
            mantissa = mantissa[..<e]
        }
        if mantissa.hasSuffix(".") { mantissa = mantissa.dropLast() }
        guard mantissa.utf8.count <= maximumLiteralDigits else { return .oversizedNumber(literal) }
        guard let base = Rational(decimalLiteral: mantissa) else { return nil }
        let places: Int
        if let dot = mantissa.firstIndex(of: ".") {
            places = mantissa.distance(from: dot, to: mantissa.endIndex) - 1
        } else {
            places = 0
        }
        let value = exponent == 0 ? base : base * Rational.powerOfTen(exponent)
        return .number(value, decimalPlaces: places - exponent, isDecimal: mantissa.contains(".") || hasExponent)
    }
}
