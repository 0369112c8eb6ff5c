/// The number representations of the Number Cookbook (NUPA) benchmark (Yang et al., arXiv 2411.03766).
public enum NUPARepresentation: String, Sendable, CaseIterable {
    case integer, float, fraction, scientific

    /// The type hint that opens NUPA prompts.
    var typeHint: String {
        switch self {
        case .integer: return "Directly return the answer as an integer without any comma separator, like 123 ."
        case .float: return "Directly return the answer as a float without any comma separator, like 10.4 ."
        case .fraction:
            return "Directly return the answer as an irreducible fraction without any comma separator, like 7/13 ."
        case .scientific:
            return "Directly return the answer as a number in scientific notation, like 1.23e4 . "
                + "The float part should be in the range [1, 10)."
        }
    }
}

/// The 17 NUPA tasks.
public enum NUPATask: String, Sendable, CaseIterable {
    case add, sub, multiply, truediv, floordiv, mod, max, min
    case digitMax = "digit_max", digitMin = "digit_min", digitAdd = "digit_add", getDigit = "get_digit"
    case length, count
    case toFloat = "to_float", toScient = "to_scient", sig

    /// The representations this task is defined for (41 combinations in all).
    public var representations: [NUPARepresentation] {
        switch self {
        case .add, .sub, .multiply, .max, .min: return [.integer, .float, .fraction, .scientific]
        case .truediv: return [.integer, .fraction]
        case .floordiv, .mod, .count: return [.integer]
        case .digitMax, .digitMin, .digitAdd, .getDigit, .length, .toScient, .sig: return [.integer, .float]
        case .toFloat: return [.fraction, .scientific]
        }
    }

    /// Representation of the answer for inputs in `representation`.
    public func outputRepresentation(for representation: NUPARepresentation) -> NUPARepresentation {
        switch self {
        case .add, .sub, .multiply, .max, .min, .digitMax, .digitMin, .digitAdd: return representation
        case .truediv: return .fraction
        case .floordiv, .mod, .getDigit, .length, .count: return .integer
        case .toFloat: return .float
        case .toScient, .sig: return .scientific
        }
    }

    /// Every valid (task, representation) pair, in table order.
    public static var combinations: [(task: NUPATask, representation: NUPARepresentation)] {
        allCases.flatMap { task in task.representations.map { (task, $0) } }
    }
}
