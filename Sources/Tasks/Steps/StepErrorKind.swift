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
