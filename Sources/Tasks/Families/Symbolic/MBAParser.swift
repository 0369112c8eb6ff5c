/// Parses MBA expressions written with C operator precedence (tightest first): unary `~` `-` `+`; `*`; `+` `-`;
/// `&`; `^`; `|` — all binary operators left-associative. Operands: variables (names given by the caller, e.g. x, y),
/// decimal or `0x` hexadecimal constants, parentheses. `·`, `×` and `⊕` are read as `*`, `*` and `^`.
public enum MBAParser {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at character \(offset)" }
    }

    public static func parse(_ text: String, variables: [String]) -> Result<MBAExpression, Failure> {
        var p = Parser(chars: Array(text), variables: variables)
        do throws(Failure) {
            let e = try p.parse(level: 1)
            p.skip()
            guard p.i == p.chars.count else { throw Failure(offset: p.i, reason: "unexpected '\(p.chars[p.i])'") }
            return .success(e)
        } catch {
            return .failure(error)
        }
    }

    private struct Parser {
        let chars: [Character]
        let variables: [String]
        var i = 0
        var depth = 0

        mutating func skip() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

        func op(at j: Int) -> MBAOperator? {
            guard j < chars.count else { return nil }
            switch chars[j] {
            case "+": return .add
            case "-", "−": return .subtract
            case "*", "·", "×": return .multiply
            case "&": return .and
            case "|": return .or
            case "^", "⊕": return .xor
            default: return nil
            }
        }

        mutating func parse(level: Int) throws(Failure) -> MBAExpression {
            if level > 5 { return try unary() }
            var lhs = try parse(level: level + 1)
            while true {
                skip()
                guard let o = op(at: i), o.precedence == level else { return lhs }
                i += 1
                let rhs = try parse(level: level + 1)
                lhs = .binary(o, lhs, rhs)
            }
        }

        mutating func unary() throws(Failure) -> MBAExpression {
            skip()
            guard i < chars.count else { throw Failure(offset: i, reason: "unexpected end of expression") }
            depth += 1
            defer { depth -= 1 }
            guard depth < 200 else { throw Failure(offset: i, reason: "expression nested too deeply") }
            let c = chars[i]
            if c == "~" || c == "¬" { i += 1; return .not(try unary()) }
            if c == "-" || c == "−" { i += 1; return .negate(try unary()) }
            if c == "+" { i += 1; return try unary() }
            if c == "(" {
                i += 1
                let e = try parse(level: 1)
                skip()
                guard i < chars.count, chars[i] == ")" else { throw Failure(offset: i, reason: "expected ')'") }
                i += 1
                return e
            }
            if c.isASCII, c.isNumber {
                var text = ""
                if c == "0", i + 1 < chars.count, chars[i + 1] == "x" || chars[i + 1] == "X" {
                    i += 2
                    while i < chars.count, chars[i].isHexDigit { text.append(chars[i]); i += 1 }
                    guard let v = UInt64(text, radix: 16) else { throw Failure(offset: i, reason: "bad hexadecimal constant") }
                    return .constant(v)
                }
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { text.append(chars[i]); i += 1 }
                guard let v = UInt64(text) else { throw Failure(offset: i, reason: "constant \(text) does not fit in 64 bits") }
                return .constant(v)
            }
            if c.isLetter {
                var name = ""
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { name.append(chars[i]); i += 1 }
                guard let k = variables.firstIndex(of: name) else {
                    throw Failure(offset: i - name.count, reason: "unknown variable '\(name)' (expected one of \(variables.joined(separator: ", ")))")
                }
                return .variable(k)
            }
            throw Failure(offset: i, reason: "unexpected '\(c)'")
        }
    }
}
