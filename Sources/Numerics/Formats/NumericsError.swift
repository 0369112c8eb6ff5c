/// Errors from Numerics' codecs: each message says what was expected, what was found, and what to do.
public enum NumericsError: Error, Equatable, CustomStringConvertible {
    /// An integer width outside the supported range.
    case unsupportedIntegerBits(Int)
    /// A value count that does not split into the requested rows or groups.
    case shapeMismatch(count: Int, groupLength: Int, what: String)
    /// A number-format name that is not one of ``NumberFormat/names``; `role` says what it was for.
    case unknownFormat(name: String, role: String, valid: String)
    /// A multiplication rule that is neither `exact` nor `lmul:m=M` with M in 1...23.
    case unknownMultiplier(String)

    public var description: String {
        switch self {
        case .unsupportedIntegerBits(let bits):
            return "integer quantisation needs 2 to 8 bits, found \(bits); choose a width in 2...8"
        case .shapeMismatch(let count, let groupLength, let what):
            return "\(count) values do not split into \(what) of \(groupLength); "
                + "pass a count that is a multiple of \(groupLength) or a \(what) length that divides \(count)"
        case .unknownFormat(let name, let role, let valid):
            return "unknown \(role) format '\(name)'; valid formats: \(valid)"
        case .unknownMultiplier(let text):
            return "unknown multiplication '\(text)'; use exact or lmul:m=M with M (mantissa bits) in 1...23, "
                + "e.g. lmul:m=3"
        }
    }
}
