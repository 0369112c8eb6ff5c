import Testing
@testable import Tasks

/// Grading never traps on hostile or malformed responses, and always returns a score in 0...1.
@Suite struct PuzzleRobustnessTests {
    static let hostile: [String] = [
        "", " ", "moves = ", "moves = [[", "moves = []", "moves = [[1,2,3]", String(repeating: "[", count: 5000),
        "moves = [" + String(repeating: "[", count: 40) + "]", "moves = [[99999999999999999999999, 0, 1]]",
        "moves = [[-1, -5, 7], ['Z', 0, 0], [\"a_99\"]]", "\\boxed{", "\\boxed{}", "\\boxed{\\boxed{[[1,0,2]]}}",
        "Final answer: 1e400", "Final answer: -0", "Final answer: 18446744073709551616", "the answer is 1/0",
        "Final answer: 99999999999999999999/3", "((((((((x", String(repeating: "~", count: 3000) + "x",
        String(repeating: "(", count: 3000), "x + y ) )", "💥 moves = [['R', 0, 1]] ✓", "答案是 42",
        "\u{2018}R\u{2019}", "moves = [[‘R’, 0, 1]]", "Final answer: 0.5.5", "$-3,000.25", "0x", "1/",
    ]

    @Test func gradingIsTotal() throws {
        for family in PuzzleTestSupport.families {
            for instance in family.generate(seed: 5, difficulty: family.defaultDifficulty, count: 3) {
                for response in Self.hostile {
                    let v = family.grade(response: response, instance: instance)
                    #expect((0...1).contains(v.score), "\(family.id): score \(v.score) for \(response.prefix(40))")
                    #expect(v.kind != .correct || v.score > 0)
                }
            }
        }
    }

    @Test func curlyQuotesAreRead() throws {
        let f = CheckerJumpingFamily()
        let instance = f.generate(seed: 0, difficulty: try f.difficulty(["checkers": "1"]), index: 0)
        #expect(f.grade(response: "moves = [[‘R’, 0, 1], [“B”, 2, 0], [R, 1, 2]]", instance: instance).kind == .correct)
    }

    @Test func missingInstanceDataIsReported() throws {
        for family in PuzzleTestSupport.families {
            var instance = family.generate(seed: 1, difficulty: family.defaultDifficulty, index: 0)
            instance.data = [:]
            let v = family.grade(response: instance.answer, instance: instance)
            #expect(v.kind == .unparseable && (v.detail ?? "").contains("missing or malformed"), "\(family.id): \(v)")
        }
    }
}
