import Exact

/// The expression language of word-problem templates, evaluated with exact rational arithmetic (``Rational``, kept within 64-bit numerators and denominators).
///
/// ```
/// expr    := or
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | compare
/// compare := sum [("<" | "<=" | ">" | ">=" | "==" | "!=") sum]
/// sum     := product (("+" | "-") product)*
/// product := unary (("*" | "/") unary)*            "/" is exact division (7/2 stays 7/2)
/// unary   := "-" unary | primary
/// primary := number | "string" | name | name "(" expr ("," expr)* ")" | "(" expr ")"
/// ```
/// Numbers are integers or decimals (`0.25` = 1/4). Functions: `min(a, b, …)`, `max(a, b, …)`, `abs(a)`,
/// `floor(a)`, `ceil(a)`, `round(a)` (half away from zero), `mod(a, b)` (integers, result ≥ 0),
/// `integer(a)` (true when a is an integer), `divides(a, b)` (true when integer a ≠ 0 divides integer b).
/// Comparisons work on numbers; `==` and `!=` also on strings (e.g. two sampled names must differ).
public indirect enum TemplateExpression: Sendable, Equatable {
    case number(Rational)
    case text(String)
    case name(String)
    case negate(TemplateExpression)
    case not(TemplateExpression)
    case binary(String, TemplateExpression, TemplateExpression)
    case call(String, [TemplateExpression])

    /// A value: number, string or truth value.
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case number(Rational), text(String), bool(Bool)
        public var description: String {
            switch self {
            case .number(let r): return TemplateExpression.render(r)
            case .text(let s): return s
            case .bool(let b): return b ? "true" : "false"
            }
        }
    }

    static let functions: [String: ClosedRange<Int>] = [
        "min": 1...16, "max": 1...16, "abs": 1...1, "floor": 1...1, "ceil": 1...1, "round": 1...1,
        "mod": 2...2, "integer": 1...1, "divides": 2...2,
    ]

    /// Human rendering of a number: integers plainly, terminating decimals with up to 4 places, else p/q.
    public static func render(_ r: Rational) -> String {
        if r.isInteger { return r.numerator.description }
        var d = r.denominator, twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        if d == 1, max(twos, fives) <= 4, case let text = r.decimalString(places: max(twos, fives)) { return text }
        return r.description
    }

    /// Names of variables the expression reads.
    public var names: Set<String> {
        switch self {
        case .number, .text: return []
        case .name(let n): return [n]
        case .negate(let e), .not(let e): return e.names
        case .binary(_, let a, let b): return a.names.union(b.names)
        case .call(_, let args): return args.reduce(into: Set<String>()) { $0.formUnion($1.names) }
        }
    }

    /// Why evaluation failed (overflow, division by zero, type errors, unknown names).
    public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public func evaluate(_ env: [String: Value]) throws(EvaluationError) -> Value {
        func fail(_ s: String) -> EvaluationError { EvaluationError(description: s) }
        func num(_ e: TemplateExpression) throws(EvaluationError) -> Rational {
            guard case .number(let r) = try e.evaluate(env) else { throw fail("expected a number in \(e.source)") }
            return r
        }
        func bool(_ e: TemplateExpression) throws(EvaluationError) -> Bool {
            guard case .bool(let b) = try e.evaluate(env) else { throw fail("expected a condition in \(e.source)") }
            return b
        }
        // Template arithmetic stays within 64-bit numerators and denominators: a result outside them is an error.
        func exact(_ value: Rational?) throws(EvaluationError) -> Value {
            guard let value else { throw fail("division by zero in \(source)") }
            guard let p = Int(exactly: value.numerator), p != Int.min, Int(exactly: value.denominator) != nil else {
                throw fail("the value does not fit in 64-bit integers in \(source)")
            }
            return .number(value)
        }
        func int(_ e: TemplateExpression, _ fn: String) throws(EvaluationError) -> Int {
            let r = try num(e)
            guard r.isInteger else { throw fail("\(fn) needs integers, found \(TemplateExpression.render(r))") }
            guard let n = Int(exactly: r.numerator) else { throw fail("\(fn) needs 64-bit integers, found \(r)") }
            return n
        }
        switch self {
        case .number(let r): return .number(r)
        case .text(let s): return .text(s)
        case .name(let n):
            guard let v = env[n] else { throw fail("unknown variable '\(n)'") }
            return v
        case .negate(let e):
            let r = try num(e)
            return try exact(-r)
        case .not(let e): return .bool(!(try bool(e)))
        case .binary(let op, let a, let b):
            switch op {
            case "and":
                guard try bool(a) else { return .bool(false) }
                return .bool(try bool(b))
            case "or":
                if try bool(a) { return .bool(true) }
                return .bool(try bool(b))
            case "==", "!=":
                let x = try a.evaluate(env), y = try b.evaluate(env)
                return .bool((x == y) == (op == "=="))
            default: break
            }
            let x = try num(a), y = try num(b)
            switch op {
            case "+": return try exact(x + y)
            case "-": return try exact(x - y)
            case "*": return try exact(x * y)
            case "/": return try exact(x / y)
            case "<": return .bool(x < y)
            case "<=": return .bool(x <= y)
            case ">": return .bool(x > y)
            case ">=": return .bool(x >= y)
            default: throw fail("unknown operator \(op)")
            }
        case .call(let fn, let args):
            switch fn {
            case "min", "max":
                var values: [Rational] = []
                for a in args { values.append(try num(a)) }
                return .number((fn == "min" ? values.min() : values.max())!)
            case "abs":
                let r = try num(args[0])
                return r.isNegative ? try exact(-r) : .number(r)
            case "floor": return try exact(Rational(try num(args[0]).floor))
            case "ceil": return try exact(Rational(try num(args[0]).ceiling))
            case "round":
                let r = try num(args[0])
                guard let v = Int(r.decimalString(places: 0)) else { throw fail("round overflowed") }
                return .number(Rational(v))
            case "mod":
                let a = try int(args[0], fn), b = try int(args[1], fn)
                guard b != 0 else { throw fail("mod by zero in \(source)") }
                return .number(Rational(((a % b) + abs(b)) % abs(b)))
            case "integer": return .bool(try num(args[0]).isInteger)
            case "divides":
                let a = try int(args[0], fn), b = try int(args[1], fn)
                return .bool(a != 0 && b % a == 0)
            default: throw fail("unknown function \(fn)")
            }
        }
    }

    /// Source-like rendering (for error messages).
    public var source: String {
        switch self {
        case .number(let r): return TemplateExpression.render(r)
        case .text(let s): return "\"\(s)\""
        case .name(let n): return n
        case .negate(let e): return "-" + e.source
        case .not(let e): return "not " + e.source
        case .binary(let op, let a, let b): return "(\(a.source) \(op) \(b.source))"
        case .call(let f, let args): return "\(f)(" + args.map(\.source).joined(separator: ", ") + ")"
        }
    }
}

