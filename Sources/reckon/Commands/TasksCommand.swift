import ArgumentParser
import Foundation
import Tasks

/// `reckon tasks`: list, sample and grade generated problems.
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Generate fresh problems from a seed and grade answers deterministically.",
        subcommands: [List.self, Sample.self, Grade.self, TasksStepsCommand.self])

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List task families, their parameters and ranges.")

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            switch format {
            case .json: print(TaskSampling.catalogJSON())
            case .text: print(TaskSampling.catalogText())
            }
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate instances of a family as JSON lines.",
            discussion: "Each line holds id, family, version, seed, index, params, prompt, boxed_prompt, answer, data.")

        @Argument(help: "Family id (see `reckon tasks list`).")
        var family: String

        @Option(name: .long, parsing: .upToNextOption, help: "Difficulty overrides as key=value (repeatable).")
        var difficulty: [String] = []

        @Option(help: "Seed (unsigned 64-bit).")
        var seed: UInt64

        @Option(help: "Number of instances (indices 0..<count).")
        var count: Int = 1

        @Option(help: "Output format (only jsonl).")
        var format: String = "jsonl"

        func validate() throws {
            guard format == "jsonl" else { throw ValidationError("unsupported --format '\(format)'; expected jsonl") }
            guard count >= 0 else { throw ValidationError("--count must be non-negative, found \(count)") }
        }

        /// Streams the instances one line at a time: `--count` is the user's, so nothing proportional to it is
        /// held in memory (the first lines appear at once even for `--count 9223372036854775807`).
        func run() throws {
            let overrides = try TaskSampling.parseOverrides(difficulty)
            let chosen = try TaskRegistry.standard.family(family)
            let level = try chosen.difficulty(overrides)
            var output = StandardOutputLines()
            for index in 0..<count {
                output.write(chosen.generate(seed: seed, difficulty: level, index: index).canonicalJSONLine)
            }
            output.flush()
        }
    }

    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade responses: lines of a sampled instance plus \"response\"; prints one verdict per line.")

        @Option(help: "JSONL file ('-' for standard input).")
        var input: String

        func run() throws {
            let text = try InputReading.read(input)
            var summary = TaskGrading.Summary()
            for (number, line) in JSONLines.numbered(text) {
                let result = try TaskGrading.grade(line: line, number: number)
                summary.add(result.verdict)
                print(result.jsonLine)
            }
            InputReading.warn(summary.text)
        }
    }
}
