import Testing
@testable import Answers

/// Issue 13, class 6: text answers in `\text{}` against plain words, and expressions equal up to commutativity
/// and simple algebra (compared at random rational points, exactly where the values stay rational).
@Suite struct AnswerClassTextExpressionTests {
    static let cases: [EquivalenceCase] = [
        .init("\\text{Monday}", "Monday", true),
        .init("\\text{Monday}", "\\textbf{monday}", true),
        .init("\\text{Monday}", "\\text{Tuesday}", false),
        .init("\\text{(C)}", "C", true),
        .init("\\text{(C)}", "\\textnormal{(C)}", true),
        .init("\\text{(C)}", "D", false),
        .init("\\text{no solution}", "\\mbox{No Solution}", true),
        .init("\\text{no solution}", "\\text{one solution}", false),
        // Expressions
        .init("a^2 + 2ab + b^2", "(a+b)^2", true),
        .init("a^2 + 2ab + b^2", "(a-b)^2", false),
        .init("a^2 - b^2", "(a-b)(a+b)", true),
        .init("a^2 - b^2", "(b-a)(b+a)", false),
        .init("2^{n+1}", "2 \\cdot 2^n", true),
        .init("2^{n+1}", "2^n + 1", false),
        .init("\\frac{x+1}{2}", "\\frac{x}{2} + \\frac{1}{2}", true),
        .init("\\frac{x+1}{2}", "\\frac{x+2}{2}", false),
        .init("\\frac{1}{x} + \\frac{1}{y}", "\\frac{x+y}{xy}", true),
        .init("\\frac{1}{x} + \\frac{1}{y}", "\\frac{2}{x+y}", false),
        .init("\\sqrt{12}", "2\\sqrt{3}", true),
        .init("\\sqrt{12}", "3\\sqrt{2}", false),
        .init("\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}", true),
        .init("\\frac{\\pi}{4}", "0.25\\pi", true),
        .init("\\ln 6", "\\ln 2 + \\ln 3", true),
        .init("\\ln 6", "\\ln 2 \\cdot \\ln 3", false),
        .init("x - y", "-(y - x)", true),
        .init("x - y", "y - x", false),
        .init("(x+1)^3", "x^3 + 3x^2 + 3x + 1", true),
        .init("(x+1)^3", "x^3 + 3x^2 + 3x", false),
        .init("\\frac{x^2 - 4}{x - 2}", "x + 2", true),
    ]

    @Test(arguments: cases) func textAndExpressions(_ row: EquivalenceCase) { row.verify() }

    @Test(arguments: [
        ResponseCase("\\text{Monday}", "The answer is Monday.", true),
        ResponseCase("\\text{(B)}", "The answer is (B).", true),
        ResponseCase("\\text{(B)}", "The answer is (D).", false),
    ])
    func responses(_ row: ResponseCase) { row.verify() }
}
