import Testing
@testable import Answers

/// One hand-written (gold, prediction, expected) row of the equivalence table.
struct EquivalenceCase: Sendable, CustomTestStringConvertible {
    let gold: String
    let prediction: String
    let expected: Bool
    let line: Int

    init(_ gold: String, _ prediction: String, _ expected: Bool, line: Int = #line) {
        self.gold = gold
        self.prediction = prediction
        self.expected = expected
        self.line = line
    }

    var testDescription: String { "gold=\(gold) prediction=\(prediction) expected=\(expected) (line \(line))" }

    func verify(_ checker: AnswerChecker = AnswerChecker()) {
        let got = checker.equivalent(gold: gold, prediction: prediction)
        #expect(got == expected, "gold=\(gold) prediction=\(prediction) expected \(expected) got \(got) (line \(line))")
    }
}
