/// A signed arbitrary-precision integer (sign and magnitude over ``BigUInt``). Zero is never negative.
public struct BigInt: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public private(set) var magnitude: BigUInt
    public private(set) var isNegative: Bool

    public init(magnitude: BigUInt, isNegative: Bool = false) {
        self.magnitude = magnitude
        self.isNegative = isNegative && !magnitude.isZero
    }

    public init(_ value: Int) {
        self.init(magnitude: BigUInt(UInt64(value.magnitude)), isNegative: value < 0)
    }

    public init(integerLiteral value: Int) {
        self.init(value)
    }

    /// Parses an optional sign followed by decimal digits.
    public init?<S: StringProtocol>(decimal text: S) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard let magnitude = BigUInt(decimal: body) else { return nil }
        self.init(magnitude: magnitude, isNegative: negative)
    }

    public static let zero = BigInt(magnitude: .zero)
    public static let one = BigInt(magnitude: .one)

    public var isZero: Bool { magnitude.isZero }
    public var signum: Int { isZero ? 0 : (isNegative ? -1 : 1) }

    public var description: String { (isNegative ? "-" : "") + magnitude.decimalString }

    public var doubleValue: Double { isNegative ? -magnitude.doubleValue : magnitude.doubleValue }

    /// The value as `Int` if it fits.
    public var int: Int? {
        guard let m = magnitude.uint64 else { return nil }
        if isNegative { return m <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- m) : nil }
        return m <= UInt64(Int.max) ? Int(m) : nil
    }

    public static func < (a: BigInt, b: BigInt) -> Bool {
        switch (a.isNegative, b.isNegative) {
        case (true, false): return true
        case (false, true): return false
        case (false, false): return a.magnitude < b.magnitude
        case (true, true): return b.magnitude < a.magnitude
        }
    }

    public static prefix func - (a: BigInt) -> BigInt {
        BigInt(magnitude: a.magnitude, isNegative: !a.isNegative)
    }

    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.isNegative == b.isNegative {
            return BigInt(magnitude: a.magnitude + b.magnitude, isNegative: a.isNegative)
        }
        if a.magnitude >= b.magnitude {
            return BigInt(magnitude: a.magnitude - b.magnitude, isNegative: a.isNegative)
        }
        return BigInt(magnitude: b.magnitude - a.magnitude, isNegative: b.isNegative)
    }

    public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    public static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(magnitude: a.magnitude * b.magnitude, isNegative: a.isNegative != b.isNegative)
    }

    /// Truncated division (quotient rounds toward zero; remainder has the dividend's sign).
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (q, r) = magnitude.quotientAndRemainder(dividingBy: divisor.magnitude)
        return (
            BigInt(magnitude: q, isNegative: isNegative != divisor.isNegative),
            BigInt(magnitude: r, isNegative: isNegative)
        )
    }
}
