import BigInt

/// An exact rational number `numerator / denominator` over big integers, always reduced with a positive
/// denominator (zero is `0/1`). Arithmetic never rounds and never overflows; only memory bounds it, so callers
/// that read numbers from users bound their size first (see ``RationalLimits``).
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var numerator: BigInt
    public private(set) var denominator: BigUInt

    /// `numerator / denominator`, reduced; precondition: denominator nonzero.
    public init(_ numerator: BigInt, _ denominator: BigUInt = 1) {
        precondition(!denominator.isZero, "zero denominator")
        let g = denominator == 1 ? denominator : Rational.gcd(numerator.magnitude, denominator)
        if g == 1 || g.isZero {
            self.numerator = numerator
            self.denominator = denominator
        } else {
            self.numerator = BigInt(magnitude: numerator.magnitude / g, isNegative: numerator.isNegative)
            self.denominator = denominator / g
        }
        if self.numerator.isZero { self.denominator = 1 }
    }

    public init(_ value: Int) {
        self.init(BigInt(value))
    }

    /// Greatest common divisor by Euclid's algorithm: O(n²) word operations for n-word operands in all, where the
    /// package's binary (Stein) algorithm makes one pass over the words per bit (O(n²·64)), which made exact
    /// answers of ~10⁵ bits take seconds.
    static func gcd(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        var (x, y) = (a, b)
        while !y.isZero { (x, y) = (y, x % y) }
        return x
    }

    /// `numerator / denominator` from machine integers; `denominator` nonzero (the sign moves up).
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "zero denominator")
        let negative = (numerator < 0) != (denominator < 0)
        self.init(
            BigInt(magnitude: BigUInt(numerator.magnitude), isNegative: negative && numerator != 0),
            BigUInt(denominator.magnitude))
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var isZero: Bool { numerator.isZero }
    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator.isNegative }
    /// −1, 0 or 1.
    public var signum: Int { numerator.isZero ? 0 : (numerator.isNegative ? -1 : 1) }

    /// `p` for integers, else `p/q`.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// The nearest `Double` (within a few units in the last place; `±.infinity` or `±0` beyond its range).
    public var doubleValue: Double {
        if isInteger { return numerator.doubleValue }
        let n = numerator.magnitude, d = denominator
        let nBits = n.bitWidth, dBits = d.bitWidth
        if nBits <= 1000 && dBits <= 1000 {
            let value = n.doubleValue / d.doubleValue
            if value.isFinite && value != 0 || n.isZero {
                return numerator.isNegative ? -value : value
            }
        }
        // Scale so both fit comfortably: value = (n·2^k / d) · 2^−k.
        let k = dBits - nBits + 64
        let scaled: BigUInt = k >= 0 ? (n << k) / d : n / (d << -k)
        let value = scaled.doubleValue * Double(sign: .plus, exponent: -k, significand: 1)
        return numerator.isNegative ? -value : value
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * BigInt(magnitude: b.denominator) < b.numerator * BigInt(magnitude: a.denominator)
    }

    public static prefix func - (a: Rational) -> Rational {
        var r = a
        r.numerator = BigInt(magnitude: a.numerator.magnitude, isNegative: !a.numerator.isNegative)
        return r
    }

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator { return Rational(a.numerator + b.numerator, a.denominator) }
        return Rational(
            a.numerator * BigInt(magnitude: b.denominator) + b.numerator * BigInt(magnitude: a.denominator),
            a.denominator * b.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    /// `a / b`, or `nil` when `b` is zero.
    public static func / (a: Rational, b: Rational) -> Rational? {
        if b.isZero { return nil }
        let n = a.numerator * BigInt(magnitude: b.denominator, isNegative: b.isNegative)
        return Rational(n, a.denominator * b.numerator.magnitude)
    }

    /// |self|.
    public var magnitude: Rational { isNegative ? -self : self }

    /// `self^exponent` for an integer exponent; `nil` for `0^negative`. The result has about
    /// `|exponent| · max(bits of numerator, bits of denominator)` bits: bound the exponent before calling.
    public func power(_ exponent: Int) -> Rational? {
        if exponent >= 0 {
            return Rational(
                BigInt(magnitude: numerator.magnitude.power(exponent), isNegative: numerator.isNegative && exponent % 2 != 0),
                denominator.power(exponent))
        }
        guard let inverse = Rational.one / self else { return nil }
        return inverse.power(-exponent)
    }

    /// `10^exponent` (any sign).
    public static func powerOfTen(_ exponent: Int) -> Rational {
        exponent >= 0
            ? Rational(BigInt(magnitude: BigUInt.powerOfTen(exponent)))
            : Rational(BigInt(1), BigUInt.powerOfTen(-exponent))
    }

    /// Exact square root when both numerator and denominator are perfect squares and `self >= 0`.
    public var exactSquareRoot: Rational? { exactRoot(2) }

    /// Exact `k`-th root (`k >= 2`) when it exists (negative radicands only for odd `k`).
    public func exactRoot(_ k: Int) -> Rational? {
        if isNegative && k % 2 == 0 { return nil }
        guard let n = numerator.magnitude.exactRoot(k), let d = denominator.exactRoot(k) else { return nil }
        return Rational(BigInt(magnitude: n, isNegative: isNegative), d)
    }

    /// The largest integer ≤ self.
    public var floor: BigInt {
        let (q, r) = numerator.quotientAndRemainder(dividingBy: BigInt(magnitude: denominator))
        return !r.isZero && numerator.isNegative ? q - 1 : q
    }

    /// The smallest integer ≥ self.
    public var ceiling: BigInt { isInteger ? numerator : floor + 1 }
}
