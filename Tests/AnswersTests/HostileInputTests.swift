import Testing
@testable import Answers

/// Hostile responses and answers finish in time linear in their size with a verdict (issue 10, item 5). These
/// inputs took 22 s and 38 s (quadratic scans) before; the tests print no timings and assert only the verdicts.
@Suite struct HostileInputTests {
    let checker = AnswerChecker()

    @Test func deeplyNestedBoxedFinds42() {
        let depth = 100_000
        let response = String(repeating: "\\boxed{", count: depth) + "42" + String(repeating: "}", count: depth)
        let result = checker.check(gold: "42", response: response)
        #expect(result.equivalent, "\(result.predictionExtracted?.prefix(40) ?? "nil")")
        #expect(result.predictionSource == .boxed)
        // As a gold answer too.
        #expect(checker.equivalent(gold: response, prediction: "42"))
    }

    /// The box found is the last one opened: the innermost of nested boxes, the last of several in a row (the
    /// scan keeps only the best range and copies it once, instead of copying every nested level: a 100,000-deep
    /// gold took 4.9 s in a release build that way, 0.12 s now).
    @Test func lastBoxedIsTheLastOneOpened() {
        #expect(AnswerExtractor.lastBoxed(in: "\\boxed{\\boxed{3}}") == "3")
        #expect(AnswerExtractor.lastBoxed(in: "\\boxed{1} then \\boxed{2}") == "2")
        #expect(AnswerExtractor.lastBoxed(in: "\\boxed{a \\boxed{b} c}") == "b")
        #expect(AnswerExtractor.lastBoxed(in: "\\boxed{2} and \\boxed{unclosed") == "2")
        #expect(AnswerExtractor.lastBoxed(in: "so \\boxed 5 and more") == "5")
        #expect(AnswerExtractor.lastBoxed(in: "\\boxed{unclosed") == nil)
        let depth = 100_000
        let deep = String(repeating: "\\boxed{", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(checker.check(gold: deep, response: deep).equivalent)
    }

    @Test func megabyteOfUnclosedBoxedGivesAVerdict() {
        let line = String(repeating: "\\boxed{", count: 1_000_000 / 7)
        let asResponse = checker.check(gold: "42", response: line)
        #expect(!asResponse.equivalent)
        let asGold = checker.check(gold: line, response: "42")
        #expect(!asGold.equivalent)
        #expect(!checker.equivalent(gold: line, prediction: line + "}"))
    }

    @Test func nestedWrappersUnwrapInLinearTime() {
        let depth = 50_000
        let text = String(repeating: "\\text{", count: depth) + "7" + String(repeating: "}", count: depth)
        #expect(checker.equivalent(gold: text, prediction: "7"))
        let unclosed = String(repeating: "\\mathrm{", count: 100_000)
        #expect(!checker.equivalent(gold: unclosed, prediction: "7"))
    }

    @Test func deepParenthesesDoNotOverflowTheStack() {
        let depth = 100_000
        let deep = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(MathParser.parseAnswer(deep, allowWords: false) == nil)
        let result = checker.check(gold: "1", response: "$" + deep + "$")
        #expect(!result.equivalent || result.predictionExtracted == "1")
        _ = checker.equivalent(gold: deep, prediction: deep)
        let open = String(repeating: "(", count: depth)
        #expect(!checker.equivalent(gold: open, prediction: "1"))
        let braces = String(repeating: "{", count: depth) + "1" + String(repeating: "}", count: depth)
        _ = checker.equivalent(gold: braces, prediction: "1")
        let fractions = String(repeating: "\\frac{1}{", count: depth) + "2" + String(repeating: "}", count: depth)
        _ = checker.equivalent(gold: fractions, prediction: "1")
    }

    /// Long flat expressions (a left-deep tree per `+`) are refused as too long rather than recursed into.
    @Test func longSumsAndWordListsFinish() {
        let sum = Array(repeating: "1", count: 200_000).joined(separator: "+")
        #expect(!checker.equivalent(gold: sum, prediction: "200000"))
        #expect(checker.equivalent(gold: sum, prediction: sum))
        let product = Array(repeating: "x", count: 200_000).joined()
        _ = checker.equivalent(gold: product, prediction: "x")
        let words = Array(repeating: "meters", count: 200_000).joined(separator: " ") + " 5"
        _ = checker.equivalent(gold: words, prediction: "5")
        let dollars = String(repeating: "$", count: 1_000_000)
        _ = checker.check(gold: dollars, response: dollars)
        let spans = Array(repeating: "$x+$", count: 100_000).joined(separator: " ")
        _ = checker.check(gold: "1", response: spans)
    }

    /// The longest answers that still parse are evaluated without exhausting a test thread's stack.
    @Test func longestParsableSumEvaluates() {
        let terms = MathParser.maximumTokens / 2
        let sum = Array(repeating: "1", count: terms).joined(separator: "+")
        #expect(checker.equivalent(gold: sum, prediction: String(terms)))
    }
}
