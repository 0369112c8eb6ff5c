import Testing
@testable import Answers

/// Tricky negatives and near-misses, plus configuration of the tolerances.
@Suite struct EquivalenceTrickyTests {
    static let cases: [EquivalenceCase] = [
        .init("1-1/e", "1+1/e", false),
        .init("1-1/e", "1/e - 1", false),
        .init("e-1", "1-e", false),
        .init("0.5", "5", false),
        .init("0.05", "0.5", false),
        .init("5", "50", false),
        .init("1,000", "1.000", false),
        .init("1,000", "1,000.0", true),
        .init("1,000", "10,00", false),
        .init("12", "1,2", false),
        .init("-1", "1", false),
        .init("x", "-x", false),
        .init("\\frac{1}{2}", "\\frac{1}{3}", false),
        .init("\\frac{2}{3}", "\\frac{3}{2}", false),
        .init("2^{10}", "10^2", false),
        .init("\\sqrt{2}", "2", false),
        .init("\\sqrt{2}", "\\frac{1}{2}", false),
        .init("\\pi", "\\pi^2", false),
        .init("\\pi", "3", false),
        .init("\\infty", "-\\infty", false),
        .init("\\infty", "\\infty", true),
        .init("\\{1\\}", "\\{1, 1\\}", false),
        .init("(1, 2)", "(1, 2, 3)", false),
        .init("[1, 2]", "\\{1, 2\\}", false),
        .init("x > 2", "x < 2", false),
        .init("x = 2", "x = -2", false),
        .init("10\\%", "0.01", false),
        .init("10\\%", "1", false),
        .init("100", "100\\%", true),
        .init("0.3", "0.30000000000000004", false),
        .init("1/7", "0.142857", true),
        .init("1/7", "0.142858", false),
        .init("1/7", "0.143", true),
        .init("1/7", "0.1428", false),
        .init("123456789", "123456788", false),
        .init("3.0", "3", true),
        .init("-0.0", "0", true),
        .init("2x+1", "2(x+1)", false),
        .init("\\frac{x+1}{x-1}", "\\frac{x-1}{x+1}", false),
        .init("\\frac{x^2-1}{x-1}", "x+1", true),
        .init("\\sin x", "\\cos x", false),
        .init("\\ln x", "\\log x", false),
        .init("\\text{Alice}", "\\text{Bob}", false),
        .init("(A)", "(a)", true),
        .init("B", "D", false),
        .init("", "5", false),
        .init("5", "", false),
    ]

    @Test(arguments: cases) func tricky(_ row: EquivalenceCase) { row.verify() }

    @Test func tolerancesAreConfigurable() {
        let loose = AnswerChecker(relativeTolerance: 1e-3, minimumRoundedPlaces: 2)
        #expect(loose.equivalent(gold: "\\pi", prediction: "3.1416"))
        #expect(loose.equivalent(gold: "2/3", prediction: "0.67"))
        #expect(loose.equivalent(gold: "\\sqrt{2}", prediction: "1.4143"))  // within 1e-3 relative
        #expect(!loose.equivalent(gold: "\\sqrt{2}", prediction: "1.42"))
        let strict = AnswerChecker(minimumRoundedPlaces: Int.max)
        #expect(!strict.equivalent(gold: "1/3", prediction: "0.333333"))
        #expect(strict.equivalent(gold: "1/3", prediction: "\\frac{1}{3}"))
        let exactOnly = AnswerChecker(relativeTolerance: 0, absoluteTolerance: 0, minimumRoundedPlaces: Int.max)
        #expect(exactOnly.equivalent(gold: "\\sqrt{2}", prediction: "\\sqrt{2}"))
        #expect(!exactOnly.equivalent(gold: "\\sqrt{2}", prediction: "1.4142135623"))
    }

    /// Full responses through extraction (the `reckon answers check` path).
    @Test func responsesThroughExtraction() {
        let checker = AnswerChecker()
        let rows: [(String, String, Bool)] = [
            ("72", "Natalia sold 48 in April and 24 in May, so 72 in total.\n#### 72", true),
            ("72", "She sold 48/2 = 24 in May. 48 + 24 = 72", true),
            ("\\frac{1}{2}", "The probability is \\boxed{\\dfrac{1}{2}}.", true),
            ("\\frac{1}{2}", "The probability is \\boxed{\\dfrac{1}{3}}, not 1/2.", false),
            ("(1, 2)", "So the point is $(1, 2)$.\nThe answer is $(1,2)$.", true),
            ("x+1", "x+1", true),
            ("x+1", "<think>maybe x-1</think>The answer is $x + 1$.", true),
            ("5", "I have no idea.", false),
            ("1000", "The total is 1,000 dollars.", true),
            ("1000", "The total is 1.000 dollars.", false),
        ]
        for (gold, response, expected) in rows {
            let result = checker.check(gold: gold, response: response)
            #expect(result.equivalent == expected, "gold \(gold) response \(response) → \(result)")
        }
    }
}
