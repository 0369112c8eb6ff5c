import Foundation
import Testing
@testable import Tasks

/// Determinism goldens of the puzzle group: Fixtures/determinism-puzzles.json maps each family id to
/// `{"version": v, "sha256": hex}`, the SHA-256 of the canonical JSON lines of instances 0..<100 for seed 42 at the
/// default difficulty (`TaskFamily.determinismHash`).
///
/// Re-record after a deliberate generation change (and a version bump):
/// `RECORD_GOLDENS=1 swift test --filter PuzzleDeterminismTests` — rewrites the fixture in the source tree.
@Suite struct PuzzleDeterminismTests {
    static let fixtureName = "determinism-puzzles.json"

    struct Entry: Codable, Equatable {
        let version: Int
        let sha256: String
    }

    static func sourceFixtureURL(file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(fixtureName)
    }

    @Test func goldensMatch() throws {
        var current: [String: Entry] = [:]
        for family in PuzzleTestSupport.families {
            current[family.id] = Entry(version: family.version, sha256: family.determinismHash(seed: 42, difficulty: nil, count: 100))
        }
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(current).write(to: Self.sourceFixtureURL())
            return
        }
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent(Self.fixtureName)
        let recorded = try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: url))
        #expect(Set(recorded.keys) == Set(current.keys), "every puzzle family needs a golden (RECORD_GOLDENS=1 to record)")
        for (id, entry) in current.sorted(by: { $0.key < $1.key }) {
            #expect(recorded[id]?.version == entry.version, "\(id): recorded version \(recorded[id]?.version ?? -1), family is \(entry.version)")
            #expect(recorded[id]?.sha256 == entry.sha256, "\(id): determinism golden changed; bump the version and re-record")
        }
    }

    /// Same seed → same instances; different index → (almost always) different instances for random families.
    @Test func generationIsRepeatable() throws {
        for family in PuzzleTestSupport.families {
            let d = family.defaultDifficulty
            let a = family.generate(seed: 7, difficulty: d, count: 5), b = family.generate(seed: 7, difficulty: d, count: 5)
            #expect(a == b, "\(family.id)")
            for instance in a {
                #expect(instance.id == TaskInstance.makeID(family: family.id, seed: 7, index: instance.index))
                #expect(family.grade(response: instance.answer, instance: instance).kind == .correct, "\(family.id) \(instance.id)")
                #expect(family.grade(response: instance.boxedPrompt.isEmpty ? "" : "\\boxed{\(instance.answer)}", instance: instance).kind == .correct,
                        "\(family.id) \(instance.id): boxed reference")
                #expect(instance.boxedPrompt.contains("\\boxed{") && instance.prompt != instance.boxedPrompt)
            }
        }
    }

    @Test func parametersHaveValidDefaultsAndIdsAreUnique() throws {
        let ids = PuzzleTestSupport.families.map(\.id)
        #expect(Set(ids).count == ids.count)
        for family in PuzzleTestSupport.families {
            #expect(throws: TasksError.self) { try family.difficulty(["no_such_knob": "1"]) }
            for p in family.parameters {
                if case .integer(let r) = p.domain {
                    #expect(throws: TasksError.self) { try family.difficulty([p.name: String(r.upperBound + 1)]) }
                }
            }
        }
    }
}
