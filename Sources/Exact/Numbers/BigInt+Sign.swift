import BigInt

/// Sign-and-magnitude helpers on attaswift's `BigInt` (zero is never negative).
extension BigInt {
    /// `±magnitude`; the sign is dropped for zero.
    public init(magnitude: BigUInt, isNegative: Bool = false) {
        self.init(sign: isNegative ? .minus : .plus, magnitude: magnitude)
    }

    /// Parses an optional `+`/`-` sign followed by ASCII decimal digits.
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

    /// Whether the value is below zero.
    public var isNegative: Bool { sign == .minus && !magnitude.isZero }

    /// The value as `Double` (see ``BigUInt/doubleValue``).
    public var doubleValue: Double { isNegative ? -magnitude.doubleValue : magnitude.doubleValue }
}
