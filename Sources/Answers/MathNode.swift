import Exact

/// The syntax tree of a parsed answer: numbers and expressions, plus the structures answers are written in
/// (brackets, relations, unions, bare lists, plain text).
public indirect enum MathNode: Sendable, Equatable {
    /// A numeric literal. `decimalPlaces` is the number of digits after the point as written, minus the
    /// exponent for scientific notation (`1.25` → 2, `3` → 0, `1.2e3` → −2); `isDecimal` is true when the literal
    /// had a decimal point or exponent.
    case number(Rational, decimalPlaces: Int, isDecimal: Bool)
    /// A numeric literal too long, or with too large an exponent, to hold exactly (more than
    /// ``MathParser/maximumLiteralDigits`` digits or exponent magnitude), kept as written. It equals only the same
    /// text; its value is ``MathValue/tooLarge``.
    case oversizedNumber(String)
    /// A free variable (a single letter, a Greek letter name, optionally with a subscript `x_1`).
    case variable(String)
    /// `pi`, `e`, `infinity`.
    case constant(String)
    case negate(MathNode)
    case add(MathNode, MathNode)
    case subtract(MathNode, MathNode)
    case multiply(MathNode, MathNode)
    case divide(MathNode, MathNode)
    case power(MathNode, MathNode)
    /// `sin`, `cos`, `tan`, `ln`, `log` (base 10), `exp`, `abs`, `sec`, `csc`, `cot`, `arcsin`, `arccos`, `arctan`.
    case function(String, MathNode)
    /// `k`-th root.
    case root(Int, MathNode)
    case factorial(MathNode)
    /// `x%` (worth `x/100`, or `x` when compared with a plain number; see the checker's rules).
    case percent(MathNode)
    /// A bracketed list of items, with its opening and closing brackets (`(`, `[`, `{` for sets).
    case group(open: Character, items: [MathNode], close: Character)
    /// `a op b op c …` with relation operators `=`, `<`, `>`, `<=`, `>=`, `!=`.
    case relation([MathNode], operators: [String])
    /// Union of intervals (`\cup`).
    case union([MathNode])
    /// A bare list separated by commas, semicolons, "and" or "or".
    case list([MathNode])
    /// Text that is not mathematics (normalised).
    case text(String)
}

extension MathNode {
    /// Free variable names in the tree.
    public var variables: Set<String> {
        var out = Set<String>()
        collectVariables(into: &out)
        return out
    }

    private func collectVariables(into out: inout Set<String>) {
        switch self {
        case .variable(let name): out.insert(name)
        case .number, .oversizedNumber, .constant, .text: break
        case .negate(let a), .function(_, let a), .root(_, let a), .factorial(let a), .percent(let a):
            a.collectVariables(into: &out)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b):
            a.collectVariables(into: &out)
            b.collectVariables(into: &out)
        case .group(_, let items, _), .relation(let items, _), .union(let items), .list(let items):
            for item in items { item.collectVariables(into: &out) }
        }
    }

    /// Whether the node is a scalar expression (no structure, no text).
    public var isScalar: Bool {
        switch self {
        case .group, .relation, .union, .list, .text: return false
        default: return true
        }
    }

    /// Whether the tree contains a percent sign.
    var containsPercent: Bool {
        switch self {
        case .percent: return true
        case .negate(let a): return a.containsPercent
        default: return false
        }
    }
}
