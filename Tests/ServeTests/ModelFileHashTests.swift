import Foundation
import Testing
@testable import Serve

/// SHA-256 of a file, against published FIPS 180-2 test vectors: "abc", the empty message, and one million "a".
@Suite struct ModelFileHashTests {
    func hash(of data: Data) throws -> String? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-hash-\(UUID().uuidString)").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return ModelFileHash.sha256(path: path)
    }

    @Test func publishedVectors() throws {
        #expect(try hash(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try hash(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try hash(of: Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(ModelFileHash.sha256(path: "/nonexistent/reckon/model.gguf") == nil)
    }
}
