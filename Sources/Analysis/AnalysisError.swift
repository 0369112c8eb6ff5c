/// Errors raised by the `Analysis` target. Every message says what was expected, what was found, and what to do.
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An integer argument is outside its allowed range (`requirement` states the range).
    case invalidCount(name: String, value: Int, requirement: String)
    /// A real-valued argument is outside its allowed range or not finite.
    case invalidValue(name: String, value: Double, requirement: String)
    /// k exceeds the number of samples n of a problem (pass@k and maj@k need k ≤ n).
    case kExceedsSamples(k: Int, samples: Int, problemIndex: Int?)
    /// A problem claims more correct samples than it has samples.
    case correctExceedsSamples(correct: Int, samples: Int, problemIndex: Int?)
    /// A computation needs at least one item and got none.
    case emptyInput(what: String)
    /// The power-law fit needs at least two points with 0 < coverage < 1 at two distinct k.
    case tooFewFitPoints(usable: Int, total: Int)
    /// Gauss–Newton refinement of the power-law fit stalled or produced non-finite values.
    case fitDidNotConverge(iterations: Int, detail: String)
    /// The fitted curve never reaches the requested coverage.
    case targetUnreachable(target: Double, a: Double, b: Double, reason: String)
    /// The sample count needed to reach the target is too large to represent as an `Int`.
    case saturationBeyondRange(samples: Double, target: Double)

    public var description: String {
        switch self {
        case let .invalidCount(name, value, requirement):
            return "\(name) must be \(requirement), but got \(value). Pass a value in range."
        case let .invalidValue(name, value, requirement):
            return "\(name) must be \(requirement), but got \(value). Pass a finite value in range."
        case let .kExceedsSamples(k, samples, index):
            return "k (\(k)) exceeds the number of samples n (\(samples))\(Self.at(index)); the unbiased estimators "
                + "need k ≤ n. Use a smaller k or draw at least \(k) samples per problem."
        case let .correctExceedsSamples(correct, samples, index):
            return "the correct count c (\(correct)) exceeds the number of samples n (\(samples))\(Self.at(index)); "
                + "c counts correct samples among the n drawn, so 0 ≤ c ≤ n. Check how c was tallied."
        case let .emptyInput(what):
            return "expected at least one \(what), but got none. Provide data before asking for a statistic."
        case let .tooFewFitPoints(usable, total):
            return "the power-law fit needs at least 2 points with 0 < coverage < 1 at distinct k, but only \(usable) "
                + "of \(total) qualify. Draw more samples per problem or include smaller k (coverage 0 or 1 carries "
                + "no information for log(-log c))."
        case let .fitDidNotConverge(iterations, detail):
            return "the Gauss-Newton refinement of c(k) = exp(a·k^b) did not converge after \(iterations) iterations "
                + "(\(detail)). Use the log-linear fit, or check that coverage rises with k."
        case let .targetUnreachable(target, a, b, reason):
            return "the fitted curve c(k) = exp(\(a)·k^\(b)) never reaches coverage \(target): \(reason). "
                + "Choose a target below the curve's limit."
        case let .saturationBeyondRange(samples, target):
            return "reaching coverage \(target) needs about \(samples) samples per problem, more than an Int holds. "
                + "Choose a lower target."
        }
    }

    private static func at(_ index: Int?) -> String {
        index.map { " at problem index \($0)" } ?? ""
    }
}
