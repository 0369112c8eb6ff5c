/// An exact rational number `numerator / denominator`, always reduced with a positive denominator.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var numerator: BigInt
    public private(set) var denominator: BigUInt

    /// `numerator / denominator`, reduced; precondition: denominator nonzero.
    public init(_ numerator: BigInt, _ denominator: BigUInt = .one) {
        precondition(!denominator.isZero, "zero denominator")
        let g = BigUInt.gcd(numerator.magnitude, denominator)
        if g == .one || g.isZero {
            self.numerator = numerator
            self.denominator = denominator
        } else {
            self.numerator = BigInt(magnitude: numerator.magnitude / g, isNegative: numerator.isNegative)
            self.denominator = denominator / g
        }
        if self.numerator.isZero { self.denominator = .one }
    }

    public init(_ value: Int) {
        self.init(BigInt(value))
    }

    /// `numerator / denominator` from machine integers; `denominator` nonzero (the sign moves up).
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "zero denominator")
        let negative = (numerator < 0) != (denominator < 0)
        self.init(
            BigInt(magnitude: BigUInt(UInt64(numerator.magnitude)), isNegative: negative && numerator != 0),
            BigUInt(UInt64(denominator.magnitude)))
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var isZero: Bool { numerator.isZero }
    public var isInteger: Bool { denominator == .one }
    public var isNegative: Bool { numerator.isNegative }
    public var signum: Int { numerator.signum }

    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }

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
        let scaled: BigUInt
        if k >= 0 {
            scaled = (n * BigUInt(2).power(k)) / d
        } else {
            scaled = n / (d * BigUInt(2).power(-k))
        }
        let value = scaled.doubleValue * Double(sign: .plus, exponent: -k, significand: 1)
        return numerator.isNegative ? -value : value
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * BigInt(magnitude: b.denominator) < b.numerator * BigInt(magnitude: a.denominator)
    }

    public static prefix func - (a: Rational) -> Rational {
        var r = a
        r.numerator = -a.numerator
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

    public var magnitude: Rational { isNegative ? -self : self }

    /// `self^exponent` for an integer exponent; `nil` for `0^negative`.
    public func power(_ exponent: Int) -> Rational? {
        if exponent >= 0 {
            return Rational(
                BigInt(magnitude: numerator.magnitude.power(exponent), isNegative: numerator.isNegative && exponent % 2 == 1),
                denominator.power(exponent))
        }
        guard let inverse = Rational.one / self else { return nil }
        return inverse.power(-exponent)
    }

    /// `10^exponent` (any sign).
    public static func powerOfTen(_ exponent: Int) -> Rational {
        exponent >= 0
            ? Rational(BigInt(magnitude: BigUInt.powerOfTen(exponent)))
            : Rational(BigInt.one, BigUInt.powerOfTen(-exponent))
    }

    /// Exact square root when both numerator and denominator are perfect squares and `self >= 0`.
    public var exactSquareRoot: Rational? {
        if isNegative { return nil }
        guard let n = numerator.magnitude.exactSquareRoot, let d = denominator.exactSquareRoot else { return nil }
        return Rational(BigInt(magnitude: n), d)
    }

    /// Exact `k`-th root (k ≥ 2) when it exists (negative radicands only for odd k).
    public func exactRoot(_ k: Int) -> Rational? {
        if k == 2 { return exactSquareRoot }
        if isNegative && k % 2 == 0 { return nil }
        guard let n = numerator.magnitude.exactRoot(k), let d = denominator.exactRoot(k) else { return nil }
        return Rational(BigInt(magnitude: n, isNegative: isNegative), d)
    }

    /// Parses a plain decimal literal such as `-12.500` or `3` (no exponent, no separators).
    public init?(decimalLiteral text: Substring) {
        var body = text
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        if integerPart.isEmpty && fraction.isEmpty { return nil }
        guard let digits = BigUInt(decimal: integerPart + fraction) else { return nil }
        self.init(BigInt(magnitude: digits, isNegative: negative), BigUInt.powerOfTen(fraction.count))
    }
}

extension BigUInt {
    /// The integer square root if `self` is a perfect square.
    public var exactSquareRoot: BigUInt? {
        exactRoot(2)
    }

    /// The integer `k`-th root if `self` is a perfect `k`-th power (Newton's method on integers).
    public func exactRoot(_ k: Int) -> BigUInt? {
        precondition(k >= 1)
        if isZero || self == .one || k == 1 { return self }
        let root = integerRoot(k)
        return root.power(k) == self ? root : nil
    }

    /// ⌊self^(1/k)⌋.
    public func integerRoot(_ k: Int) -> BigUInt {
        if isZero { return .zero }
        // Start above the root: 2^ceil(bits/k).
        var x = BigUInt(1).shiftedLeftBits((bitWidth + k - 1) / k)
        let kk = BigUInt(UInt64(k))
        let km1 = BigUInt(UInt64(k - 1))
        while true {
            let y = (km1 * x + self / x.power(k - 1)) / kk
            if y >= x { return x }
            x = y
        }
    }

    /// `self · 2^bits`.
    public func shiftedLeftBits(_ bits: Int) -> BigUInt {
        let limbShift = bits / 32
        let shifted = BigUInt.shiftedLeft(limbs, by: bits % 32, extraLimb: true)
        return BigUInt(limbs: [UInt32](repeating: 0, count: limbShift) + shifted)
    }
}
