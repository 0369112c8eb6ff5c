import Foundation
import Testing

/// `reckon quantize` through the built binary on the tiny fixture model (read from the source tree).
@Suite struct QuantizeCLITests {
    static let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelTests/Fixtures/tiny_llama.gguf.fixture").path

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-quantize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func quantizesTheTinyModelToQ8_0AndInspectShowsTheTypes() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("tiny-q8_0.gguf").path
        let result = try ReckonProcess.run(["quantize", Self.tinyModel, output, "--type", "q8_0"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("16 of 21 tensors as Q8_0"), "\(result.standardOutput)")

        let inspect = try ReckonProcess.run(["inspect", "--model", output])
        #expect(inspect.status == 0, "stderr: \(inspect.standardError)")
        let rows = inspect.standardOutput.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let types = Dictionary(rows.filter { $0.count >= 4 && $0[0].hasSuffix(".weight") }.map { (String($0[0]), String($0[1])) },
                               uniquingKeysWith: { a, _ in a })
        #expect(types["token_embd.weight"] == "Q8_0" && types["blk.1.ffn_down.weight"] == "Q8_0")
        #expect(types["blk.0.attn_norm.weight"] == "F32" && types["output_norm.weight"] == "F32")
        #expect(types.count == 21)
        #expect(inspect.standardOutput.contains("general.file_type = 7"))
        #expect(inspect.standardOutput.contains("quantize.reckon.rounding = \"nearest\""))
    }

    @Test func stochasticRoundingIsReproducibleForASeed() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var images: [Data] = []
        for (name, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
            let output = directory.appendingPathComponent("\(name).gguf").path
            let result = try ReckonProcess.run(["quantize", Self.tinyModel, output, "--type", "mxfp4",
                                                "--stochastic-rounding", "--seed", seed])
            #expect(result.status == 0, "stderr: \(result.standardError)")
            images.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(images[0] == images[1])
        #expect(images[0] != images[2])
    }

    @Test func badTypeAndBadGroupExit64WithAClearMessage() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.gguf").path
        let badType = try ReckonProcess.run(["quantize", Self.tinyModel, output, "--type", "q5_0"])
        #expect(badType.status == 64)
        #expect(badType.standardError.contains("unknown --type 'q5_0': expected one of q8_0, q4_0, q4_1, mxfp4"))
        let badGroup = try ReckonProcess.run(["quantize", Self.tinyModel, output, "--type", "q4_0", "--group", "64"])
        #expect(badGroup.status == 64)
        #expect(badGroup.standardError.contains("--group 64 is not possible for Q4_0"))
        #expect(badGroup.standardError.contains("fixed group of 32"))
        #expect(!FileManager.default.fileExists(atPath: output), "nothing is written on a usage error")
    }

    @Test func refusesAnOutputThatIsNotARegularFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ReckonProcess.run(["quantize", Self.tinyModel, directory.path, "--type", "q8_0"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("exists and is not a regular file"))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        // A symbolic link to a directory is refused too.
        let link = directory.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory.path)
        let viaLink = try ReckonProcess.run(["quantize", Self.tinyModel, link, "--type", "q8_0"])
        #expect(viaLink.status == 64)
    }
}
