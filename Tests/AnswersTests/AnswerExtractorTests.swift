import Testing
@testable import Answers

@Suite struct AnswerExtractorTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let response: String
        let text: String?
        let source: ExtractedAnswer.Source?
        init(_ response: String, _ text: String?, _ source: ExtractedAnswer.Source?) {
            self.response = response
            self.text = text
            self.source = source
        }
        var testDescription: String { response }
    }

    static let rows: [Row] = [
        .init("So the result is \\boxed{42}.", "42", .boxed),
        .init("\\boxed{1} then \\boxed{2}", "2", .boxed),
        .init("\\boxed{\\frac{1}{2}}", "\\frac{1}{2}", .boxed),
        .init("\\boxed{\\{1, 2\\}}", "\\{1, 2\\}", .boxed),
        .init("$\\boxed{x^{2}+1}$", "x^{2}+1", .boxed),
        .init("\\boxed 5 is it", "5", .boxed),
        .init("\\fbox{7}", "7", .boxed),
        .init("The answer is \\boxed{3}. Also the answer is 4.", "3", .boxed),
        .init("unbalanced \\boxed{3 but the answer is 9", "9", .answerIs),
        .init("<answer>17</answer>", "17", .answerTag),
        .init("The answer is 12.", "12", .answerIs),
        .init("The answer is: 12. Because 3*4.", "12", .answerIs),
        .init("Final answer: $\\frac{3}{4}$", "\\frac{3}{4}", .answerIs),
        .init("The final answer is 3.5", "3.5", .answerIs),
        .init("**Answer:** 99", "99", .answerIs),
        .init("ANSWER IS -4", "-4", .answerIs),
        .init("The answer is 7\nand some more text with 8", "7", .answerIs),
        .init("reasoning...\n#### 72", "72", .hashes),
        .init("x+1", "x+1", .whole),
        .init("  -3.5  ", "-3.5", .whole),
        .init("\\frac{1}{2}", "\\frac{1}{2}", .whole),
        .init("We add 3 and 4 to get 7", "7", .lastNumber),
        .init("The interval is $[1, 2)$ here.", "[1, 2)", .lastMath),
        .init("So $x = 3$ and then $y = \\frac{1}{2}$ follows", "y = \\frac{1}{2}", .lastMath),
        .init("Display: \\[ \\sqrt{2} \\] done", "\\sqrt{2}", .lastMath),
        .init("costs $5 and $6 today", "6", .lastNumber),
        .init("It costs $1,234 in total", "1,234", .lastNumber),
        .init("values 1,2 and 3.", "3", .lastNumber),
        .init("the temperature fell to -5 degrees", "-5", .lastNumber),
        .init("x-3 remains", "3", .lastNumber),
        .init("about 1.5e-3 units", "1.5e-3", .lastNumber),
        .init("so 3/4 of it", "3/4", .lastNumber),
        .init("list 1,23", "23", .lastNumber),
        .init("no digits here", nil, nil),
        .init("", nil, nil),
        .init("<think>maybe 5</think>The answer is 6", "6", .answerIs),
        .init("<think>the answer is 5</think>", "5", .answerIs),
        .init("<think>\\boxed{1}</think> so 2", "2", .lastNumber),
    ]

    @Test(arguments: rows) func extraction(_ row: Row) {
        let got = AnswerExtractor.extract(from: row.response)
        #expect(got?.text == row.text, "response: \(row.response)")
        #expect(got?.source == row.source, "response: \(row.response)")
    }

    @Test func goldExtraction() {
        #expect(AnswerExtractor.extractGold(from: "so \\boxed{5}") == "5")
        #expect(AnswerExtractor.extractGold(from: "steps\n#### 1,000") == "1,000")
        #expect(AnswerExtractor.extractGold(from: " x+1 ") == "x+1")
    }

    @Test func checkReportsBothSides() {
        let checker = AnswerChecker()
        let result = checker.check(gold: "\\frac{1}{2}", response: "Thus the answer is 0.5.")
        #expect(result.equivalent)
        #expect(result.goldExtracted == "\\frac{1}{2}")
        #expect(result.predictionExtracted == "0.5")
        #expect(result.predictionSource == .answerIs)
        let none = checker.check(gold: "1", response: "I don't know")
        #expect(!none.equivalent && none.predictionExtracted == nil)
    }
}
