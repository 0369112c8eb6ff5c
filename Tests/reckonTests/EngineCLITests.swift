import Foundation
import Testing
import TestSupport

/// End-to-end checks of the model commands through the real `reckon` binary, against the oracle's goldens.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"))
struct EngineCLITests {
    struct Greedy: Decodable {
        struct Result: Decodable { let prompt: String; let prompt_tokens: [Int]; let tokens: [Int] }
        let results: [Result]
    }

    static func greedyGolden() throws -> Greedy {
        // The model tests' fixture, read from the source tree (this file's folder's sibling).
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ModelTests/Fixtures/greedy_golden.json")
        return try JSONDecoder().decode(Greedy.self, from: Data(contentsOf: url))
    }

    @Test func tokenizeJSON() throws {
        let path = try DefaultModel.require()
        let outcome = try ReckonProcess.run(["tokenize", "--model", path, "--format", "json", "The capital of France is"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "{\"tokens\":[504,3575,282,4649,314]}\n")
    }

    @Test func generateJSONIsGreedyAndMatchesOracle() throws {
        let path = try DefaultModel.require()
        let golden = try Self.greedyGolden().results[1]
        let outcome = try ReckonProcess.run(["generate", "--model", path, "--format", "json", "--prompt", golden.prompt,
                                             "--max-tokens", "12", "--temperature", "0"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        struct Output: Decodable { let prompt_tokens: [Int]; let tokens: [Int]; let text: String }
        let output = try JSONDecoder().decode(Output.self, from: Data(outcome.standardOutput.utf8))
        #expect(output.prompt_tokens == golden.prompt_tokens)
        let expected = Array(golden.tokens.prefix(while: { $0 != 2 && $0 != 0 }).prefix(12))
        #expect(output.tokens == expected)
    }

    @Test func badInputsGiveClearErrors() throws {
        let missing = try ReckonProcess.run(["generate", "--model", "/nonexistent/model.gguf", "--prompt", "x"])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("model file not found: /nonexistent/model.gguf"))

        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-bad-\(UUID().uuidString).gguf")
        try Data("GGUF\u{3}\0\0\0 too short".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        let corrupt = try ReckonProcess.run(["inspect", "--model", bad.path])
        #expect(corrupt.status != 0)
        #expect(corrupt.standardError.contains("truncated"))

        let sampling = try ReckonProcess.run(["generate", "--model", try DefaultModel.require(), "--prompt", "x", "--top-p", "0"])
        #expect(sampling.status != 0)
        #expect(sampling.standardError.contains("top-p"))
    }
}
