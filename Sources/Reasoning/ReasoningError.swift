import Tasks

/// Errors raised by the `Reasoning` target. Every message says what was expected, what was found, and what to do.
public enum ReasoningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A strategy name is not in the registry; `suggestion` is the closest known name, if any.
    case unknownStrategy(name: String, suggestion: String?, known: [String])
    /// A strategy was given a parameter it does not take.
    case unknownStrategyParameter(strategy: String, parameter: String, known: [String])
    /// A strategy parameter is outside its allowed range (`requirement` states the range).
    case invalidStrategyParameter(strategy: String, parameter: String, value: Double, requirement: String)
    /// A strategy written on the command line could not be read (`position` is a 0-based character offset).
    case malformedStrategy(text: String, position: Int, reason: String)
    /// A configuration field is outside its allowed range.
    case invalidConfiguration(field: String, value: String, requirement: String)
    /// The task family rejected the requested difficulty.
    case difficulty(TasksError)
    /// The generator failed while producing the samples of one problem (`message` is the engine's error).
    case generation(problem: Int, message: String)
    /// The generator returned a different number of samples than seeds it was given.
    case sampleCountMismatch(problem: Int, expected: Int, found: Int)
    /// The sample store failed (the message is the store's own).
    case store(operation: String, message: String)
    /// The run was cancelled between problems; `problemsDone` problems are complete and stored.
    case cancelled(problemsDone: Int)

    public var description: String {
        switch self {
        case let .unknownStrategy(name, suggestion, known):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "unknown strategy '\(name)'.\(hint) Expected one of: \(known.joined(separator: ", "))."
        case let .unknownStrategyParameter(strategy, parameter, known):
            let list = known.isEmpty ? "none" : known.joined(separator: ", ")
            return "strategy '\(strategy)' has no parameter '\(parameter)'; it takes: \(list). Remove or rename it."
        case let .invalidStrategyParameter(strategy, parameter, value, requirement):
            return "strategy '\(strategy)': parameter \(parameter) = \(value) is invalid; expected \(requirement)."
        case let .malformedStrategy(text, position, reason):
            return "cannot read strategy '\(text)' at character \(position): \(reason). "
                + "Write it as name or name:key=value,key=value (e.g. short-m-at-k:k=8,m=3)."
        case let .invalidConfiguration(field, value, requirement):
            return "evaluation setting \(field) = \(value) is invalid; expected \(requirement)."
        case let .difficulty(error):
            return "the task family rejected the difficulty: \(error)"
        case let .generation(problem, message):
            return "generating the samples of problem \(problem) failed: \(message). "
                + "Re-run the same command to resume; stored samples are kept."
        case let .sampleCountMismatch(problem, expected, found):
            return "the generator returned \(found) samples for problem \(problem), expected \(expected) (one per seed); "
                + "the generator is faulty."
        case let .store(operation, message):
            return "the sample store failed to \(operation): \(message)"
        case let .cancelled(problemsDone):
            return "the run was cancelled after \(problemsDone) complete problems; re-run the same command to resume."
        }
    }
}
