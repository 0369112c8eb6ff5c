import Foundation
import Testing

/// `reckon eval --endpoint` fails in bounded, visible time: `--timeout` and `--retries` bound the wait, and every
/// retry is printed on standard error.
@Suite struct RemoteEvalCLITests {
    @Test("a stalled server: each attempt times out after --timeout, the retry is shown, status 69")
    func stalledServer() throws {
        let (port, descriptor) = try CLIFixtures.stalledServer()
        defer { close(descriptor) }
        // Killed after 120 s otherwise: two attempts of 1 s each end long before (the default is 120 s per attempt).
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1", "--db", ":memory:",
             "--endpoint", "http://127.0.0.1:\(port)/v1", "--model-name", "m", "--timeout", "1", "--retries", "1"],
            timeout: 120)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 69, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("retry 1/1 of http://127.0.0.1:\(port)/v1/chat/completions in "),
                "\(outcome.standardError)")
        #expect(outcome.standardError.contains("timeout"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("after 2 attempts"), "\(outcome.standardError)")
    }

    @Test("an unreachable server: every attempt fails at once and is shown, status 69")
    func unreachableServer() throws {
        let (port, descriptor) = try CLIFixtures.stalledServer()
        close(descriptor)  // nothing listens on the port now
        // Before the fix each attempt reconnected in silence until a 90 s connect timeout (362 s for the default 3
        // retries), so the kill after 300 s would have ended it; now every attempt is refused at once.
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1", "--db", ":memory:",
             "--endpoint", "http://127.0.0.1:\(port)/v1", "--model-name", "m", "--retries", "2"], timeout: 300)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 69, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("retry 2/2 of http://127.0.0.1:\(port)/v1/chat/completions"),
                "\(outcome.standardError)")
        #expect(outcome.standardError.contains("could not reach the server"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("timeout"), "\(outcome.standardError)")
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
