import Exact
import Foundation
import Testing
@testable import Tasks

@Suite struct WordProblemsTests {
    let family = WordProblemsFamily()

    /// Independent oracle: each built-in template's answer recomputed with plain Int arithmetic from the sampled
    /// assignment (not through TemplateExpression). Returns (numerator, denominator) of the exact answer.
    static func oracle(_ template: String, _ v: [String: String]) -> (Int, Int)? {
        func i(_ k: String) -> Int { Int(v[k]!)! }
        switch template {
        case "garden-rows": return (i("rows") * i("per") - i("eaten"), 1)
        case "bus-stops": return (i("start") - i("off1") + i("on1") - i("off2"), 1)
        case "shared-gift": return (i("price") + i("fee"), i("n"))
        case "reading-plan": return (i("weeks") * (5 * i("weekday") + 2 * i("weekend")), 1)
        case "sale-price": return (i("price") * (100 - i("pct")) - 100 * i("coupon"), 100)
        case "ride-and-walk": return (i("hours") * i("speed") + i("walk"), 1)
        case "age-gap": return (i("k") * i("age") - i("d") + i("y"), 1)
        case "class-fractions": return (i("n") - i("n") * i("num") / i("den"), 2)
        default: return nil
        }
    }

    static func assignment(_ instance: TaskInstance) -> [String: String] {
        var out: [String: String] = [:]
        for pair in instance.data["assignment"]!.split(separator: ";") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            out[String(kv[0])] = String(kv[1])
        }
        return out
    }

    @Test func builtInTemplatesParse() {
        #expect(WordProblemTemplate.builtIn.count >= 6)
        #expect(Set(WordProblemTemplate.builtIn.map(\.id)).count == WordProblemTemplate.builtIn.count)
    }

    @Test func propertyAnswersMatchIndependentOracle() throws {
        let ids = WordProblemTemplate.builtIn.map(\.id)
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let template = ids[Int(seed) % ids.count]
            let scale = 1 + Int(seed / 8) % 3
            let instance = family.generate(seed: seed, difficulty: try family.difficulty(["template": template, "scale": String(scale)]), index: 2)
            #expect(instance.data["template"] == template)
            let v = Self.assignment(instance)
            let (p, q) = try #require(Self.oracle(template, v), "seed \(seed)")
            let expected = Rational(p, q)
            #expect(instance.data["exact"] == expected.description, "seed \(seed) \(template): \(v)")
            #expect(expected.numerator >= 0 && expected.isInteger, "seed \(seed) \(template): answers are non-negative integers")
            let verdict = family.grade(response: instance.answer, instance: instance)
            #expect(verdict.kind == .correct, "seed \(seed): \(verdict)")
            let wrong = family.grade(response: "Final answer: \(expected.floor + 1)", instance: instance)
            #expect(wrong.kind == .incorrect, "seed \(seed)")
            for (k, value) in v where Int(value) != nil && !["reduced", "rest"].contains(k) {
                #expect(instance.prompt.contains(value), "seed \(seed): value of \(k) missing from the question")
            }
        }
    }

    @Test func scaleKnobWidensRanges() throws {
        var maxima = [Int: Int]()
        for scale in 1...3 {
            for seed in 0..<UInt64(200) {
                let instance = family.generate(seed: seed, difficulty: try family.difficulty(["template": "reading-plan", "scale": String(scale)]), index: 0)
                maxima[scale] = max(maxima[scale] ?? 0, Int(Self.assignment(instance)["weekday"]!)!)
            }
        }
        #expect(maxima[1]! <= 40 && maxima[2]! > 40 && maxima[2]! <= 400 && maxima[3]! > 400)
    }

    @Test func userTemplatesLoadFromFile() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("word-problem-templates.txt")
        let templates = try WordProblemTemplate.load(from: url.path)
        #expect(templates.map(\.id) == ["paint-tins", "recipe-scale"])
        let custom = WordProblemsFamily(templates: templates)
        for seed in 0..<UInt64(500) {
            let instance = custom.generate(seed: seed, difficulty: try custom.difficulty(), index: 0)
            let v = Self.assignment(instance)
            let expected: Rational
            if instance.data["template"] == "paint-tins" {
                let need = Int(v["area"]!)! * Int(v["coats"]!)!, cover = Int(v["cover"]!)!
                expected = Rational((need + cover - 1) / cover)
            } else {
                expected = Rational(Int(v["flour"]!)! * Int(v["people"]!)!, Int(v["base"]!)!)
                #expect(v["people"] != v["base"])
            }
            #expect(instance.data["exact"] == expected.description, "seed \(seed)")
            #expect(custom.grade(response: "\\boxed{\(instance.answer)}", instance: instance).kind == .correct)
        }
    }

    @Test func fractionsAndDecimalsGradeExactly() throws {
        let t = try WordProblemTemplate.parse("template: t\ntext: Split {a} by 4.\nvar a = choice(7)\nanswer: a / 4\n")
        let f = WordProblemsFamily(templates: t)
        let instance = f.generate(seed: 1, difficulty: try f.difficulty(), index: 0)
        #expect(instance.answer == "1.75" && instance.prompt.hasPrefix("Split 7 by 4."))
        #expect(f.grade(response: "Final answer: 7/4", instance: instance).kind == .correct)
        #expect(f.grade(response: "the answer is 1.75.", instance: instance).kind == .correct)
        #expect(f.grade(response: "Final answer: 1.8", instance: instance).kind == .incorrect)
        #expect(f.grade(response: "no clue", instance: instance).kind == .unparseable)
    }

    @Test func expressionArithmeticIsExact() throws {
        func eval(_ s: String, _ env: [String: TemplateExpression.Value] = [:]) throws -> TemplateExpression.Value {
            guard case .success(let e) = TemplateExpression.parse(s) else { throw TasksError.malformedLine(line: 0, reason: s) }
            return try e.evaluate(env)
        }
        #expect(try eval("7/2 + 1/3") == .number(Rational(23, 6)))      // hand: 21/6 + 2/6
        #expect(try eval("2 + 3 * 4 - 10 / 4") == .number(Rational(23, 2)))
        #expect(try eval("0.1 + 0.2 == 0.3") == .bool(true))
        #expect(try eval("divides(3, 12) and not divides(5, 12)") == .bool(true))
        #expect(try eval("mod(-7, 3)") == .number(Rational(2)))
        #expect(try eval("floor(-7/2) + ceil(7/2) + round(5/2)") == .number(Rational(3)))   // −4 + 4 + 3
        #expect(try eval("min(3, 1/2, 2) * max(1, 4)") == .number(Rational(2)))
        #expect(try eval("\"Ana\" != \"Bo\"") == .bool(true))
        #expect(throws: TemplateExpression.EvaluationError.self) { try eval("9223372036854775807 + 1") }
        #expect(throws: TemplateExpression.EvaluationError.self) { try eval("1 / (2 - 2)") }
    }

    /// Malformed templates: the error names the line and the field.
    @Test(arguments: [
        ("template: a\ntext: x {n}\nvar n = range(5, 1)\nanswer: n", 3, "field 'var n': range needs lo ≤ hi"),
        ("template: a\ntext: x\nanswer: n + 1", 3, "field 'answer': unknown variable 'n'"),
        ("template: a\ntext: x {m}\nvar n = range(1, 3)\nanswer: n", 2, "field 'text': placeholder {m} uses unknown variable 'm'"),
        ("template: a\ntext: x\nvar n = range(1, 3)\nconstraint n > 5\nanswer: n", 4, "field 'constraint': no draw out of 2000"),
        ("template: a\ntext: x\nvar n = range(1, 3)\nanswer: n +", 4, "field 'answer': expected a value"),
        ("template: a\ntext: x\nvar n = range(1, 3)\nanswr: n", 4, "field 'answr': unknown field"),
        ("text: x", 1, "outside a template"),
        ("template: Bad Id\ntext: x", 1, "field 'template': expected an id"),
        ("template: a\ntext: x\nvar n = range(1, 3)\nvar n = range(1, 3)\nanswer: n", 4, "variable 'n' is declared twice"),
        ("template: a\ntext: x\nvar n = range(1, 3)", 1, "field 'answer': missing"),
        ("template: a\ntext: x\nlet m = n * 2\nvar n = range(1, 3)\nanswer: m", 3, "field 'let m': unknown variable 'n'"),
        ("template: a\ntext: x\nvar n = pick(1, 3)\nanswer: n", 3, "unknown source 'pick'"),
        ("template: a\ntext: x\nvar n = range(1, 3)\nanswer: sqrt(n)", 4, "unknown function 'sqrt'"),
    ])
    func malformedTemplatesNameLineAndField(text: String, line: Int, fragment: String) {
        do {
            _ = try WordProblemTemplate.parse(text, source: "user.txt")
            Issue.record("expected an error for \(text)")
        } catch {
            guard case .malformedLine(let l, let reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(l == line, "\(reason)")
            #expect(reason.contains(fragment) && reason.hasPrefix("user.txt: "), "\(reason)")
        }
    }

    @Test func missingFileIsReported() {
        #expect(throws: TasksError.malformedLine(line: 0, reason: "/nonexistent/t.txt: cannot read the template file; check that it exists and is UTF-8 text")) {
            try WordProblemTemplate.load(from: "/nonexistent/t.txt")
        }
    }
}
