import Exact
import Testing
@testable import Tasks

@Suite struct StreetMathTests {
    let family = StreetMathFamily()

    @Test func propertyReferenceCorrectAndBandsBehave() throws {
        let topics = ["mixed"] + StreetMathTopic.allCases.map(\.rawValue)
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let topic = topics[Int(seed) % topics.count]
            let items = 2 + Int(seed / 9) % 9
            let instance = family.generate(seed: seed, difficulty: try family.difficulty(["topic": topic, "items": String(items)]), index: 0)
            let exact = try #require(Rational.parse(instance.data["exact"]!), "seed \(seed)")
            #expect(exact.numerator > 0, "seed \(seed)")
            let v = family.grade(response: instance.answer, instance: instance)
            #expect(v.kind == .correct && v.score == 1 && v.metrics["exact_match"] == 1, "seed \(seed): \(v)")
            let x = exact.doubleValue
            // Relative errors chosen well inside each band (avoid band edges).
            for (factor, score, kind) in [(1.06, 1.0, VerdictKind.correct), (0.85, 0.75, .correct), (1.45, 0.25, .incorrect), (2.5, 0.0, .incorrect)] {
                let guess = x * factor
                let response = "About \(guess.rounded(.toNearestOrEven) == guess ? String(Int(guess)) : String(guess))"
                let g = family.grade(response: "Final answer: \(Self.plain(guess))", instance: instance)
                #expect(g.score == score && g.kind == kind && g.metrics["exact_match"] == 0, "seed \(seed) factor \(factor): \(g) \(response)")
            }
            if StreetMathTopic(rawValue: topic)?.usesItems == true {
                #expect(instance.prompt.filter { $0 == "$" }.count == items, "seed \(seed): items knob")
            }
        }
    }

    /// Decimal text of a Double without exponent (6 decimals).
    static func plain(_ x: Double) -> String {
        let micros = Int((x * 1_000_000).rounded())
        let frac = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - frac.count) + frac
    }

    @Test func exactValuesByHand() throws {
        // 3 prices summing to $10.00 with 20% off = $8.00; tip 20% on $50.00 = $60.00 (hand-computed).
        let q = Rational(1000 * 80, 10_000)
        #expect(try q.decimalString(places: 2) == "8.00")
        #expect(Rational(5000 * 120, 10_000).decimalString(places: 2) == "60.00")
        #expect(Rational(173, 45).decimalString(places: 2) == "3.84")
        #expect(Rational(-5, 8).decimalString(places: 2) == "-0.63")   // −0.625 rounds away from zero
        #expect(Rational.parse("1,234") == nil)
        #expect(Rational.parse("-7/2") == (Rational(-7, 2)))
        #expect(Rational.parse("0.125") == (Rational(1, 8)))
    }

    @Test func extractionPrefersFinalAnswer() throws {
        let instance = family.generate(seed: 3, difficulty: try family.difficulty(["topic": "crowd"]), index: 0)
        let exact = try #require(Int(instance.answer.split(separator: ".")[0]))
        let v = family.grade(response: "Area 40 x 30 ... roughly\nFinal answer: \(exact)\nThanks 7", instance: instance)
        #expect(v.kind == .correct && v.extracted == String(exact))
        let w = family.grade(response: "It is about $1,000,000 people", instance: instance)
        #expect(w.extracted == "1000000" && w.kind == .incorrect)
        #expect(family.grade(response: "no idea", instance: instance).kind == .unparseable)
    }
}
