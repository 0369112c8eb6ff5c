import ArgumentParser
import Sampling

/// The sampling flags of every command that generates (`generate`, `chat`, `eval`): one group, one set of names,
/// defaults and checks. Numbers may be negative on the command line (`--max-tokens -1` is read and then refused
/// with its range, not mistaken for an option).
struct SamplingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Most tokens to generate (≥ 0; default 128, and 256 per sample for eval).")
    var maxTokens: Int?
    @Option(parsing: .unconditional, help: "Temperature; 0 = greedy.") var temperature: Double = 0.8
    @Option(parsing: .unconditional, help: "Top-k (0 = off).") var topK: Int = 40
    @Option(parsing: .unconditional, help: "Top-p / nucleus (1 = off).") var topP: Double = 0.95
    @Option(parsing: .unconditional, help: "Min-p (0 = off).") var minP: Double = 0.05
    @Option(parsing: .unconditional, help: "Repetition penalty (1 = off).") var repeatPenalty: Double = 1.0
    @Option(parsing: .unconditional, help: "Tokens the repetition penalty looks back over.") var repeatWindow: Int = 64
    @Option(help: "Random seed: the same seed gives the same text (eval: the run seed every problem and sample seed derives from).")
    var seed: UInt64 = 0
    @Option(name: .customLong("stop"), help: "Stop string (repeatable).") var stops: [String] = []

    /// `--max-tokens`, or the command's default.
    func maxTokens(default fallback: Int) -> Int { maxTokens ?? fallback }

    func validate() throws {
        if let maxTokens, maxTokens < 0 {
            throw ValidationError("--max-tokens must be an integer ≥ 0 (most tokens to generate), got \(maxTokens)")
        }
        if stops.contains("") { throw ValidationError("--stop must not be empty") }
        _ = try parameters()
    }

    /// The validated sampling parameters (seed included).
    func parameters() throws -> SamplingParameters {
        do {
            return try SamplingParameters(
                temperature: temperature, topK: topK, topP: topP, minP: minP,
                repetitionPenalty: repeatPenalty, penaltyWindow: repeatWindow, seed: seed).validated()
        } catch {
            guard case let .outOfRange(name, value, expected) = error else { throw ValidationError(error.description) }
            throw ValidationError("--\(Self.flags[name] ?? name) \(value) is out of range: expected \(expected)")
        }
    }

    /// The flag of each `SamplingParameters` field, by the name its validation reports.
    static let flags = ["temperature": "temperature", "top-k": "top-k", "top-p": "top-p", "min-p": "min-p",
                        "repetition-penalty": "repeat-penalty", "penalty-window": "repeat-window"]
}
