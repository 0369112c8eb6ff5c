import Testing
@testable import Answers

/// One hand-written (gold, response, expected) row checked through extraction (`AnswerChecker.check`, the path of
/// `reckon answers check`).
struct ResponseCase: Sendable, CustomTestStringConvertible {
    let gold: String
    let response: String
    let expected: Bool
    let line: Int

    init(_ gold: String, _ response: String, _ expected: Bool, line: Int = #line) {
        self.gold = gold
        self.response = response
        self.expected = expected
        self.line = line
    }

    var testDescription: String { "gold=\(gold) response=\(response) expected=\(expected) (line \(line))" }

    func verify(_ checker: AnswerChecker = AnswerChecker()) {
        let result = checker.check(gold: gold, response: response)
        #expect(
            result.equivalent == expected,
            "gold=\(gold) response=\(response) expected \(expected), read \(result.predictionExtracted ?? "nothing") (line \(line))")
    }
}
