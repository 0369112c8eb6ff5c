import ArgumentParser
import Tasks

/// `reckon tasks steps`: step-by-step solutions with ProcessBench labels (issue 13, part 2).
struct TasksStepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steps",
        abstract: "Write step-by-step solutions, some with one injected error, labelled with the earliest wrong step.",
        discussion: """
        Families: \(StepFamilies.ids.joined(separator: ", ")). Each JSON line holds id, family, seed, index, problem, \
        steps (an array of strings), label (the 0-based index of the earliest wrong step, -1 when every step is \
        right), error_kind and injected_step (the injected error's kind and step, null and -1 when clean) and data \
        (what `reckon verify-steps --verifier exact` needs to re-check the steps).
        """)

    @Argument(help: "Family id: \(StepFamilies.ids.joined(separator: ", ")).")
    var family: String

    @Option(name: .long, parsing: .upToNextOption, help: "Difficulty overrides of the task family as key=value.")
    var difficulty: [String] = []

    @Option(help: "Seed (unsigned 64-bit).")
    var seed: UInt64

    @Option(help: "Number of solutions (indices 0..<count).")
    var count: Int = 1

    @Option(help: "Fraction of solutions with one injected error, in 0...1.")
    var errorRate: Double = 0.5

    @Option(help: "Output format (only jsonl).")
    var format: String = "jsonl"

    func validate() throws {
        guard format == "jsonl" else { throw ValidationError("unsupported --format '\(format)'; expected jsonl") }
        guard count >= 0 else { throw ValidationError("--count must be non-negative, found \(count)") }
        guard errorRate.isFinite, (0...1).contains(errorRate) else {
            throw ValidationError("--error-rate must be a number in 0...1, found \(errorRate)")
        }
    }

    func run() throws {
        let stepFamily = try StepFamilies.family(family)
        let injector = try StepErrorInjector(
            family: stepFamily, overrides: try TaskSampling.parseOverrides(difficulty), errorRate: errorRate)
        var output = StandardOutputLines()
        for index in 0..<count {
            output.write(injector.solution(seed: seed, index: index).jsonLine)
        }
        output.flush()
    }
}
