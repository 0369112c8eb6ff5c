import Exact
import Foundation
import Testing

@testable import Tasks

/// Determinism goldens: SHA-256 of the first 100 instances' canonical JSON lines (seed 42, default difficulty).
/// Re-record after an intentional generation change (and a version bump) with
/// `RECORD_GOLDENS=1 swift test --filter AlgorithmDeterminismTests`, which rewrites
/// Tests/TasksTests/Fixtures/determinism-algo.json in the source tree.
struct AlgorithmDeterminismTests {
    static let fixtureName = "determinism-algo"

    @Test func goldensMatch() throws {
        var current: [String: (Int, String)] = [:]
        for family in AlgorithmFamilies.all {
            current[family.id] = (family.version, family.determinismHash(seed: 42, difficulty: nil, count: 100))
        }
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            var json = CanonicalJSON()
            json.beginObject()
            for id in current.keys.sorted(by: CanonicalJSON.utf8Less) {
                json.key(id)
                json.beginObject()
                json.key("sha256"); json.string(current[id]!.1)
                json.key("version"); json.raw(String(current[id]!.0))
                json.endObject()
            }
            json.endObject()
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/\(Self.fixtureName).json")
            try (json.text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: Self.fixtureName, withExtension: "json", subdirectory: "Fixtures"),
            "missing fixture; record with RECORD_GOLDENS=1")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: Any]] ?? [:]
        #expect(Set(object.keys) == Set(current.keys), "fixture families differ from AlgorithmFamilies.all")
        for (id, (version, hash)) in current.sorted(by: { $0.key < $1.key }) {
            let entry = object[id]
            #expect(entry?["version"] as? Int == version, "\(id): version changed without re-recording")
            #expect(entry?["sha256"] as? String == hash, "\(id): generation changed; bump version and re-record")
        }
    }

    @Test func everyIdIsUniqueKebabCase() {
        let ids = AlgorithmFamilies.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
        }
    }

    @Test func sameSeedSameInstance() {
        for family in AlgorithmFamilies.all {
            let d = family.defaultDifficulty
            let a = family.generate(seed: 7, difficulty: d, index: 3), b = family.generate(seed: 7, difficulty: d, index: 3)
            #expect(a == b, "\(family.id) is not deterministic")
            #expect(a.id == "\(family.id)-7-3")
        }
    }
}
