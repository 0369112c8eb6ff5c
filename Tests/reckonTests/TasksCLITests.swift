import Foundation
import Testing

/// End-to-end tests of `reckon tasks` and `reckon answers` through the built binary.
@Suite struct TasksCLITests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `reckon` executable in the build products directory (next to the test bundle).
    static func reckonURL() throws -> URL {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("reckon"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("reckon"))
        for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
            candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("reckon"))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("reckon"))
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        throw CLIError(description: "reckon binary not found; looked in \(candidates.map(\.path))")
    }

    struct CLIError: Error, CustomStringConvertible { let description: String }

    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = try reckonURL()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-cli-\(UUID().uuidString).jsonl")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func sampleGradeAndCheck() throws {
        let sample = try Self.run(["tasks", "sample", "arithmetic-add", "--difficulty", "digits_a=5", "format=reversed",
            "--seed", "3", "--count", "4", "--format", "jsonl"])
        #expect(sample.status == 0, "stderr: \(sample.stderr)")
        var instances = try Self.jsonLines(sample.stdout)
        #expect(instances.count == 4)
        for key in ["id", "family", "version", "seed", "params", "prompt", "answer"] {
            #expect(instances[0][key] != nil, "missing \(key)")
        }
        // Three exact answers, one wrong.
        for i in 0..<4 {
            let answer = try #require(instances[i]["answer"] as? String)
            instances[i]["response"] = i == 3 ? "I think it is 1" : answer
        }
        let gradeInput = try instances.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n")
        let file = try Self.temporaryFile(gradeInput + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let graded = try Self.run(["tasks", "grade", "--input", file.path])
        #expect(graded.status == 0, "stderr: \(graded.stderr)")
        let verdicts = try Self.jsonLines(graded.stdout)
        #expect(verdicts.map { $0["verdict"] as? String } == ["correct", "correct", "correct", "incorrect"])
        #expect(verdicts[0]["id"] as? String == "arithmetic-add-3-0")
        #expect(verdicts[0]["score"] as? Double == 1)
        #expect(verdicts[3]["extracted"] as? String == "1")
        #expect(graded.stderr.contains("graded 4: 3 correct (75.0%), 1 incorrect, 0 unparseable"))

        let checks = try Self.temporaryFile(
            #"{"gold":"\\frac{1}{2}","prediction":"The answer is 0.5"}"# + "\n" + #"{"gold":"1-1/e","prediction":"\\boxed{1+1/e}"}"# + "\n")
        defer { try? FileManager.default.removeItem(at: checks) }
        let checked = try Self.run(["answers", "check", "--input", checks.path])
        #expect(checked.status == 0, "stderr: \(checked.stderr)")
        let results = try Self.jsonLines(checked.stdout)
        #expect(results.map { $0["equivalent"] as? Bool } == [true, false])
        #expect(results[0]["prediction_extracted"] as? String == "0.5")
        #expect(results[1]["gold_extracted"] as? String == "1-1/e")
    }

    @Test func unknownFamilySuggestsAName() throws {
        let output = try Self.run(["tasks", "sample", "arithmetic-ad", "--seed", "1", "--count", "1"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("unknown task family 'arithmetic-ad'; did you mean 'arithmetic-add'?"), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func parameterOutOfRangeFails() throws {
        let output = try Self.run(["tasks", "sample", "nupa", "--difficulty", "digits=500", "--seed", "1"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("parameter 'digits' = '500' is out of range: expected integer 1...100"), "\(output.stderr)")
    }

    @Test func malformedLineIsNamed() throws {
        let file = try Self.temporaryFile(
            #"{"family":"arithmetic-add","seed":1,"index":0,"response":"1645"}"# + "\n" + "{oops\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try Self.run(["tasks", "grade", "--input", file.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("line 2: not valid JSON"), "\(output.stderr)")
        #expect(output.stdout.contains("\"verdict\":\"correct\""))
    }

    @Test func listAsJSON() throws {
        let output = try Self.run(["tasks", "list", "--format", "json"])
        #expect(output.status == 0)
        let families = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        let ids = families.compactMap { $0["id"] as? String }
        #expect(ids.contains("arithmetic-add") && ids.contains("nupa"))
    }
}
