/// How the products of a matrix multiply are computed.
public enum MultiplyKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An ordinary multiplier.
    case exact
    /// L-Mul (Luo & Sun 2024): operands rounded to `mantissaBits` fraction bits, the product formed by one integer
    /// add of the exponent-and-mantissa fields (numerics.md §1.1).
    case lmul(mantissaBits: Int)

    /// Parses `exact` or `lmul:m=M` (M in 1...23).
    /// - Throws: ``CostError/invalidMultiply(text:)``.
    public init(parsing text: String) throws(CostError) {
        if text == "exact" {
            self = .exact
            return
        }
        let prefix = "lmul:m="
        guard text.hasPrefix(prefix), let m = Int(text.dropFirst(prefix.count)), (1...23).contains(m) else {
            throw .invalidMultiply(text: text)
        }
        self = .lmul(mantissaBits: m)
    }

    /// `exact` or `lmul:m=M`.
    public var description: String {
        switch self {
        case .exact: "exact"
        case let .lmul(m): "lmul:m=\(m)"
        }
    }
}
