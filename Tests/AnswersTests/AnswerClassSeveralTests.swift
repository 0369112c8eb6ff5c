import Testing
@testable import Answers

/// Issue 13, class 2: several answers (several boxes, "and"-joined answers, braces as sets, tuples and lists of
/// tuples), with near-misses: a tuple's order matters, a set's does not.
@Suite struct AnswerClassSeveralTests {
    static let answerCases: [EquivalenceCase] = [
        .init("\\{1, 2\\}", "\\{2, 1\\}", true),
        .init("\\{1, 2\\}", "2, 1", true),
        .init("\\{1, 2\\}", "1 and 2", true),
        .init("\\{1, 2\\}", "(1, 2)", false),
        .init("\\{1, 2, 3\\}", "1 and 2", false),
        .init("(1, 2)", "(2, 1)", false),
        .init("(1, 2)", "[1, 2]", false),
        .init("(1, 2), (3, 4)", "(3, 4), (1, 2)", true),
        .init("(1, 2), (3, 4)", "(1, 2), (4, 3)", false),
        .init("(1, 2), (3, 4)", "(1, 2)", false),
        .init("\\{(1, 2), (3, 4)\\}", "\\{(3,4),(1,2)\\}", true),
        .init("\\{(1, 2), (3, 4)\\}", "(3,4),(1,2)", true),
        .init("\\{-2, 2\\}", "\\pm 2", true),
    ]

    @Test(arguments: answerCases) func answers(_ row: EquivalenceCase) { row.verify() }

    static let responseCases: [ResponseCase] = [
        .init("\\{1, 2\\}", "The roots are $\\boxed{1}$ and $\\boxed{2}$.", true),
        .init("\\{1, 2\\}", "The roots are $\\boxed{2}$ and $\\boxed{1}$.", true),
        .init("\\{1, 2\\}", "The roots are $\\boxed{1}$ and $\\boxed{3}$.", false),
        .init("\\{1, 2, 3\\}", "The roots are $\\boxed{1}$ and $\\boxed{2}$.", false),
        .init("\\{1, 2\\}", "$\\boxed{1}$, $\\boxed{2}$, and again $\\boxed{2}$.", true),  // a repeat is one answer
        .init("(1, 2)", "$x = \\boxed{1}$, $y = \\boxed{2}$", true),
        .init("(1, 2)", "$x = \\boxed{2}$, $y = \\boxed{1}$", false),
        // A scalar gold reads the last box only: a later box corrects an earlier one.
        .init("5", "First I got $\\boxed{4}$, but checking again it is $\\boxed{5}$.", true),
        .init("4", "First I got $\\boxed{4}$, but checking again it is $\\boxed{5}$.", false),
        .init("1, 2", "The answer is 2 and 1.", true),
        .init("-1, 2", "The answer is $x = -1$ or $x = 2$.", true),
    ]

    @Test(arguments: responseCases) func responses(_ row: ResponseCase) { row.verify() }

    @Test func boxesNestedInABoxAreOneAnswer() {
        #expect(AnswerExtractor.topLevelBoxes(in: "\\boxed{\\boxed{1} + 2} and \\boxed{3}") == ["\\boxed{1} + 2", "3"])
        #expect(AnswerExtractor.topLevelBoxes(in: "\\boxed{1} \\boxed{1} \\fbox{2}") == ["1", "2"])
        #expect(AnswerExtractor.topLevelBoxes(in: "\\boxed{1} \\boxed{2", limit: 4) == ["1"])
        let many = Array(repeating: 0, count: 100).indices.map { "\\boxed{\($0)}" }.joined(separator: " ")
        #expect(AnswerExtractor.topLevelBoxes(in: many, limit: 64) == nil)
    }
}
