import Testing
import Tasks
import TestSupport
@testable import Reasoning

/// Seeds, the scripted choice, answer keys and the configuration identity, against Scripts/reasoning/reference.py.
@Suite struct FoundationsTests {
    static let seedCases: [(UInt64, Int, Int, UInt64)] = [
        (0, 0, 0, 2_558_736_989_570_252_433),
        (42, 0, 0, 7_138_415_436_909_018_950),
        (42, 0, 1, 13_151_335_708_014_940_318),
        (42, 3, 7, 12_335_244_430_711_630_163),
        (UInt64.max, 5, 2, 5_611_701_369_624_494_617),
    ]

    @Test(arguments: FoundationsTests.seedCases)
    func seedsMatchTheReference(runSeed: UInt64, problem: Int, sample: Int, expected: UInt64) {
        #expect(SampleSeed.derive(runSeed: runSeed, problem: problem, sample: sample) == expected)
    }

    @Test func seedsAreDistinctOverAGrid() {
        var seen = Set<UInt64>()
        for run in [UInt64(0), 1, 42] {
            for problem in 0..<20 {
                for sample in 0..<20 { seen.insert(SampleSeed.derive(runSeed: run, problem: problem, sample: sample)) }
            }
        }
        #expect(seen.count == 3 * 20 * 20)
    }

    static let choiceCases: [(UInt64, Int, Int)] = [(0, 3, 2), (1, 2, 2), (42, 3, 2), (123_456_789, 1, 0), (1 << 63, 1, 0)]

    @Test(arguments: FoundationsTests.choiceCases)
    func scriptedChoiceMatchesTheReference(seed: UInt64, fourWay: Int, twoWay: Int) {
        #expect(ScriptedGenerator.choose(seed: seed, weights: [1, 2, 3, 4]) == fourWay)
        #expect(ScriptedGenerator.choose(seed: seed, weights: [0.5, 0, 0.5]) == twoWay)
        #expect(ScriptedGenerator.choose(seed: seed, weights: [0, 0]) == nil)
    }

    static let keyCases: [(String, String)] = [
        ("42", "42"), (" $12$ ", "12"), ("1,234", "1234"), ("-1,234.50", "-2469/2"), ("0.50", "1/2"), ("6/8", "3/4"),
        ("Yes.", "yes"), ("\\frac{1}{2}", "\\frac{1}{2}"), ("(1, 2)", "(1,2)"), ("1,2", "1,2"), ("3\\,000", "3000"),
    ]

    @Test(arguments: FoundationsTests.keyCases)
    func answerKeysNormalize(raw: String, key: String) {
        #expect(AnswerKey.normalize(raw) == key)
    }

    @Test func answerKeysFollowTheVerdict() {
        #expect(AnswerKey.normalize("  $ $ ") == nil)
        #expect(AnswerKey.key(verdict: .correct(extracted: "1/2"), goldKey: "1/2") == "1/2")
        #expect(AnswerKey.key(verdict: .correct(extracted: "0.5000"), goldKey: "1/2") == "1/2")
        #expect(AnswerKey.key(verdict: .incorrect(extracted: "7"), goldKey: "1/2") == "7")
        #expect(AnswerKey.key(verdict: .incorrect(extracted: "0.5"), goldKey: "1/2") == "1/2#incorrect")
        #expect(AnswerKey.key(verdict: .unparseable(), goldKey: "1/2") == nil)
    }

    static let configuration = EvalConfiguration(
        task: "addition", difficulty: ["digits": "3"], problems: 6, samples: 5, seed: 7, maxTokens: 64,
        temperature: 0.8, topP: 0.95, topK: 40, minP: 0.05, promptStyle: "boxed", chat: true, model: "scripted")

    @Test func identityJSONIsCanonicalAndHashed() {
        let json = #"{"chat":true,"difficulty":{"digits":"3"},"maxTokens":64,"minP":0.05,"model":"scripted","problems":6,"promptStyle":"boxed","samples":5,"seed":7,"task":"addition","temperature":0.8,"topK":40,"topP":0.95}"#
        #expect(Self.configuration.identityJSON == json)
        #expect(Self.configuration.identityHash() == "ad4eed8b1cebe94624b89f62db4c501e7af064256c9b112897ee1863380c83ed")
    }

    @Test func strategiesAreNotPartOfTheIdentity() {
        var other = Self.configuration
        other.strategies = [StrategySpec(name: "majority")]
        #expect(other.identityHash() == Self.configuration.identityHash())
        other.seed = 8
        #expect(other.identityHash() != Self.configuration.identityHash())
    }

    @Test func validationNamesTheBadField() {
        var bad = Self.configuration
        bad.promptStyle = "fancy"
        #expect(throws: ReasoningError.invalidConfiguration(field: "prompt-style", value: "fancy", requirement: "one of plain, boxed")) {
            try bad.validate()
        }
        bad = Self.configuration
        bad.samples = 0
        #expect(throws: ReasoningError.self) { try bad.validate() }
    }
}
