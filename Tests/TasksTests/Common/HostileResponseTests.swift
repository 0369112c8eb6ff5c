import Testing
@testable import Tasks

/// Grading hostile responses takes time linear in their size (issue 10, item 5): the families' own answer readers
/// (move lists, final-answer lines, answer regions) pair braces once instead of rescanning per `\boxed{`.
@Suite struct HostileResponseTests {
    static let unclosed = String(repeating: "\\boxed{", count: 1_000_000 / 7)
    static let nested = String(repeating: "\\boxed{", count: 100_000) + "[1]" + String(repeating: "}", count: 100_000)

    /// One family per reader: move lists (Hanoi), the final-answer line (word problems), answer regions (sudoku).
    static let families: [any TaskFamily] = [
        HanoiFamily(), WordProblemsFamily(), SudokuFamily(), StreetMathFamily(), ListTaskFamily(spec: ListTasks.all[0]),
    ]

    @Test(arguments: 0..<families.count) func hostileResponsesGetAVerdict(index: Int) {
        let family = Self.families[index]
        let instance = family.generate(seed: 1, difficulty: family.defaultDifficulty, index: 0)
        for response in [Self.unclosed, Self.nested] {
            let verdict = family.grade(response: response, instance: instance)
            #expect(verdict.kind != .correct, "\(family.id): \(verdict)")
        }
        #expect(family.grade(response: instance.answer, instance: instance).kind == .correct, "\(family.id)")
    }
}
