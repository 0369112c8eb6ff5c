import BigInt
import Exact
import Foundation

/// A numeric value during evaluation: exact when only rational operations were needed, else a `Double`.
public enum MathValue: Sendable, Equatable {
    case exact(Rational)
    case approximate(Double)
    /// A value that is neither held exactly (it would exceed ``MathEvaluator/exactBitLimit`` bits) nor
    /// representable as a finite, nonzero `Double` (it overflows to ∞ or underflows to 0). Comparisons involving
    /// it cannot be decided.
    case tooLarge

    /// The value as `Double` (`.nan` for ``tooLarge``).
    public var doubleValue: Double {
        switch self {
        case .exact(let r): return r.doubleValue
        case .approximate(let d): return d
        case .tooLarge: return .nan
        }
    }
}

/// Evaluates scalar ``MathNode`` trees, exactly (rationals) where possible.
///
/// Exact values are bounded: a result whose numerator or denominator would exceed ``exactBitLimit`` bits is not
/// computed exactly but in floating point, and any floating-point step that overflows to ∞ or underflows to 0
/// from finite operands, or an exact value that `Double` cannot hold meeting an approximate one, gives
/// ``MathValue/tooLarge``. So numbers beyond floating
/// point are either compared exactly or reported as undecidable, never rounded into false equality.
enum MathEvaluator {
    /// Largest exact intermediate, in bits of numerator or denominator (about 60,000 decimal digits).
    static let exactBitLimit = 200_000

    /// The value of `node` with variables bound by `environment`; `nil` when undefined (division by zero,
    /// unbound variable, root of a negative, a structure).
    static func evaluate(_ node: MathNode, _ environment: [String: Rational] = [:]) -> MathValue? {
        switch node {
        case .number(let value, _, _):
            return .exact(value)
        case .oversizedNumber:
            return .tooLarge
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
            case .tooLarge: return .tooLarge
            }
        case .add(let a, let b):
            return binary(a, b, environment, exact: { $0 + $1 }, approximate: { $0 + $1 })
        case .subtract(let a, let b):
            return binary(a, b, environment, exact: { $0 - $1 }, approximate: { $0 - $1 })
        case .multiply(let a, let b):
            return binary(a, b, environment, exact: { $0 * $1 }, approximate: { $0 * $1 }, scales: true)
        case .divide(let a, let b):
            return binary(a, b, environment, exact: { $0 / $1 }, approximate: { $1 == 0 ? nil : $0 / $1 }, scales: true)
        case .power(let a, let b):
            guard let base = evaluate(a, environment), let exponent = evaluate(b, environment) else { return nil }
            return power(base, exponent)
        case .function(let name, let a):
            guard let x = evaluate(a, environment) else { return nil }
            return function(name, x)
        case .root(let k, let a):
            guard let x = evaluate(a, environment) else { return nil }
            if case .tooLarge = x { return .tooLarge }
            if case .exact(let r) = x, let root = r.exactRoot(k) { return .exact(root) }
            guard let d = floatingValue(x) else { return .tooLarge }
            if d < 0 {
                guard k % 2 == 1 else { return nil }
                return .approximate(-Foundation.pow(-d, 1 / Double(k)))
            }
            return .approximate(k == 2 ? d.squareRoot() : Foundation.pow(d, 1 / Double(k)))
        case .factorial(let a):
            guard case .exact(let r)? = evaluate(a, environment), r.isInteger, let n = Int(exactly: r.numerator), n >= 0,
                n <= 1000
            else { return nil }
            var product = BigUInt(1)
            if n >= 2 { for i in 2...n { product = product.multiplied(byWord: UInt(i)) } }
            return .exact(Rational(BigInt(magnitude: product)))
        case .percent(let a):
            guard let x = evaluate(a, environment) else { return nil }
            switch x {
            case .exact(let r): return .exact(r * Rational(1, 100))
            case .approximate(let d): return .approximate(d / 100)
            case .tooLarge: return .tooLarge
            }
        case .group, .relation, .union, .list, .text:
            return nil
        }
    }

    /// Bits of the larger of numerator and denominator.
    static func bits(_ r: Rational) -> Int {
        max(r.numerator.magnitude.bitWidth, r.denominator.bitWidth)
    }

    /// The value as a `Double` for floating-point evaluation: approximate values as they are (∞ included, from
    /// the constant ∞); exact values only when `Double` holds them as a finite number that is nonzero unless the
    /// value is zero; else `nil` (the value is out of floating-point range).
    static func floatingValue(_ value: MathValue) -> Double? {
        switch value {
        case .approximate(let d): return d.isNaN ? nil : d
        case .exact(let r):
            let d = r.doubleValue
            return d.isFinite && (d != 0 || r.isZero) ? d : nil
        case .tooLarge: return nil
        }
    }

    /// `scales`: a multiplication or division, whose zero result from nonzero operands is an underflow.
    private static func binary(
        _ a: MathNode, _ b: MathNode, _ environment: [String: Rational],
        exact: (Rational, Rational) -> Rational?, approximate: (Double, Double) -> Double?, scales: Bool = false
    ) -> MathValue? {
        guard let x = evaluate(a, environment), let y = evaluate(b, environment) else { return nil }
        // Sums and products of fractions have up to bits(p) + bits(q) bits; beyond the limit, floating point.
        if case .exact(let p) = x, case .exact(let q) = y, bits(p) + bits(q) <= exactBitLimit {
            return exact(p, q).map { .exact($0) }
        }
        guard let u = floatingValue(x), let v = floatingValue(y) else { return .tooLarge }
        guard let d = approximate(u, v), !d.isNaN else { return nil }
        if u.isFinite && v.isFinite && (d.isInfinite || (scales && d == 0 && u != 0 && v != 0)) { return .tooLarge }
        return .approximate(d)
    }

    private static func power(_ base: MathValue, _ exponent: MathValue) -> MathValue? {
        if case .tooLarge = base { return .tooLarge }
        if case .tooLarge = exponent { return .tooLarge }
        if case .exact(let b) = base, case .exact(let e) = exponent {
            if e.isInteger {
                // 0, 1 and −1 stay small under any integer power.
                if b.isZero { return e.isNegative ? nil : .exact(e.isZero ? .one : .zero) }
                if b == .one { return .exact(.one) }
                if b == -Rational.one { return .exact(e.numerator.magnitude[bitAt: 0] ? b : .one) }
                if let n = Int(exactly: e.numerator), n.magnitude <= UInt(exactBitLimit), bits(b) * abs(n) <= exactBitLimit {
                    return b.power(n).map { .exact($0) }
                }
            } else if let q = UInt64(exactly: e.denominator), q <= 64, let p = Int(exactly: e.numerator),
                abs(p) <= exactBitLimit, let root = b.exactRoot(Int(q)), bits(root) * abs(p) <= exactBitLimit
            {
                return root.power(p).map { .exact($0) }
            }
        }
        guard let x = floatingValue(base), let y = floatingValue(exponent) else { return .tooLarge }
        if x == 0 && y < 0 { return nil }
        let value = Foundation.pow(x, y)
        if value.isNaN { return nil }
        // Overflow to ∞ or underflow to 0 from finite operands: the value is out of floating-point range.
        if x.isFinite && y.isFinite && (value.isInfinite || (value == 0 && x != 0)) { return .tooLarge }
        return .approximate(value)
    }

    private static func function(_ name: String, _ x: MathValue) -> MathValue? {
        if case .tooLarge = x { return .tooLarge }
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
        guard let d = floatingValue(x) else { return .tooLarge }
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
