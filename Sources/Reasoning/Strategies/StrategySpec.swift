/// A strategy as data: its registry name and numeric parameters (see ``StrategyRegistry`` for each name's
/// parameters and defaults). Written on the command line as `name` or `name:key=value,key=value`.
public struct StrategySpec: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// Registry name, e.g. `"majority"`, `"short-m-at-k"`.
    public var name: String
    /// Parameters by name, e.g. `["k": 8, "m": 3]`; absent ones take their defaults.
    public var parameters: [String: Double]

    public init(name: String, parameters: [String: Double] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    /// The command-line form, parameters sorted by name, whole numbers without a fraction: `short-m-at-k:k=8,m=3`.
    public var description: String {
        guard !parameters.isEmpty else { return name }
        let items = parameters.keys.sorted().map { key -> String in
            let value = parameters[key]!
            let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            return "\(key)=\(text)"
        }
        return "\(name):\(items.joined(separator: ","))"
    }

    /// Reads the command-line form `name` or `name:key=value,key=value` (whitespace around items ignored).
    /// Only the syntax is checked here; ``StrategyRegistry/resolve(_:)`` checks names and ranges.
    /// - Throws: ``ReasoningError/malformedStrategy(text:position:reason:)``.
    public init(parsing text: String) throws(ReasoningError) {
        let characters = Array(text)
        let colon = characters.firstIndex(of: ":")
        let name = String(characters[..<(colon ?? characters.count)]).trimmingWhitespace()
        guard !name.isEmpty else { throw .malformedStrategy(text: text, position: 0, reason: "the name is empty") }
        var parameters: [String: Double] = [:]
        if let colon {
            var start = colon + 1
            for item in String(characters[(colon + 1)...]).split(separator: ",", omittingEmptySubsequences: false) {
                defer { start += item.count + 1 }
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2 else {
                    throw .malformedStrategy(text: text, position: start, reason: "expected key=value, found '\(item)'")
                }
                let key = String(pair[0]).trimmingWhitespace()
                let valueText = String(pair[1]).trimmingWhitespace()
                guard !key.isEmpty else { throw .malformedStrategy(text: text, position: start, reason: "empty key") }
                guard let value = Double(valueText), value.isFinite else {
                    throw .malformedStrategy(
                        text: text, position: start + pair[0].count + 1, reason: "'\(valueText)' is not a finite number")
                }
                guard parameters[key] == nil else {
                    throw .malformedStrategy(text: text, position: start, reason: "parameter '\(key)' given twice")
                }
                parameters[key] = value
            }
        }
        self.init(name: name, parameters: parameters)
    }
}
