/// Errors of the Tasks module. Messages say what was expected, what was found, and what to do.
public enum TasksError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No family has this id; `suggestion` is the closest registered id by edit distance, if close enough.
    case unknownFamily(String, suggestion: String?)
    /// The family has no parameter of this name.
    case unknownParameter(String, family: String, known: [String])
    /// A value outside the parameter's domain (`expected` describes the domain).
    case parameterOutOfRange(name: String, value: String, expected: String)
    /// Parameters that are each valid but not together (e.g. a NUPA task undefined for a representation).
    case invalidCombination(family: String, reason: String)
    /// A malformed input line (1-based line number).
    case malformedLine(line: Int, reason: String)
    /// A `key=value` difficulty override that does not have that shape.
    case malformedOverride(String)
    /// An instance produced by a different version of its family.
    case versionMismatch(family: String, expected: Int, found: Int)
    /// Two families registered with one id.
    case duplicateFamily(String)
    /// `reckon tasks steps` has no step-by-step solutions for this family.
    case unsupportedStepFamily(String, supported: [String])
    /// Step-check data that the family's step writer never produces (edited or from another version).
    case invalidStepData(family: String, reason: String)

    public var description: String {
        switch self {
        case .unknownFamily(let id, let suggestion):
            var text = "unknown task family '\(id)'"
            if let suggestion { text += "; did you mean '\(suggestion)'?" }
            return text + " (run `reckon tasks list` to see every family)"
        case .unknownParameter(let name, let family, let known):
            let list = known.isEmpty ? "none" : known.joined(separator: ", ")
            var text = "unknown parameter '\(name)' for family '\(family)'; expected one of: \(list)"
            if let close = EditDistance.closest(to: name, among: known) { text += " (did you mean '\(close)'?)" }
            return text
        case .parameterOutOfRange(let name, let value, let expected):
            return "parameter '\(name)' = '\(value)' is out of range: expected \(expected)"
        case .invalidCombination(let family, let reason):
            return "invalid parameter combination for family '\(family)': \(reason)"
        case .malformedLine(let line, let reason):
            return "line \(line): \(reason)"
        case .malformedOverride(let text):
            return "malformed difficulty override '\(text)': expected key=value, e.g. digits_a=5"
        case .versionMismatch(let family, let expected, let found):
            return "instance of family '\(family)' has version \(found) but this build generates version \(expected); "
                + "re-sample the instances with this build"
        case .duplicateFamily(let id):
            return "two task families are registered with id '\(id)'; ids must be unique"
        case .unsupportedStepFamily(let id, let supported):
            var text = "no step-by-step solutions for family '\(id)'; expected one of: \(supported.joined(separator: ", "))"
            if let close = EditDistance.closest(to: id, among: supported) { text += " (did you mean '\(close)'?)" }
            return text
        case .invalidStepData(let family, let reason):
            return "step data of family '\(family)' is malformed: \(reason); regenerate it with `reckon tasks steps \(family)`"
        }
    }
}
