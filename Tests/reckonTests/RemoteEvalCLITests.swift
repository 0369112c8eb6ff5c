import Foundation
import Testing

/// `reckon eval --endpoint` fails in bounded, visible time: `--timeout` and `--retries` bound the wait, and every
/// retry is printed on standard error.
@Suite struct RemoteEvalCLITests {
    @Test("a stalled server: each attempt times out after --timeout, the retry is shown, status 69")
    func stalledServer() throws {
        let (port, descriptor) = try CLIFixtures.stalledServer()
        defer { close(descriptor) }
        let started = Date()
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1", "--db", ":memory:",
             "--endpoint", "http://127.0.0.1:\(port)/v1", "--model-name", "m", "--timeout", "1", "--retries", "1"],
            timeout: 120)
        let seconds = Date().timeIntervalSince(started)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 69, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("retry 1/1 of http://127.0.0.1:\(port)/v1/chat/completions in "),
                "\(outcome.standardError)")
        #expect(outcome.standardError.contains("timeout"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("after 2 attempts"), "\(outcome.standardError)")
        // Two attempts of 1 s and one short backoff; far below the default 120 s per attempt.
        #expect(seconds >= 2 && seconds < 60, "took \(seconds) s")
    }

    @Test("an unreachable server: every attempt fails at once and is shown, status 69")
    func unreachableServer() throws {
        let (port, descriptor) = try CLIFixtures.stalledServer()
        close(descriptor)  // nothing listens on the port now
        let started = Date()
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1", "--db", ":memory:",
             "--endpoint", "http://127.0.0.1:\(port)/v1", "--model-name", "m", "--retries", "2"], timeout: 300)
        let seconds = Date().timeIntervalSince(started)
        #expect(outcome.status == 69, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("retry 2/2 of http://127.0.0.1:\(port)/v1/chat/completions"),
                "\(outcome.standardError)")
        #expect(outcome.standardError.contains("could not reach the server"), "\(outcome.standardError)")
        // Before: each attempt reconnected in silence until a 90 s connect timeout (362 s for the default 3 retries).
        #expect(seconds < 60, "took \(seconds) s")
    }

    @Test("--timeout, --retries and --concurrency are range-checked", arguments: [
        (["--timeout", "0"], "--timeout must be"), (["--retries", "-1"], "--retries must be"),
        (["--concurrency", "0"], "--concurrency must be"),
    ])
    func flagsAreChecked(flags: [String], message: String) throws {
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--db", ":memory:", "--endpoint", "http://127.0.0.1:9/v1",
             "--model-name", "m"] + flags, timeout: 60)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}
