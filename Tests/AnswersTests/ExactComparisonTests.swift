import Testing
@testable import Answers

/// Numbers beyond `Double` are compared exactly, or the verdict says it could not decide (issue 10, item 4).
@Suite struct ExactComparisonTests {
    let checker = AnswerChecker()

    /// The three cases of the issue, through the same path as `reckon answers check` (gold answer, model response).
    @Test func issueCases() {
        let powers = checker.check(gold: "2^{10000}", response: "2^{10001}")
        #expect(!powers.equivalent && powers.undecided == nil, "2^10000 vs 2^10001: \(powers)")
        let tiny = checker.check(gold: "2^{-20000}", response: "0")
        #expect(!tiny.equivalent && tiny.undecided == nil, "2^-20000 vs 0: \(tiny)")
        let big = checker.check(gold: "1e500", response: "1" + String(repeating: "0", count: 500))
        #expect(big.equivalent && big.undecided == nil, "1e500 vs 10…0: \(big)")
    }

    @Test func hugeExactValuesCompareExactly() {
        #expect(checker.equivalent(gold: "2^{10000}", prediction: "2^{10000}"))
        #expect(checker.equivalent(gold: "2^{10001}", prediction: "2 \\cdot 2^{10000}"))
        #expect(!checker.equivalent(gold: "2^{10000} + 1", prediction: "2^{10000}"))  // equal as doubles (both ∞)
        #expect(!checker.equivalent(gold: "2^{-20000}", prediction: "2^{-20001}"))    // equal as doubles (both 0)
        #expect(checker.equivalent(gold: "1e-500", prediction: "0." + String(repeating: "0", count: 499) + "1"))
        #expect(!checker.equivalent(gold: "1e-500", prediction: "0"))
        #expect(checker.equivalent(gold: "1.5e400", prediction: "15 \\times 10^{399}"))
        #expect(!checker.equivalent(gold: "1e400", prediction: "1e401"))
        #expect(checker.equivalent(gold: "\\frac{1}{3^{1000}}", prediction: "3^{-1000}"))
        let digits = String(repeating: "7", count: 400)
        #expect(checker.equivalent(gold: digits, prediction: digits + ".0"))
        #expect(!checker.equivalent(gold: digits, prediction: digits.dropLast() + "8"))
    }

    /// Irrational values scaled beyond `Double` are never called equal (they would be ∞ = ∞ or 0 = 0).
    @Test func approximateValuesBeyondDoubleAreNotEquivalent() {
        let large = checker.check(gold: "\\pi \\cdot 10^{400}", response: "$\\pi \\cdot 10^{401}$")
        #expect(!large.equivalent, "\(large)")
        #expect(large.undecided != nil, "\(large)")
        let small = checker.check(gold: "\\pi \\cdot 10^{-400}", response: "0")
        #expect(!small.equivalent, "\(small)")
        #expect(!checker.equivalent(gold: "\\sqrt{2} \\cdot 2^{5000}", prediction: "\\sqrt{2} \\cdot 2^{5001}"))
    }

    /// Exponents whose results would need gigabytes are refused quickly with an explicit "undecided".
    @Test func hugeExponentsAreUndecidedNotHung() {
        let tower = checker.check(gold: "10^{10^9}", response: "10^{10^9+1}")
        #expect(!tower.equivalent)
        #expect(tower.undecided == "too large to compare exactly", "\(tower)")
        let literal = checker.check(gold: "1e1000000000", response: "1e1000000001")
        #expect(!literal.equivalent)
        #expect(literal.undecided == "too large to compare exactly", "\(literal)")
        let power = checker.check(gold: "2^{1000000000}", response: "$2^{1000000000} + 1$")
        #expect(!power.equivalent && power.undecided == "too large to compare exactly", "\(power)")
        // The same text on both sides is still equivalent (no arithmetic needed).
        #expect(checker.check(gold: "10^{10^9}", response: "10^{10^9}").equivalent)
        // A decided comparison says nothing about being undecided.
        #expect(checker.check(gold: "2", response: "3").undecided == nil)
    }

    /// The JSON line of `reckon answers check` carries the "undecided" reason (and only when there is one).
    @Test func jsonLineNamesUndecided() {
        let line = AnswerCheck.jsonLine(checker.check(gold: "10^{10^9}", response: "10^{10^9+1}"))
        #expect(line.contains(#""equivalent":false"#) && line.hasSuffix(#""undecided":"too large to compare exactly"}"#), "\(line)")
        #expect(!AnswerCheck.jsonLine(checker.check(gold: "2", response: "2")).contains("undecided"))
    }
}
