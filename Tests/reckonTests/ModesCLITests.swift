import Foundation
import Testing

/// Inference-mode flags (`--weights`, `--activations`, `--kv`, `--matmul`, `--attention`) through the built binary on
/// the tiny fixture model.
@Suite struct ModesCLITests {
    static func textFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-modes-\(UUID().uuidString).txt")
        let text = String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 6)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test(arguments: [
        ["--weights", "fp32"],
        ["--weights", "mxfp4", "--activations", "fp8-e4m3", "--kv", "fp8-e4m3", "--matmul", "lmul:m=3",
         "--attention", "lmul:m=3"],
        ["--weights", "bf16", "--activations", "int16"],
        ["--weights", "ternary", "--kv", "nvfp4"],
    ])
    func perplexityRunsInEveryMode(flags: [String]) throws {
        let text = try Self.textFile()
        defer { try? FileManager.default.removeItem(at: text) }
        let outcome = try ReckonProcess.run(["perplexity", "--model", QuantizeCLITests.tinyModel, "--file", text.path,
                                             "--context", "32", "--threads", "1"] + flags, timeout: 120)
        #expect(outcome.status == 0, "\(flags): \(outcome.standardError)")
        #expect(outcome.standardOutput.contains("final perplexity: "), "\(outcome.standardOutput)")
    }

    @Test(arguments: [
        (["--weights", "fp7"], "--weights: unknown weights format 'fp7'; valid formats: fp32, fp16, bf16"),
        (["--activations", "int12"],
         "--activations: unknown activation format 'int12'; valid formats: int16, int8-blocks, float32"),
        (["--kv", "e8m0"], "--kv: unknown kv format 'e8m0'"),
        (["--matmul", "lmul:m=30"], "--matmul: unknown multiplication 'lmul:m=30'; use exact or lmul:m=M"),
        (["--attention", "fast"], "--attention: unknown multiplication 'fast'"),
    ])
    func unknownNamesListTheValidOnes(flags: [String], message: String) throws {
        let outcome = try ReckonProcess.run(["perplexity", "--model", QuantizeCLITests.tinyModel, "--file", "/dev/null"]
                                            + flags, timeout: 60)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}
