import Foundation
import Testing

@testable import Tasks

/// Shared helpers for the algorithmic family tests.
enum AlgorithmTestSupport {
    /// Number of seeds each property test covers at default difficulty.
    static let propertySeeds = 10_000

    /// Families by id (looked up once).
    static let families: [String: any TaskFamily] = Dictionary(
        uniqueKeysWithValues: AlgorithmFamilies.all.map { ($0.id, $0) })

    static func family(_ id: String) -> any TaskFamily {
        guard let family = families[id] else { preconditionFailure("no algorithmic family \(id)") }
        return family
    }

    static func instance(_ id: String, seed: Int, _ overrides: [String: String] = [:]) -> TaskInstance {
        let family = family(id)
        let difficulty = try! family.difficulty(overrides)
        return family.generate(seed: UInt64(seed), difficulty: difficulty, index: seed % 5)
    }

    static func grade(_ instance: TaskInstance, _ response: String) -> Verdict {
        family(instance.family).grade(response: response, instance: instance)
    }

    /// `[a, b, c]` → [a, b, c]
    static func ints(_ text: String?) -> [Int] {
        InstanceBuilder.parseList(text)
    }

    static func list(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }
}
