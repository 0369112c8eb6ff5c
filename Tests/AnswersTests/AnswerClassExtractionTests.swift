import Testing
@testable import Answers

/// Issue 13, class 7: extraction ("the final answer is", "Answer:", last box, last math block), refusing digits
/// inside words and answers broken across lines, ignoring chat end tokens and "I hope it is correct".
@Suite struct AnswerClassExtractionTests {
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
        .init("Final Answer: The final answer is $42$. I hope it is correct.", "42", .answerIs),
        .init("The final answer is 42 I hope it is correct", "42", .answerIs),
        .init("The final answer is $\\frac{1}{2}$. I hope it is correct.<|im_end|>", "\\frac{1}{2}", .answerIs),
        .init("We get $\\boxed{42}$.<|eot_id|>", "42", .boxed),
        .init("Answer: 42</s>", "42", .answerIs),
        .init("Answer: 42<|endoftext|><|endoftext|>", "42", .answerIs),
        .init("so 7<end_of_turn>", "7", .lastNumber),
        .init("So $x = 40 + 2$, giving $42$.", "42", .lastMath),
        .init("The sum is \\[ 42 \\]", "42", .lastMath),
        // Digits inside words, exponents and subscripts are not numbers
        .init("The virus COVID19 spread.", nil, nil),
        .init("It is 5, not COVID19.", "5", .lastNumber),
        .init("The area is 25 cm^2", "25", .lastNumber),
        .init("take 3 of x_1", "3", .lastNumber),
        .init("mp3 files: 12 of them", "12", .lastNumber),
        // Answers broken across lines are refused
        .init("The answer is 1,\n000", nil, nil),
        .init("The total is 12\n345", nil, nil),
        .init("The answer is $\\frac{1}{\n2}$", nil, nil),
        .init("The answer is 3 +\n4", nil, nil),
        .init("The answer is 7\nBecause 3 + 4 = 7.", "7", .answerIs),
        .init("The answer is:\n7", "7", .answerIs),
        .init("First line 3\nsecond line 4", "4", .lastNumber),
    ]

    @Test(arguments: rows) func extraction(_ row: Row) {
        let got = AnswerExtractor.extract(from: row.response)
        #expect(got?.text == row.text, "response: \(row.response)")
        #expect(got?.source == row.source, "response: \(row.response)")
    }

    static let responseCases: [ResponseCase] = [
        .init("42", "Let me compute. 6 times 7 is 42.\nThe final answer is 42.", true),
        .init("42", "Earlier $\\boxed{41}$ was wrong. Thus $\\boxed{42}$.", true),
        .init("19", "The virus COVID19 spread.", false),
        .init("2", "The answer is x2", false),
        .init("1000", "The answer is 1,\n000", false),
        .init("5", "<think>maybe 4</think>The answer is 5.<|im_end|>", true),
        .init("3", "I think it is 3 or maybe 4.", false),
    ]

    @Test(arguments: responseCases) func responses(_ row: ResponseCase) { row.verify() }
}
