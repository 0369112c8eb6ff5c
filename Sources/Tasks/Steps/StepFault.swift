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
