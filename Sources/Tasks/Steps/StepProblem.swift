/// A problem to solve step by step: its statement and the strings its step checker needs (JSON-able).
public struct StepProblem: Sendable, Equatable {
    /// The problem as shown to a verifier.
    public var statement: String
    /// Everything the step checker needs to re-check the steps (e.g. the operands, the puzzle's pegs).
    public var data: [String: String]

    public init(statement: String, data: [String: String]) {
        self.statement = statement
        self.data = data
    }
}
