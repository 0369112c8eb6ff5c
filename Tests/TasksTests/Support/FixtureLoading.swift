import Foundation
@testable import Tasks

/// Loads test fixtures from the bundle's Fixtures folder.
enum FixtureLoading {
    static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError(description: "Fixtures folder missing from the test bundle")
        }
        return base.appendingPathComponent(name)
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// File names in Fixtures matching a prefix and suffix.
    static func names(prefix: String, suffix: String) throws -> [String] {
        guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let all = try FileManager.default.contentsOfDirectory(atPath: base.path)
        return all.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted()
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }
}

/// Property-test helpers shared by the family suites.
enum FamilyProperties {
    /// The answer with one digit changed (position and replacement chosen by `rng`); `nil` if it has no digit.
    static func perturbDigit(_ answer: String, _ rng: inout TaskRNG) -> String? {
        var chars = Array(answer)
        let positions = chars.indices.filter { chars[$0].isASCII && chars[$0].isNumber }
        guard !positions.isEmpty else { return nil }
        let position = rng.pick(positions)
        let digit = Int(String(chars[position]))!
        let replacement = (digit + rng.int(in: 1...9)) % 10
        chars[position] = Character(String(replacement))
        return String(chars)
    }
}
