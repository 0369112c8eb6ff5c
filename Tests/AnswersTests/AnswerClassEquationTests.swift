import Testing
@testable import Answers

/// Issue 13, class 3: equations and labels (a name on the left is not part of the value), chains, ratios, tuples
/// of names, and assignments grouped by `;`.
@Suite struct AnswerClassEquationTests {
    static let cases: [EquivalenceCase] = [
        .init("1/3", "x = 1/3", true),
        .init("1/3", "x = 1/2", false),
        .init("x = 1/3", "1/3", true),
        .init("4", "y_1 = 4", true),
        .init("4", "\\alpha = 4", true),
        // Chains: the last exact value, or the approximation after ≈
        .init("12", "P = 3 + 4 + 5 = 12", true),
        .init("12", "P = 3 + 4 + 5 = 13", false),
        .init("2\\sqrt{2}", "d = \\sqrt{8} = 2\\sqrt{2} \\approx 2.83", true),
        .init("2.83", "d = 2\\sqrt{2} \\approx 2.83", true),
        .init("2\\sqrt{2}", "d \\approx 2.83", false),
        .init("2\\sqrt{3}", "d = 2\\sqrt{2} \\approx 2.83", false),
        // Function values and segment names as labels
        .init("1", "f(x) = 1", true),
        .init("x^2+1", "f(x) = x^2 + 1", true),
        .init("x^2+1", "f(x) = x^2 - 1", false),
        .init("f(x) = x^2 + 1", "x^2 + 1", true),
        .init("f(x) = x^2 + 1", "f(x) = 1 + x^2", true),
        .init("3", "g(a, b) = 3", true),
        .init("5", "|AB| = 5", true),
        .init("5", "AB = 5", true),
        .init("5", "AB = 6", false),
        .init("5", "\\text{Area} = 5", true),
        // An equation whose left side is an expression stays an equation on the gold side
        .init("xy = 6", "6", false),
        .init("xy = 6", "yx = 6", true),
        // Ratios
        .init("3:2", "3:2", true),
        .init("3:2", "6:4", true),
        .init("3:2", "2:3", false),
        .init("3:2", "1.5", true),
        .init("1.5", "3:2", true),
        .init("1:2:3", "2:4:6", true),
        .init("1:2:3", "1:2:4", false),
        .init("1:2:3", "1:2", false),
        .init("3 \\colon 2", "6:4", true),
        // Tuples of names and grouped assignments
        .init("(3, 2)", "(p, q) = (3, 2)", true),
        .init("(3, 2)", "(p, q) = (2, 3)", false),
        .init("(3, 2)", "p = 3, q = 2", true),
        .init("(3, 2)", "q = 2, p = 3", true),
        .init("(3, 2)", "p = 2, q = 3", false),
        .init("(5, 2), (7, 2)", "p=5, q=2; p=7, q=2", true),
        .init("(5, 2), (7, 2)", "p=7, q=2; p=5, q=2", true),
        .init("(5, 2), (7, 2)", "p=5, q=2; p=7, q=3", false),
        .init("(5, 2), (7, 2)", "p=5, q=2", false),
        .init("x = 1, y = 2", "(1, 2)", true),
        .init("x = 1, y = 2", "y = 2, x = 1", true),
        .init("x = 1, y = 2", "(2, 1)", false),
    ]

    @Test(arguments: cases) func equations(_ row: EquivalenceCase) { row.verify() }
}
