import Answers
import ArgumentParser
import Tasks

/// `reckon answers`: answer extraction and equivalence checking.
struct AnswersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Extract answers from responses and check them against gold answers.",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check lines {\"gold\", \"prediction\"}; prints {\"equivalent\", \"gold_extracted\", \"prediction_extracted\"}.")

        @Option(help: "JSONL file ('-' for standard input).")
        var input: String

        @Option(help: "Relative tolerance for values that are not exact rationals.")
        var relativeTolerance: Double = 1e-9

        @Option(help: "Minimum decimal places for a rounded decimal prediction to count.")
        var minimumRoundedPlaces: Int = 3

        func run() throws {
            let checker = AnswerChecker(relativeTolerance: relativeTolerance, minimumRoundedPlaces: minimumRoundedPlaces)
            let text = try InputReading.read(input)
            var total = 0, equivalent = 0
            for (number, line) in JSONLines.numbered(text) {
                let result = try AnswerChecking.check(line: line, number: number, checker: checker)
                total += 1
                if result.equivalent { equivalent += 1 }
                print(AnswerChecking.jsonLine(result))
            }
            InputReading.warn("checked \(total): \(equivalent) equivalent, \(total - equivalent) not equivalent")
        }
    }
}
