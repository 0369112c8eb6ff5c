import Foundation
import Testing

/// `reckon eval` and `reckon stats` refuse bad input with messages that say what to do (no model needed).
@Suite struct EvalCLITests {
    @Test func unknownTaskSuggestsTheClosest() throws {
        let outcome = try ReckonProcess.run(["eval", "--task", "arithmetc", "--db", ":memory:"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("arithmetic"), "\(outcome.standardError)")
    }

    @Test func badDifficultyAndStrategyAreNamed() throws {
        let range = try ReckonProcess.run(["eval", "--task", "arithmetic", "--difficulty", "digits=99", "--db", ":memory:"])
        #expect(range.status != 0)
        #expect(range.standardError.contains("digits"), "\(range.standardError)")
        let strategy = try ReckonProcess.run(["eval", "--task", "arithmetic", "--strategy", "majorty", "--db", ":memory:"])
        #expect(strategy.status != 0)
        #expect(strategy.standardError.contains("majority"), "\(strategy.standardError)")
    }

    @Test func statsPassAtKPrintsTheUnbiasedValue() throws {
        // 1 - C(7,2)/C(10,2) = 1 - 21/45 = 0.533333…
        let outcome = try ReckonProcess.run(["stats", "pass-at-k", "--n", "10", "--c", "3", "--k", "2"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.533333")
        let bad = try ReckonProcess.run(["stats", "pass-at-k", "--n", "3", "--c", "5", "--k", "2"])
        #expect(bad.status != 0)
    }
}

/// `reckon eval --mode online|replay`: the contract checks that need no model.
@Suite struct EvalModeCLITests {
    @Test func onlineModeWithARemoteEndpointIsRefusedWithTheWayOut() throws {
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--mode", "online", "--endpoint", "http://127.0.0.1:9/v1",
             "--model-name", "nobody", "--db", ":memory:"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--mode online") && outcome.standardError.contains("--mode replay"),
                "\(outcome.standardError)")
    }

    @Test func anUnknownModeAndAnEmptyWaveAreRefused() throws {
        let mode = try ReckonProcess.run(["eval", "--task", "arithmetic", "--mode", "live", "--db", ":memory:"])
        #expect(mode.status == 64)
        #expect(mode.standardError.contains("online") && mode.standardError.contains("replay"), "\(mode.standardError)")
        let wave = try ReckonProcess.run(["eval", "--task", "arithmetic", "--mode", "online", "--wave", "0", "--db", ":memory:"])
        #expect(wave.status == 64)
        #expect(wave.standardError.contains("--wave"), "\(wave.standardError)")
    }
}
