import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import Serve

/// The pinned official OpenAI Python client (Scripts/serve/requirements.txt), in a private virtual environment made
/// by Scripts/serve/make_openai_venv.sh under ~/.cache, against a live server on 127.0.0.1 with the default model.
/// Skipped, with a banner on standard error, when the virtual environment cannot be made.
enum OpenAIVenv {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/serve")

    /// The venv's python, or nil (with the reason printed loudly) when it cannot be made.
    static let python: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [scripts.appendingPathComponent("make_openai_venv.sh").path]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return unavailable("cannot run make_openai_venv.sh: \(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init)
        guard process.terminationStatus == 0, let path, FileManager.default.isExecutableFile(atPath: path) else {
            return unavailable("make_openai_venv.sh exited with status \(process.terminationStatus)")
        }
        return path
    }()

    private static func unavailable(_ reason: String) -> String? {
        FileHandle.standardError.write(Data("""
            ************************************************************************
            * OPENAI CLIENT UNAVAILABLE: the official-client server test is SKIPPED *
            ************************************************************************
            \(reason)

            """.utf8))
        return nil
    }

    /// Runs `arguments` with the venv's python without blocking a thread of the cooperative pool; returns the exit
    /// status and standard output plus error.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let collected = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return (status, String(decoding: await collected.value, as: UTF8.self))
    }
}

@Suite(.serialized, .enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"),
       .enabled(if: OpenAIVenv.python != nil, "the OpenAI client's virtual environment could not be made"))
struct OpenAIClientTests {
    @Test func officialClientAgainstLiveServer() async throws {
        let engine = try LocalEngine(path: DefaultModel.require(), threads: 2, contextLength: 512)
        let batch = LiveBatch(engine: engine, maxSequences: 16)
        let handler = ServeHandler(batch: batch, options: ServeOptions(modelName: "reckon"))
        let app = Application(router: handler.makeRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let script = OpenAIVenv.scripts.appendingPathComponent("openai_client_check.py").path
            let (status, output) = try await OpenAIVenv.run([script, "http://127.0.0.1:\(port)/v1", "reckon"])
            for line in output.split(separator: "\n") where line.hasPrefix("FAIL") { Issue.record("\(line)") }
            #expect(status == 0, "\(output)")
            #expect(output.contains("15 passed, 0 failed"), "\(output)")
        }
        #expect(batch.metrics.pagesInUse == 0)
    }
}
