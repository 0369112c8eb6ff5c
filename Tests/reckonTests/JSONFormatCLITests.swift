import Foundation
import Testing
import TestSupport

/// `--format json` on every command that prints data, and eval taking generate's sampling flags.
@Suite struct JSONFormatCLITests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    @Test func statsAsJSON() throws {
        // 1 - C(7,2)/C(10,2) = 1 - 21/45 = 0.5333…
        let passAtK = try ReckonProcess.run(["stats", "pass-at-k", "--n", "10", "--c", "3", "--k", "2", "--format", "json"])
        #expect(passAtK.status == 0, "\(passAtK.standardError)")
        let value = try Self.object(passAtK.standardOutput)
        #expect(abs((value["pass_at_k"] as? Double ?? 0) - 24.0 / 45.0) < 1e-12)
        #expect(value["n"] as? Int == 10 && value["c"] as? Int == 3 && value["k"] as? Int == 2)
        // Answers a,a,b with a correct, k = 3: the vote is a (2 of 3): 1.
        let majority = try ReckonProcess.run(
            ["stats", "maj-at-k", "--answers", "a,a,b", "--correct", "a", "--k", "3", "--format", "json"])
        #expect(majority.status == 0, "\(majority.standardError)")
        let vote = try Self.object(majority.standardOutput)
        #expect(vote["maj_at_k"] as? Double == 1 && vote["samples"] as? Int == 3 && vote["ties"] as? String == "split")
    }

    @Test func modelPathAsJSON() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let outcome = try ReckonProcess.run(["model", "path", "--format", "json"], environment: ["RECKON_HOME": folder.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let value = try Self.object(outcome.standardOutput)
        #expect((value["path"] as? String)?.hasPrefix(folder.path) == true, "\(value)")
        #expect(value["cached"] as? Bool == false)
    }

    @Test func runsListAsJSON() throws {
        let folder = try CLIFixtures.folder()
        defer { CLIFixtures.removeFolder(folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        try CLIFixtures.runDatabase(at: db)
        let outcome = try ReckonProcess.run(["runs", "list", "--db", db, "--format", "json"], timeout: 60)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let runs = try #require(JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs.first?["id"] as? Int == 1 && runs.first?["task"] as? String == "arithmetic")
        #expect(runs.first?["samples"] as? Int == 0 && runs.first?["expected_samples"] as? Int == 1)
        #expect(runs.first?["finished_at"] is NSNull)
        #expect((runs.first?["identity_hash"] as? String)?.count == 64)
    }

    @Test("eval takes generate's sampling flags, checked with the same ranges", arguments: [
        (["--repeat-penalty", "0"], "--repeat-penalty 0.0 is out of range"),
        (["--top-p", "-1"], "--top-p -1.0 is out of range"),
        (["--stop", ""], "--stop must not be empty"),
    ])
    func evalSamplingFlags(flags: [String], message: String) throws {
        let outcome = try ReckonProcess.run(["eval", "--task", "arithmetic", "--db", ":memory:"] + flags, timeout: 60)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}

@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"))
struct ModelJSONFormatCLITests {
    @Test func inspectAsJSON() throws {
        let path = try DefaultModel.require()
        let json = try ReckonProcess.run(["inspect", "--model", path, "--format", "json"], timeout: 120)
        #expect(json.status == 0, "\(json.standardError)")
        let value = try JSONFormatCLITests.object(json.standardOutput)
        let metadata = try #require(value["metadata"] as? [String: Any])
        #expect(metadata["general.architecture"] as? String == "llama")
        #expect(metadata["llama.context_length"] as? Int == 8192)
        let tokens = try #require(metadata["tokenizer.ggml.tokens"] as? [String: Any])
        #expect(tokens["count"] as? Int == 49152)
        #expect((tokens["items"] as? [String])?.count == 8)
        // The same counts as the text table.
        let text = try ReckonProcess.run(["inspect", "--model", path], timeout: 120)
        let tensors = try #require(value["tensors"] as? [[String: Any]])
        #expect(text.standardOutput.contains("\(tensors.count) tensors"))
        #expect(text.standardOutput.contains("\n\(value["parameters"] as? Int ?? -1) parameters"))
    }

    @Test("--ignore-eos runs to --max-tokens where the model would have ended")
    func ignoreEOS() throws {
        let path = try DefaultModel.require()
        let common = ["generate", "--model", path, "--chat", "--prompt", "Say hi.", "--temperature", "0", "--format", "json"]
        struct Output: Decodable { let tokens: [Int]; let finish_reason: String }
        let plain = try ReckonProcess.run(common + ["--max-tokens", "200"], timeout: 300)
        #expect(plain.status == 0, "\(plain.standardError)")
        let ended = try JSONDecoder().decode(Output.self, from: Data(plain.standardOutput.utf8))
        #expect(ended.finish_reason == "eos", "the model did not end by itself: \(ended.tokens.count) tokens")
        let forced = try ReckonProcess.run(common + ["--max-tokens", "\(ended.tokens.count + 5)", "--ignore-eos"], timeout: 300)
        #expect(forced.status == 0, "\(forced.standardError)")
        let running = try JSONDecoder().decode(Output.self, from: Data(forced.standardOutput.utf8))
        #expect(running.finish_reason == "length")
        #expect(running.tokens.count == ended.tokens.count + 5)
        #expect(Array(running.tokens.prefix(ended.tokens.count)) == ended.tokens)
    }
}
