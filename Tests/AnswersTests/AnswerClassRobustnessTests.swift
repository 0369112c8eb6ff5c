import Testing
@testable import Answers

/// The readings added for issue 13 (matrices, ratios, space-grouped numbers, grouped assignments, several boxes,
/// unordered matching) on hostile input: 1 MB lines and 100,000-deep nesting end with a verdict, never a crash or a
/// stack overflow. No timing is asserted; each case must simply finish.
@Suite struct AnswerClassRobustnessTests {
    let checker = AnswerChecker()

    @Test func deepMatrixEnvironmentsFinish() {
        let depth = 100_000
        let nested = String(repeating: "\\begin{pmatrix}", count: depth) + "1" + String(repeating: "\\end{pmatrix}", count: depth)
        #expect(!checker.equivalent(gold: nested, prediction: "2"))
        _ = checker.equivalent(gold: nested, prediction: nested)
        let unclosed = String(repeating: "\\begin{bmatrix} 1 & \\\\ ", count: 40_000)
        #expect(!checker.equivalent(gold: unclosed, prediction: "1"))
        let brackets = String(repeating: "⟦", count: depth) + "1" + String(repeating: "⟧", count: depth)
        #expect(MathParser.parseAnswer(brackets, allowWords: false) == nil)
    }

    @Test func megabyteLinesOfNewSyntaxFinish() {
        let spaced = "1" + String(repeating: " 000", count: 250_000)
        _ = checker.equivalent(gold: spaced, prediction: "1")
        let ratios = Array(repeating: "1", count: 300_000).joined(separator: ":")
        #expect(!checker.equivalent(gold: ratios, prediction: "1"))
        let assignments = Array(repeating: "p=1, q=2", count: 100_000).joined(separator: "; ")
        _ = checker.equivalent(gold: "(1, 2)", prediction: assignments)
        let chain = "x" + String(repeating: " = 1 \\approx 1", count: 80_000)
        _ = checker.equivalent(gold: "1", prediction: chain)
        let commas = String(repeating: "0,5", count: 300_000)
        #expect(!checker.equivalent(gold: "0.5", prediction: commas))
        let units = "5" + String(repeating: "\\text{ cm}", count: 100_000)
        _ = checker.equivalent(gold: "5", prediction: units)
        let deepUnit = "5" + String(repeating: "\\text{", count: 100_000) + "cm" + String(repeating: "}", count: 100_000)
        _ = checker.equivalent(gold: "5", prediction: deepUnit)
        let labels = String(repeating: "f(", count: 200_000) + "x" + String(repeating: ")", count: 200_000)
        _ = checker.equivalent(gold: labels, prediction: "1")
    }

    @Test func megabyteResponsesFinish() {
        let tokens = String(repeating: "<|im_end|>", count: 100_000) + "The answer is 5"
        #expect(checker.check(gold: "5", response: tokens).equivalent)
        let hopes = String(repeating: "I hope it is correct. ", count: 45_000) + "The answer is 5"
        #expect(checker.check(gold: "5", response: hopes).equivalent)
        let boxes = String(repeating: "\\boxed{1} ", count: 100_000)
        #expect(!checker.check(gold: "\\{1, 2\\}", response: boxes).equivalent)
        let words = String(repeating: "COVID19 ", count: 125_000)
        #expect(checker.check(gold: "19", response: words).predictionExtracted == nil)
        let broken = String(repeating: "1,\n", count: 300_000) + "000"
        #expect(!checker.check(gold: "1000", response: broken).equivalent)
        let answerLine = "The answer is " + String(repeating: "{", count: 500_000) + "\n5"
        _ = checker.check(gold: "5", response: answerLine)
    }

    /// Unordered lists are matched without exponential backtracking: 60 items where the last gold item has no
    /// partner, and long lists of symbols, end with a verdict.
    @Test func unorderedMatchingIsPolynomial() {
        let gold = (Array(repeating: "x", count: 59) + ["y"]).joined(separator: ", ")
        let prediction = (Array(repeating: "x", count: 59) + ["z"]).joined(separator: ", ")
        #expect(!checker.equivalent(gold: "\\{" + gold + "\\}", prediction: "\\{" + prediction + "\\}"))
        #expect(checker.equivalent(gold: "\\{" + gold + "\\}", prediction: "\\{y, " + Array(repeating: "x", count: 59).joined(separator: ", ") + "\\}"))
        let long = (0..<1500).map { "x+\($0)" }.joined(separator: ", ")
        let shuffled = (0..<1500).reversed().map { "x+\($0)" }.joined(separator: ", ")
        _ = checker.equivalent(gold: long, prediction: shuffled)
        let numbers = (0..<1500).map(String.init).joined(separator: ", ")
        let reversed = (0..<1500).reversed().map(String.init).joined(separator: ", ")
        #expect(checker.equivalent(gold: numbers, prediction: reversed))
        let mixedGold = ["x", "x+1", "2x", "x^2"].joined(separator: ", ")
        let mixedPrediction = ["x \\cdot x", "1+x", "x", "x+x"].joined(separator: ", ")
        #expect(checker.equivalent(gold: mixedGold, prediction: mixedPrediction))
    }
}
