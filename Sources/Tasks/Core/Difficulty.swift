/// A validated assignment of every parameter of a family (defaults filled in).
///
/// Obtain one from ``TaskFamily/difficulty(_:)``, which validates names and ranges.
public struct Difficulty: Sendable, Hashable, Codable {
    /// Parameter name → value, as strings (integers in decimal).
    public let values: [String: String]

    /// Wraps already-validated values. Prefer ``TaskFamily/difficulty(_:)``, which validates and fills defaults.
    public init(values: [String: String]) {
        self.values = values
    }

    /// The integer value of `name`. Precondition: the parameter exists and is an integer.
    public func int(_ name: String) -> Int {
        guard let text = values[name], let value = Int(text) else {
            preconditionFailure("difficulty has no integer parameter \(name) (values: \(values))")
        }
        return value
    }

    /// The string value of `name`. Precondition: the parameter exists.
    public func string(_ name: String) -> String {
        guard let text = values[name] else {
            preconditionFailure("difficulty has no parameter \(name) (values: \(values))")
        }
        return text
    }

    /// The value of `name`, or `nil` when absent.
    public subscript(name: String) -> String? { values[name] }
}
