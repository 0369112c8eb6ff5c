/// Errors raised when sampling parameters or inputs are unusable.
public enum SamplingError: Error, Equatable, CustomStringConvertible {
    /// A parameter is outside its valid range.
    case outOfRange(name: String, value: String, expected: String)
    /// The logits handed to the sampler are empty or contain no finite value.
    case noFiniteLogits(count: Int)

    public var description: String {
        switch self {
        case let .outOfRange(name, value, expected):
            return "sampling parameter \(name) = \(value) is out of range: expected \(expected)"
        case let .noFiniteLogits(count):
            return "cannot sample: none of the \(count) logits is a finite number (the model produced NaN/Inf)"
        }
    }
}
