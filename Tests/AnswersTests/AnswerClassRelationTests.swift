import Testing
@testable import Answers

/// Issue 13, class 4: inequalities (equal under multiplying by −1 and flipping), chained inequalities against
/// intervals, membership `x \in [a, b]`, unions; near-misses differ in one bracket or one strictness.
@Suite struct AnswerClassRelationTests {
    static let cases: [EquivalenceCase] = [
        .init("x > 1", "-x < -1", true),
        .init("x > 1", "-x > -1", false),
        .init("x > 1", "x \\geq 1", false),
        .init("x \\ge 1", "x > 1", false),
        .init("x \\le -2", "-2x \\ge 4", true),
        .init("x \\le -2", "2x + 1 \\le -3", true),
        .init("x \\le -2", "2x + 1 \\le 3", false),
        .init("x \\le -2", "-2x > 4", false),
        .init("x < 1/2", "2x < 1", true),
        .init("x < 1/2", "1 > 2x", true),
        .init("x < 1/2", "(-\\infty, 0.5)", true),
        .init("1 < x \\le 3", "(1, 3]", true),
        .init("1 < x \\le 3", "3 \\ge x > 1", true),
        .init("1 < x \\le 3", "[1, 3]", false),
        .init("[1, 3]", "x \\in [1, 3]", true),
        .init("x \\in [1, 3]", "[1, 3]", true),
        .init("[1, 3]", "x \\in (1, 3)", false),
        .init("[1, 3]", "(1, 3)", false),
        .init("(1, 3)", "[1, 3]", false),
        .init("[1, 3]", "1 \\le x \\le 3", false),  // a gold interval does not accept an inequality [roles]
        .init("(-\\infty, -1) \\cup (1, \\infty)", "(1, \\infty) \\cup (-\\infty, -1)", true),
        .init("(-\\infty, -1) \\cup (1, \\infty)", "(-\\infty, -1] \\cup (1, \\infty)", false),
        .init("x < -1 \\text{ or } x > 1", "(-\\infty, -1) \\cup (1, \\infty)", true),
        .init("x < -1 \\text{ or } x > 1", "x > 1 \\text{ or } x < -1", true),
        .init("x < -1 \\text{ or } x > 1", "(-\\infty, -1] \\cup (1, \\infty)", false),
        .init("x < -1 \\text{ or } x > 1", "x > 1", false),
        .init("x \\ne 2", "x \\neq 2", true),
        .init("x \\ne 2", "x \\neq 3", false),
    ]

    @Test(arguments: cases) func relations(_ row: EquivalenceCase) { row.verify() }
}
