import BigInt

extension Rational {
    /// Parses a plain decimal literal such as `-12.500`, `3` or `.5` (optional sign; no exponent, no separators).
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

    /// Parses an integer, a decimal (`-12.5`, `.5`, `3.`) or a fraction of those (`7/2`, `-7 / 2`); whitespace
    /// anywhere is ignored. `nil` for anything else, including a zero denominator.
    public static func parse(_ text: String) -> Rational? {
        let t = text.filter { !$0.isWhitespace }
        if let slash = t.firstIndex(of: "/") {
            guard let p = parse(String(t[..<slash])), let q = parse(String(t[t.index(after: slash)...])) else { return nil }
            return p / q
        }
        var body = Substring(t)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !body.isEmpty, body != "." else { return nil }
        return Rational(decimalLiteral: Substring(t))
    }

    /// Decimal rendering rounded half away from zero to `places` (≥ 0) decimals, trailing zeros kept
    /// (`12.50`); `-0.00` is written `0.00`.
    public func decimalString(places: Int) -> String {
        precondition(places >= 0, "negative places \(places)")
        let scale = BigUInt.powerOfTen(places)
        // |self · scale| = a/d; rounded half away from zero = ⌊(2a + d) / 2d⌋.
        let a = numerator.magnitude * scale, d = denominator
        let units = (2 * a + d) / (2 * d)
        let negative = numerator.isNegative && !units.isZero
        let (whole, fraction) = units.quotientAndRemainder(dividingBy: scale)
        var text = (negative ? "-" : "") + whole.decimalString
        if places > 0 {
            let f = fraction.decimalString
            text += "." + String(repeating: "0", count: places - f.count) + f
        }
        return text
    }
}
