import BigInt
import Exact
import Foundation

/// A numeric value during evaluation: exact when only rational operations were needed, else a `Double`.
public enum MathValue: Sendable, Equatable {
    case exact(Rational)
    case approximate(Double)

    public var doubleValue: Double {
        switch self {
        case .exact(let r): return r.doubleValue
        case .approximate(let d): return d
        }
    }
}

/// Evaluates scalar ``MathNode`` trees, exactly (rationals) where possible.
enum MathEvaluator {
    /// Largest exact power computed (bits of the result, estimated); beyond it evaluation switches to `Double`.
    static let exactPowerBitLimit = 20_000

    /// The value of `node` with variables bound by `environment`; `nil` when undefined (division by zero,
    /// unbound variable, root of a negative, a structure).
    static func evaluate(_ node: MathNode, _ environment: [String: Rational] = [:]) -> MathValue? {
        switch node {
        case .number(let value, _, _):
            return .exact(value)
        case .variable(let name):
            return environment[name].map { .exact($0) }
        case .constant(let name):
            switch name {
            case "pi": return .approximate(Double.pi)
            case "e": return .approximate(M_E)
            default: return .approximate(Double.infinity)
            }
        case .negate(let a):
            guard let x = evaluate(a, environment) else { return nil }
            switch x {
            case .exact(let r): return .exact(-r)
            case .approximate(let d): return .approximate(-d)
            }
        case .add(let a, let b):
            return binary(a, b, environment, exact: { $0 + $1 }, approximate: { $0 + $1 })
        case .subtract(let a, let b):
            return binary(a, b, environment, exact: { $0 - $1 }, approximate: { $0 - $1 })
        case .multiply(let a, let b):
            return binary(a, b, environment, exact: { $0 * $1 }, approximate: { $0 * $1 })
        case .divide(let a, let b):
            return binary(a, b, environment, exact: { $0 / $1 }, approximate: { $1 == 0 ? nil : $0 / $1 })
        case .power(let a, let b):
            guard let base = evaluate(a, environment), let exponent = evaluate(b, environment) else { return nil }
            return power(base, exponent)
        case .function(let name, let a):
            guard let x = evaluate(a, environment) else { return nil }
            return function(name, x)
        case .root(let k, let a):
            guard let x = evaluate(a, environment) else { return nil }
            if case .exact(let r) = x, let root = r.exactRoot(k) { return .exact(root) }
            let d = x.doubleValue
            if d < 0 {
                guard k % 2 == 1 else { return nil }
                return .approximate(-Foundation.pow(-d, 1 / Double(k)))
            }
            return .approximate(k == 2 ? d.squareRoot() : Foundation.pow(d, 1 / Double(k)))
        case .factorial(let a):
            guard case .exact(let r)? = evaluate(a, environment), r.isInteger, let n = Int(exactly: r.numerator), n >= 0, n <= 1000
            else { return nil }
            var product = BigUInt(1)
            if n >= 2 { for i in 2...n { product = product.multiplied(byWord: UInt(i)) } }
            return .exact(Rational(BigInt(magnitude: product)))
        case .percent(let a):
            guard let x = evaluate(a, environment) else { return nil }
            switch x {
            case .exact(let r): return .exact(r * Rational(1, 100))
            case .approximate(let d): return .approximate(d / 100)
            }
        case .group, .relation, .union, .list, .text:
            return nil
        }
    }

    private static func binary(
        _ a: MathNode, _ b: MathNode, _ environment: [String: Rational],
        exact: (Rational, Rational) -> Rational?, approximate: (Double, Double) -> Double?
    ) -> MathValue? {
        guard let x = evaluate(a, environment), let y = evaluate(b, environment) else { return nil }
        if case .exact(let p) = x, case .exact(let q) = y {
            return exact(p, q).map { .exact($0) }
        }
        guard let d = approximate(x.doubleValue, y.doubleValue), !d.isNaN else { return nil }
        return .approximate(d)
    }

    private static func power(_ base: MathValue, _ exponent: MathValue) -> MathValue? {
        if case .exact(let b) = base, case .exact(let e) = exponent {
            if e.isInteger, let n = Int(exactly: e.numerator), abs(n) <= 100_000 {
                let bits = max(b.numerator.magnitude.bitWidth, b.denominator.bitWidth)
                if bits * abs(n) <= exactPowerBitLimit {
                    return b.power(n).map { .exact($0) }
                }
            } else if let q = e.denominator.uint64, q <= 64, let p = Int(exactly: e.numerator), abs(p) <= 10_000,
                let root = b.exactRoot(Int(q))
            {
                let bits = max(root.numerator.magnitude.bitWidth, root.denominator.bitWidth)
                if bits * abs(p) <= exactPowerBitLimit { return root.power(p).map { .exact($0) } }
            }
        }
        let x = base.doubleValue, y = exponent.doubleValue
        if x == 0 && y < 0 { return nil }
        let value = Foundation.pow(x, y)
        return value.isNaN ? nil : .approximate(value)
    }

    private static func function(_ name: String, _ x: MathValue) -> MathValue? {
        if case .exact(let r) = x {
            switch name {
            case "abs": return .exact(r.magnitude)
            case "ln" where r == .one: return .exact(.zero)
            case "log" where r == .one: return .exact(.zero)
            case "exp" where r.isZero: return .exact(.one)
            case "sin" where r.isZero, "tan" where r.isZero, "arcsin" where r.isZero, "arctan" where r.isZero:
                return .exact(.zero)
            case "cos" where r.isZero: return .exact(.one)
            default: break
            }
        }
        let d = x.doubleValue
        let value: Double
        switch name {
        case "sin": value = Foundation.sin(d)
        case "cos": value = Foundation.cos(d)
        case "tan": value = Foundation.tan(d)
        case "sec": value = 1 / Foundation.cos(d)
        case "csc": value = 1 / Foundation.sin(d)
        case "cot": value = Foundation.cos(d) / Foundation.sin(d)
        case "ln": value = d > 0 ? Foundation.log(d) : .nan
        case "log": value = d > 0 ? Foundation.log10(d) : .nan
        case "exp": value = Foundation.exp(d)
        case "arcsin": value = Foundation.asin(d)
        case "arccos": value = Foundation.acos(d)
        case "arctan": value = Foundation.atan(d)
        case "abs": value = Swift.abs(d)
        default: return nil
        }
        return value.isNaN || value.isInfinite ? nil : .approximate(value)
    }
}
