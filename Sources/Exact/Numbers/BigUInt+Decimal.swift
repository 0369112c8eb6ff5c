import BigInt

/// Decimal text and machine-number views of attaswift's `BigUInt`, with the exact semantics Reckon's generators
/// and checkers rely on (strict digit parsing; a `Double` view that truncates to 64 significant bits first).
extension BigUInt {
    /// Parses a string of ASCII decimal digits (leading zeros allowed; no sign, separators or spaces).
    /// Returns `nil` for an empty string or any other character. O(n²) in the digit count.
    public init?<S: StringProtocol>(decimal text: S) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        guard let value = BigUInt(text, radix: 10) else { return nil }
        self = value
    }

    /// Decimal digits, most significant first ("0" for zero).
    public var decimalString: String { String(self, radix: 10) }

    /// Number of decimal digits (1 for zero).
    public var decimalDigitCount: Int { decimalString.utf8.count }

    /// The value as `UInt64` if it fits.
    public var uint64: UInt64? { UInt64(exactly: self) }

    /// The value as `Double`: the top 64 significant bits rounded to nearest, then scaled by the remaining power
    /// of two (within one unit in the last place of the exact value; `.infinity` beyond the `Double` range).
    public var doubleValue: Double {
        if let small = uint64 { return Double(small) }
        let shift = bitWidth - 64
        let top = self >> shift
        let significand = Double(top.uint64 ?? UInt64.max)
        if shift > 1100 { return .infinity }
        return significand * Double(sign: .plus, exponent: shift, significand: 1)
    }

    /// `10^exponent` (`exponent >= 0`).
    public static func powerOfTen(_ exponent: Int) -> BigUInt {
        precondition(exponent >= 0, "negative exponent \(exponent)")
        return BigUInt(10).power(exponent)
    }
}
