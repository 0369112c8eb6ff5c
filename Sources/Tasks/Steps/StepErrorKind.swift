/// The kinds of error injected into step-by-step solutions: mistakes people (and models) make, one per solution.
public enum StepErrorKind: String, Sendable, CaseIterable, Codable {
    /// A digit of a computed value slipped (the value written differs from the one computed).
    case slippedDigit = "slipped-digit"
    /// A carry passed to the next column is wrong.
    case wrongCarry = "wrong-carry"
    /// A number copied from the problem or an earlier step is wrong (the arithmetic on it is right).
    case copiedWrong = "copied-wrong"
    /// The step applies the wrong operation (its arithmetic is right).
    case wrongOperation = "wrong-operation"
    /// A move the rules forbid.
    case illegalMove = "illegal-move"
    /// A legal move that does not bring the goal closer (it leaves every shortest solution).
    case uselessMove = "useless-move"
}

/// Where and how to inject an error while writing a solution: at step `step` (0-based), an error of `kind`
/// whose details (which digit, which operand, which wrong move) are drawn from `draw`.
public struct StepFault: Sendable, Equatable {
    public var step: Int
    public var kind: StepErrorKind
    public var draw: UInt64

    public init(step: Int, kind: StepErrorKind, draw: UInt64) {
        self.step = step
        self.kind = kind
        self.draw = draw
    }
}
