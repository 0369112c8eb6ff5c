/// An expression over w-bit unsigned integers mixing arithmetic (+ − ×, unary −) and bitwise (& | ^ ~) operators.
/// Arithmetic wraps modulo 2^w. Variables are numbered 0, 1, 2 and named x, y, z.
public indirect enum MBAExpression: Sendable, Hashable, CustomStringConvertible {
    case variable(Int)
    case constant(UInt64)
    case not(MBAExpression)
    case negate(MBAExpression)
    case binary(MBAOperator, MBAExpression, MBAExpression)

    public static let variableNames = ["x", "y", "z", "w"]

    /// Number of nodes (leaves and operators).
    public var size: Int {
        switch self {
        case .variable, .constant: return 1
        case .not(let e), .negate(let e): return 1 + e.size
        case .binary(_, let a, let b): return 1 + a.size + b.size
        }
    }

    /// Highest variable index used plus one.
    public var variableCount: Int {
        switch self {
        case .variable(let i): return i + 1
        case .constant: return 0
        case .not(let e), .negate(let e): return e.variableCount
        case .binary(_, let a, let b): return max(a.variableCount, b.variableCount)
        }
    }

    /// Reference (tree-walking) evaluation modulo 2^width. `values[i]` is variable i.
    public func evaluate(_ values: [UInt64], width: Int) -> UInt64 {
        let mask: UInt64 = width >= 64 ? .max : (1 << UInt64(width)) - 1
        func eval(_ e: MBAExpression) -> UInt64 {
            switch e {
            case .variable(let i): return values[i] & mask
            case .constant(let c): return c & mask
            case .not(let a): return ~eval(a) & mask
            case .negate(let a): return (0 &- eval(a)) & mask
            case .binary(let op, let a, let b): return op.apply(eval(a), eval(b)) & mask
            }
        }
        return eval(self)
    }

    /// Rendering with every compound operand parenthesised, so no precedence knowledge is needed to read it:
    /// `(x ^ y) + (2 * (x & y))`.
    public var description: String { render(top: true) }

    func render(top: Bool) -> String {
        switch self {
        case .variable(let i): return i < Self.variableNames.count ? Self.variableNames[i] : "v\(i)"
        case .constant(let c): return String(c)
        case .not(let a): return "~" + a.render(top: false)
        case .negate(let a): return "-" + a.render(top: false)
        case .binary(let op, let a, let b):
            let text = a.render(top: false) + " \(op.rawValue) " + b.render(top: false)
            return top ? text : "(" + text + ")"
        }
    }
}

public enum MBAOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", and = "&", or = "|", xor = "^"

    @inline(__always) func apply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        switch self {
        case .add: return a &+ b
        case .subtract: return a &- b
        case .multiply: return a &* b
        case .and: return a & b
        case .or: return a | b
        case .xor: return a ^ b
        }
    }

    /// C precedence level (higher binds tighter): * 5, + − 4, & 3, ^ 2, | 1.
    var precedence: Int {
        switch self {
        case .multiply: return 5
        case .add, .subtract: return 4
        case .and: return 3
        case .xor: return 2
        case .or: return 1
        }
    }
}
