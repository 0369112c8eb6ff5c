// Fuzz target `answers`: answer extraction, math parsing and equivalence on two arbitrary strings. The input is
// `gold NUL prediction` (no NUL: the whole input is both). Every rule of AnswerExtractor runs on both strings, and
// AnswerChecker compares them both ways (as answers, and the prediction as a free-form response). Nothing may
// trap; slow inputs show up as timeouts (-timeout) and hostile inputs are timed one by one by Scripts/fuzz/run.

#if canImport(Exact)
import Exact
#endif
#if canImport(Answers)
import Answers
#endif
#if canImport(Tasks)
import Tasks
#endif

func fuzzSetUp() {}

func fuzzOne(_ bytes: [UInt8]) {
    let gold: String, prediction: String
    if let separator = bytes.firstIndex(of: 0) {
        gold = String(decoding: bytes[..<separator], as: UTF8.self)
        prediction = String(decoding: bytes[(separator + 1)...], as: UTF8.self)
    } else {
        gold = String(decoding: bytes, as: UTF8.self)
        prediction = gold
    }
    for text in [gold, prediction] {
        _ = AnswerExtractor.extract(from: text)
        _ = AnswerExtractor.extractGold(from: text)
        _ = AnswerExtractor.lastBoxed(in: text)
        _ = AnswerExtractor.lastNumber(in: text)
        _ = AnswerExtractor.cleanup(text)
    }
    let checker = AnswerChecker()
    let check = checker.check(gold: gold, response: prediction)
    fuzzRequire(check.equivalent == false || check.predictionExtracted != nil, "equivalent without an extraction")
    _ = checker.equivalent(gold: gold, prediction: prediction)
    _ = checker.equivalent(gold: prediction, prediction: gold)
}

// MARK: - Seeds

func fuzzSeeds() -> [(name: String, bytes: [UInt8])] {
    func pair(_ gold: String, _ prediction: String) -> [UInt8] { Array(gold.utf8) + [0] + Array(prediction.utf8) }
    return [
        ("fraction", pair("\\frac{1}{2}", "The answer is $0.5$.")),
        ("boxed-expression", pair("x^2+2x+1", "So we get \\boxed{(x+1)^2}.")),
        ("interval", pair("(-\\infty, 3]", "x \\le 3")),
        ("tuple-set", pair("\\{1, 2, 3\\}", "<answer>{3,2,1}</answer>")),
        ("equation", pair("y = 2x + 1", "#### y=1+2x")),
        ("roots-pi", pair("\\sqrt{2}\\pi", "4.442882938")),
        ("thousands", pair("1,234,567", "final answer: 1234567.")),
        ("think", pair("-7", "<think>maybe \\boxed{3}</think> it is -7")),
        ("text", pair("\\text{yes}", "Yes")),
        ("degrees-percent", pair("45^\\circ", "45%")),
        // Exactness cases of issue 10 (wrong verdicts are lane A's; here they must only not trap).
        ("huge-power", pair("2^{10000}", "2^{10001}")),
        ("tiny-power", pair("2^{-20000}", "0")),
        ("huge-exponent", pair("1e500", "1" + String(repeating: "0", count: 500))),
        ("huge-factorial", pair("1000!", "10^{2567}")),
        // Hostile (run once and timed, not mutated).
        ("hostile-deep-boxed", pair("1", String(repeating: "\\boxed{", count: 100_000))),
        ("hostile-deep-boxed-closed",
         pair("1", String(repeating: "\\boxed{", count: 100_000) + "1" + String(repeating: "}", count: 100_000))),
        ("hostile-deep-parentheses", pair(String(repeating: "(", count: 100_000), "1")),
        ("hostile-deep-parentheses-closed",
         pair("1", String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000))),
        ("hostile-deep-braces", pair(String(repeating: "{", count: 100_000), "$" + String(repeating: "{", count: 100_000) + "$")),
        ("hostile-long-number", pair(String(repeating: "9", count: 100_000), "1e" + String(repeating: "9", count: 1000))),
    ]
}
