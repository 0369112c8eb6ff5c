/// An exact rational number p/q over 64-bit integers, always normalised (q > 0, gcd(p, q) = 1).
/// Every operation detects overflow and division by zero instead of trapping or rounding.
public struct ExactRational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case overflow, divisionByZero
        public var description: String {
            switch self {
            case .overflow: return "the value does not fit in 64-bit integers"
            case .divisionByZero: return "division by zero"
            }
        }
    }

    public init(_ value: Int) { numerator = value; denominator = 1 }

    /// p/q normalised. - Throws: `.divisionByZero` when q = 0, `.overflow` for Int.min corner cases.
    public init(_ p: Int, _ q: Int) throws(Failure) {
        guard q != 0 else { throw .divisionByZero }
        guard p != Int.min, q != Int.min else { throw .overflow }
        let g = Self.gcd(abs(p), abs(q))
        let sign = q < 0 ? -1 : 1
        numerator = sign * p / g
        denominator = abs(q) / g
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }

    public var isInteger: Bool { denominator == 1 }
    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    public var description: String { denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)" }

    static func checked(_ r: (partialValue: Int, overflow: Bool)) throws(Failure) -> Int {
        if r.overflow { throw .overflow }
        return r.partialValue
    }

    public func adding(_ o: ExactRational) throws(Failure) -> ExactRational {
        let g = Self.gcd(denominator, o.denominator)
        let l = try Self.checked((denominator / g).multipliedReportingOverflow(by: o.denominator))
        let a = try Self.checked(numerator.multipliedReportingOverflow(by: l / denominator))
        let b = try Self.checked(o.numerator.multipliedReportingOverflow(by: l / o.denominator))
        return try ExactRational(try Self.checked(a.addingReportingOverflow(b)), l)
    }
    public func negated() throws(Failure) -> ExactRational {
        guard numerator != Int.min else { throw .overflow }
        return try ExactRational(-numerator, denominator)
    }
    public func subtracting(_ o: ExactRational) throws(Failure) -> ExactRational { try adding(try o.negated()) }
    public func multiplied(by o: ExactRational) throws(Failure) -> ExactRational {
        let g1 = Self.gcd(abs(numerator), o.denominator), g2 = Self.gcd(abs(o.numerator), denominator)
        let p = try Self.checked((numerator / g1).multipliedReportingOverflow(by: o.numerator / g2))
        let q = try Self.checked((denominator / g2).multipliedReportingOverflow(by: o.denominator / g1))
        return try ExactRational(p, q)
    }
    public func divided(by o: ExactRational) throws(Failure) -> ExactRational {
        guard o.numerator != 0 else { throw .divisionByZero }
        return try multiplied(by: try ExactRational(o.denominator, o.numerator))
    }

    /// Largest integer ≤ self.
    public var floor: Int {
        let q = numerator / denominator
        return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
    }
    public var ceiling: Int { numerator % denominator == 0 ? numerator / denominator : floor + 1 }

    public static func < (a: ExactRational, b: ExactRational) -> Bool {
        // Compare a.p·b.q with b.p·a.q using 128-bit products (never overflows).
        let l = a.numerator.multipliedFullWidth(by: b.denominator)
        let r = b.numerator.multipliedFullWidth(by: a.denominator)
        return (l.high, l.low) < (r.high, r.low)
    }

    /// Decimal rendering rounded half away from zero to `places` decimals, trailing zeros kept (e.g. "12.50").
    public func decimalString(places: Int) throws(Failure) -> String {
        var scale = 1
        for _ in 0..<places { scale = try Self.checked(scale.multipliedReportingOverflow(by: 10)) }
        let scaled = try multiplied(by: ExactRational(scale))
        // |scaled| = a/d; rounded half away from zero = ⌊(2a + d) / 2d⌋.
        let a = abs(scaled.numerator), d = scaled.denominator
        let top = try Self.checked(try Self.checked(a.multipliedReportingOverflow(by: 2)).addingReportingOverflow(d))
        let units = top / (try Self.checked(d.multipliedReportingOverflow(by: 2)))
        let negative = numerator < 0 && units != 0
        let whole = units / scale, frac = units % scale
        var text = (negative ? "-" : "") + String(whole)
        if places > 0 {
            let f = String(frac)
            text += "." + String(repeating: "0", count: places - f.count) + f
        }
        return text
    }

    /// Parses an integer, a decimal (`-12.5`), or a fraction (`7/2`, `-7 / 2`). Returns nil for anything else.
    public static func parse(_ text: String) -> ExactRational? {
        let t = text.filter { !$0.isWhitespace }
        if let slash = t.firstIndex(of: "/") {
            guard let p = parse(String(t[..<slash])), let q = parse(String(t[t.index(after: slash)...])) else { return nil }
            return try? p.divided(by: q)
        }
        var body = Substring(t)
        var negative = false
        if body.first == "-" || body.first == "+" { negative = body.first == "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !body.isEmpty, body != "." else { return nil }
        let intPart = parts[0], fracPart = parts.count == 2 ? parts[1] : ""
        guard (intPart + fracPart).allSatisfy({ $0.isASCII && $0.isNumber }), !(intPart + fracPart).isEmpty,
              fracPart.count <= 18 else { return nil }
        guard let digits = Int(intPart + fracPart) ?? (intPart.isEmpty && fracPart.isEmpty ? 0 : nil) else { return nil }
        var scale = 1
        for _ in 0..<fracPart.count { scale *= 10 }
        return try? ExactRational(negative ? -digits : digits, scale)
    }
}
