/// Errors raised by the `Cost` target. Every message says what was expected, what was found, and what to do.
public enum CostError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A number-format name the cost model does not know.
    case unknownFormat(name: String, role: String)
    /// A size (layers, widths, context, matrix sides) outside its range.
    case invalidSize(name: String, value: Int, requirement: String)

    public var description: String {
        switch self {
        case let .unknownFormat(name, role):
            return "unknown \(role) format '\(name)'. Expected one of: \(OperandFormat.knownNames.joined(separator: ", ")) "
                + "(or intK / intK-gG, e.g. int8, int4-g32). Pass one of these names."
        case let .invalidSize(name, value, requirement):
            return "\(name) must be \(requirement), but got \(value). Check the model shape or the option."
        }
    }
}
