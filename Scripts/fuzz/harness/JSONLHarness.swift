// Fuzz target `jsonl`: the JSON and JSONL input readers. The first input byte picks what the rest feeds:
//   0  JSONValue.parse on the rest (one JSON document)
//   1  `reckon answers check`: each line through AnswerChecking.check(line:number:) and its output line
//   2  `reckon tasks grade`: each line through TaskGrading.grade(line:number:), its output line and the summary
//   3  `reckon tasks sample`: the rest as `key=value` difficulty overrides (TaskSampling.parseOverrides) for the
//      family picked by byte 1, then one instance sampled with them
// Every path must return a value or throw a typed error whose message is rendered; nothing may trap.

#if canImport(Exact)
import Exact
#endif
#if canImport(Answers)
import Answers
#endif
import Tasks

func fuzzSetUp() {}

func fuzzOne(_ bytes: [UInt8]) {
    var input = FuzzInput(bytes)
    let mode = input.byte() % 4
    let selector = mode == 3 ? Int(input.byte()) : 0
    let text = String(decoding: input.rest(), as: UTF8.self)
    switch mode {
    case 0:
        do {
            let value = try JSONValue.parse(text)
            _ = value.kindDescription
        } catch {
            _ = error.description
        }
    case 1:
        for (number, line) in JSONLines.numbered(text) {
            do {
                _ = AnswerChecking.jsonLine(try AnswerChecking.check(line: line, number: number))
            } catch {
                fuzzRequire(!error.description.isEmpty, "empty TasksError message")
            }
        }
    case 2:
        var summary = TaskGrading.Summary()
        for (number, line) in JSONLines.numbered(text) {
            do {
                let result = try TaskGrading.grade(line: line, number: number)
                _ = result.jsonLine
                summary.add(result.verdict)
            } catch {
                fuzzRequire(!error.description.isEmpty, "empty TasksError message")
            }
        }
        _ = summary.text
    default:
        let families = TaskRegistry.standard.ids
        let family = families[selector % families.count]
        do {
            let overrides = try TaskSampling.parseOverrides(text.split(separator: "\n").map(String.init))
            let lines = try TaskSampling.sample(familyID: family, overrides: overrides, seed: 1, count: 1)
            fuzzRequire(lines.count == 1, "sample returned \(lines.count) lines for count 1")
        } catch {
            fuzzRequire(!error.description.isEmpty, "empty TasksError message")
        }
    }
}

// MARK: - Seeds

func fuzzSeeds() -> [(name: String, bytes: [UInt8])] {
    func seed(_ mode: UInt8, _ text: String) -> [UInt8] { [mode] + Array(text.utf8) }
    var seeds: [(name: String, bytes: [UInt8])] = [
        ("json-object", seed(0, #"{"a": [1, -2.5e+3, true, false, null], "b": {"c": "\u00e9\ud83d\ude00\n"}}"#)),
        ("json-big-integer", seed(0, "[18446744073709551615, -9223372036854775808, 1e500, 0.000001]")),
        ("check-lines", seed(1, #"""
            {"gold": "\\frac{1}{2}", "prediction": "The answer is $0.5$."}
            {"gold": 42, "prediction": "so #### 42"}
            {"gold": "x^2+1", "prediction": "\\boxed{1+x^2}"}\r
            {"gold": "(1, 2]", "prediction": null}
            """#)),
        ("sample-overrides", [3, 0] + Array("digits_a=3,digits_b=4\nformat=plain".utf8)),
        ("grade-answer-only", seed(2, #"{"family": "arithmetic-add", "response": "\\boxed{7}", "answer": "7"}"#)),
        ("grade-extreme-index", seed(2, #"""
            {"family": "arithmetic-add", "response": "1", "seed": 18446744073709551615, "index": 9223372036854775807}
            {"family": "arithmetic-mul", "response": "1", "seed": 0, "index": -9223372036854775808, "version": 1}
            {"family": "arithmetic-add", "response": "1", "id": "arithmetic-add-s1-99999999999999999999"}
            """#)),
    ]
    // One graded line per family: an instance as `reckon tasks sample` writes it, plus a response.
    var lines: [String] = []
    for family in TaskRegistry.standard.ids {
        guard let line = try? TaskSampling.sample(familyID: family, overrides: [:], seed: 7, count: 1).first,
              line.hasSuffix("}") else { continue }
        lines.append(String(line.dropLast()) + #","response":"The answer is \\boxed{12}."}"#)
    }
    for (index, chunk) in stride(from: 0, to: lines.count, by: 8).enumerated() {
        seeds.append(("grade-families-\(index)", seed(2, lines[chunk..<min(chunk + 8, lines.count)].joined(separator: "\n"))))
    }
    for (index, family) in TaskRegistry.standard.ids.prefix(255).enumerated() where index % 5 == 0 {
        seeds.append(("sample-\(family)", [3, UInt8(index)]))
    }
    // Hostile (run once and timed, not mutated): deep nesting and huge literals.
    seeds.append(("hostile-json-deep-arrays", seed(0, String(repeating: "[", count: 100_000))))
    seeds.append(("hostile-json-long-number", seed(0, "1" + String(repeating: "0", count: 100_000) + "e99999999999")))
    return seeds
}
