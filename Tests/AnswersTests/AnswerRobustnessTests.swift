import Testing
@testable import Answers
import Random

/// Random and pathological inputs never crash extraction or checking, and the checker is reflexive on answers
/// it can parse.
@Suite struct AnswerRobustnessTests {
    static let alphabet = Array("0123456789+-*/^()[]{},.=<>!%|_ xyzepi\\fracsqrtboxedtext$#:;answer is\n".unicodeScalars)

    @Test func randomStringsDoNotCrash() {
        let checker = AnswerChecker()
        for seed in 0..<20_000 as Range<UInt64> {
            var rng = Xoshiro256StarStar(seed: seed)
            var text = ""
            for _ in 0..<rng.intByModuloRejection(in: 0...40) { text.unicodeScalars.append(Self.alphabet[rng.intByModuloRejection(in: 0...(Self.alphabet.count - 1))]) }
            let extracted = AnswerExtractor.extract(from: text)
            _ = checker.check(gold: text, response: text)
            if let e = extracted, MathParser.parseAnswer(e.text, allowWords: true) != nil {
                #expect(checker.compareAnswers(gold: e.text, prediction: e.text), "seed \(seed): \(e.text) not equivalent to itself")
            }
        }
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(MathParser.parseAnswer(deep, allowWords: false) == nil)
        let minus = String(repeating: "-", count: 5000) + "1"
        #expect(MathParser.parseAnswer(minus, allowWords: false) == nil)
        let tower = Array(repeating: "2", count: 300).joined(separator: "^")
        _ = AnswerChecker().equivalent(gold: tower, prediction: "4")
        #expect(AnswerChecker().equivalent(gold: "10^{10^{10}}", prediction: "10^{10^{10}}"))
        let shallow = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        #expect(AnswerChecker().equivalent(gold: shallow, prediction: "1"))
    }
}