extension TemplateExpression {
    /// Parses an expression; the error says what was expected and the character position.
    public static func parse(_ text: String) -> Result<TemplateExpression, EvaluationError> {
        var p = ExpressionReader(chars: Array(text))
        do throws(EvaluationError) {
            let e = try p.or()
            p.skip()
            guard p.i == p.chars.count else { throw EvaluationError(description: "unexpected '\(p.chars[p.i])' at character \(p.i + 1)") }
            return .success(e)
        } catch {
            return .failure(error)
        }
    }
}

private struct ExpressionReader {
    let chars: [Character]
    var i = 0
    var depth = 0

    func fail(_ s: String) -> TemplateExpression.EvaluationError {
        .init(description: "\(s) at character \(i + 1)")
    }
    mutating func skip() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

    mutating func word(_ w: String) -> Bool {
        skip()
        let wc = Array(w)
        guard i + wc.count <= chars.count, Array(chars[i..<(i + wc.count)]) == wc else { return false }
        if i + wc.count < chars.count, chars[i + wc.count].isLetter || chars[i + wc.count].isNumber || chars[i + wc.count] == "_" { return false }
        i += wc.count
        return true
    }
    mutating func symbol(_ s: String) -> Bool {
        skip()
        let sc = Array(s)
        guard i + sc.count <= chars.count, Array(chars[i..<(i + sc.count)]) == sc else { return false }
        i += sc.count
        return true
    }

    mutating func or() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        var lhs = try and()
        while word("or") { lhs = .binary("or", lhs, try and()) }
        return lhs
    }
    mutating func and() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        var lhs = try not()
        while word("and") { lhs = .binary("and", lhs, try not()) }
        return lhs
    }
    mutating func not() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        if word("not") { return .not(try not()) }
        return try compare()
    }
    mutating func compare() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        let lhs = try sum()
        for op in ["<=", ">=", "==", "!=", "<", ">"] where symbol(op) { return .binary(op, lhs, try sum()) }
        return lhs
    }
    mutating func sum() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        var lhs = try product()
        while true {
            if symbol("+") { lhs = .binary("+", lhs, try product()) } else if symbol("-") { lhs = .binary("-", lhs, try product()) } else { return lhs }
        }
    }
    mutating func product() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        var lhs = try unary()
        while true {
            if symbol("*") { lhs = .binary("*", lhs, try unary()) } else if symbol("/") { lhs = .binary("/", lhs, try unary()) } else { return lhs }
        }
    }
    mutating func unary() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth < 100 else { throw fail("expression nested too deeply") }
        if symbol("-") { return .negate(try unary()) }
        return try primary()
    }
    mutating func primary() throws(TemplateExpression.EvaluationError) -> TemplateExpression {
        skip()
        guard i < chars.count else { throw fail("expected a value but the expression ended") }
        let c = chars[i]
        if c == "(" {
            i += 1
            let e = try or()
            guard symbol(")") else { throw fail("expected ')'") }
            return e
        }
        if c == "\"" {
            i += 1
            var s = ""
            while i < chars.count, chars[i] != "\"" { s.append(chars[i]); i += 1 }
            guard i < chars.count else { throw fail("unterminated string") }
            i += 1
            return .text(s)
        }
        if c.isASCII, c.isNumber {
            var s = ""
            while i < chars.count, (chars[i].isASCII && chars[i].isNumber) || chars[i] == "." { s.append(chars[i]); i += 1 }
            guard let r = Rational.parse(s) else { throw fail("bad number '\(s)'") }
            return .number(r)
        }
        if c.isLetter || c == "_" {
            var n = ""
            while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { n.append(chars[i]); i += 1 }
            if symbol("(") {
                guard let arity = TemplateExpression.functions[n] else {
                    throw fail("unknown function '\(n)' (known: \(TemplateExpression.functions.keys.sorted().joined(separator: ", ")))")
                }
                var args: [TemplateExpression] = []
                if !symbol(")") {
                    repeat { args.append(try or()) } while symbol(",")
                    guard symbol(")") else { throw fail("expected ',' or ')' in the arguments of \(n)") }
                }
                guard arity.contains(args.count) else { throw fail("\(n) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound)…\(arity.upperBound)") argument(s), found \(args.count)") }
                return .call(n, args)
            }
            return .name(n)
        }
        throw fail("unexpected '\(c)'")
    }
}
