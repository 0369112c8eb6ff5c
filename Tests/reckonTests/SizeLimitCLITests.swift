import Foundation
import Testing
import TestSupport

/// Counts and sizes typed by the user are checked against what can be done: streamed, capped or refused with a
/// message, never trusted into an allocation. Every test here finishes in seconds with the checks in place, and
/// is bounded by a kill timeout without them.
@Suite struct SizeLimitCLITests {
    @Test("tasks sample streams: the first lines of an enormous --count arrive at once", arguments: [
        "9223372036854775807", "1000000000000",
    ])
    func sampleStreams(count: String) throws {
        let expected = try ReckonProcess.run(["tasks", "sample", "arithmetic", "--seed", "1", "--count", "5"], timeout: 60)
        #expect(expected.status == 0, "\(expected.standardError)")
        let (lines, seconds) = try ReckonProcess.firstLines(
            ["tasks", "sample", "arithmetic", "--seed", "1", "--count", count], count: 5, timeout: 30)
        #expect(lines.count == 5, "got \(lines.count) lines in \(seconds) s")
        #expect(lines.joined(separator: "\n") + "\n" == expected.standardOutput)
    }

    @Test("eval refuses problem counts it cannot hold, before loading a model", arguments: [
        "10000000000", "9223372036854775807",
    ])
    func evalRefusesHugeProblemCounts(problems: String) throws {
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", problems, "--db", ":memory:"], timeout: 60)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("problems = \(problems) is invalid; expected an integer in 1...1000000"),
                "\(outcome.standardError)")
    }

    @Test func evalRefusesHugeSampleCounts() throws {
        let samples = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1000000", "--db", ":memory:"], timeout: 60)
        #expect(!samples.timedOut)
        #expect(samples.status == 64, "\(samples.standardError)")
        #expect(samples.standardError.contains("samples = 1000000 is invalid; expected an integer in 1...100000"),
                "\(samples.standardError)")
        let total = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1000000", "--samples", "100", "--db", ":memory:"], timeout: 60)
        #expect(total.status == 64, "\(total.standardError)")
        #expect(total.standardError.contains("at most 10000000 samples in one run"), "\(total.standardError)")
    }
}

/// Sizes that need the model: the context is capped at the trained context, threads at the cores.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"))
struct ModelSizeLimitCLITests {
    @Test("--context beyond the trained context is capped, with a notice", arguments: [
        "1000000", "9223372036854775807",
    ])
    func contextIsCapped(context: String) throws {
        let path = try DefaultModel.require()
        let outcome = try ReckonProcess.run(
            ["generate", "--model", path, "--prompt", "1+1=", "--temperature", "0", "--max-tokens", "2",
             "--context", context, "--format", "json"], timeout: 120)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // SmolLM2-135M was trained with 8192 positions (its GGUF's llama.context_length).
        #expect(outcome.standardError.contains(
            "note: --context \(context) is more than the model's trained context; using 8192 positions"),
            "\(outcome.standardError)")
    }

    @Test func threadsAboveTheCoresAreCapped() throws {
        let path = try DefaultModel.require()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let outcome = try ReckonProcess.run(
            ["generate", "--model", path, "--prompt", "1+1=", "--max-tokens", "1", "--threads", "1000"], timeout: 120)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(
            "warning: --threads 1000 is more than the \(cores) cores of this machine; using \(cores)"),
            "\(outcome.standardError)")
    }
}
