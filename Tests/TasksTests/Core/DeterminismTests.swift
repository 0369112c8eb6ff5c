import Foundation
import Testing
@testable import Tasks

/// Every key of every Fixtures/determinism*.json: `family` or `family?k=v&k2=v2`; the SHA-256 of the first 100
/// instances for seed 42 (recorded by Scripts/tasks/record_determinism.sh with sha256sum) must match, and the
/// recorded version must equal the family's version (bump the version and re-record when generation changes).
@Suite struct DeterminismTests {
    struct Entry: Decodable {
        let version: Int
        let sha256: String
    }

    @Test func goldensMatch() throws {
        let files = try FixtureLoading.names(prefix: "determinism", suffix: ".json")
        #expect(files.contains("determinism.json"))
        var checked = 0
        for file in files {
            let data = try Data(contentsOf: FixtureLoading.url(file))
            let entries = try JSONDecoder().decode([String: Entry].self, from: data)
            for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "?", maxSplits: 1)
                let family = try TaskRegistry.standard.family(String(parts[0]))
                var overrides: [String: String] = [:]
                if parts.count == 2 {
                    for pair in parts[1].split(separator: "&") {
                        let kv = pair.split(separator: "=", maxSplits: 1)
                        overrides[String(kv[0])] = String(kv[1])
                    }
                }
                let difficulty = try family.difficulty(overrides)
                #expect(entry.version == family.version, "\(file) \(key): recorded for version \(entry.version), family is \(family.version)")
                let hash = family.determinismHash(seed: 42, difficulty: difficulty, count: 100)
                #expect(hash == entry.sha256, "\(file) \(key): determinism golden changed; bump the family version and re-record")
                checked += 1
            }
        }
        #expect(checked >= 52)
    }

    @Test func everyStandardFamilyHasAGolden() throws {
        var keys = Set<String>()
        for file in try FixtureLoading.names(prefix: "determinism", suffix: ".json") {
            let data = try Data(contentsOf: FixtureLoading.url(file))
            let entries = try JSONDecoder().decode([String: Entry].self, from: data)
            keys.formUnion(entries.keys)
        }
        for family in TaskRegistry.standard.families {
            #expect(keys.contains(family.id), "family \(family.id) has no determinism golden")
        }
    }
}
