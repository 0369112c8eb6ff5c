/// The values a difficulty parameter may take.
public enum ParameterDomain: Sendable, Equatable {
    /// An integer in the closed range.
    case integer(ClosedRange<Int>)
    /// One of the listed strings (case-sensitive).
    case choice([String])

    /// Whether `value` (as written on a command line) belongs to the domain.
    public func contains(_ value: String) -> Bool {
        switch self {
        case .integer(let range):
            guard let v = Int(value) else { return false }
            return range.contains(v)
        case .choice(let options):
            return options.contains(value)
        }
    }

    /// A human-readable description, e.g. `integer 1...30` or `one of plain, reversed`.
    public var summary: String {
        switch self {
        case .integer(let range): return "integer \(range.lowerBound)...\(range.upperBound)"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        }
    }
}

/// A named difficulty knob of a task family, with its domain and default.
public struct DifficultyParameter: Sendable, Equatable {
    /// Stable parameter name (snake_case), e.g. `digits_a`.
    public let name: String
    /// One line saying what the knob changes.
    public let summary: String
    public let domain: ParameterDomain
    /// The value used when the caller does not override it; must belong to `domain`.
    public let defaultValue: String

    public init(name: String, summary: String, domain: ParameterDomain, defaultValue: String) {
        precondition(domain.contains(defaultValue), "default \(defaultValue) of \(name) is outside \(domain.summary)")
        self.name = name
        self.summary = summary
        self.domain = domain
        self.defaultValue = defaultValue
    }

    /// An integer parameter.
    public static func integer(_ name: String, _ range: ClosedRange<Int>, default value: Int, _ summary: String)
        -> DifficultyParameter
    {
        DifficultyParameter(name: name, summary: summary, domain: .integer(range), defaultValue: String(value))
    }

    /// A choice parameter.
    public static func choice(_ name: String, _ options: [String], default value: String, _ summary: String)
        -> DifficultyParameter
    {
        DifficultyParameter(name: name, summary: summary, domain: .choice(options), defaultValue: value)
    }
}
