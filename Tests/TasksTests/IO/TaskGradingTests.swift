import Exact
import Testing
@testable import Tasks

@Suite struct TaskGradingTests {
    @Test func sampleThenGradeRoundTrip() throws {
        let lines = try TaskSampling.sample(familyID: "arithmetic-mul", overrides: ["digits_a": "4"], seed: 9, count: 5)
        #expect(lines.count == 5)
        for (i, line) in lines.enumerated() {
            guard case .object(var object) = try JSONValue.parse(line), case .string(let answer)? = object["answer"] else {
                Issue.record("line \(i) not an object with answer")
                continue
            }
            object["response"] = .string(answer)
            let input = Self.serialize(.object(object))
            let result = try TaskGrading.grade(line: input, number: i + 1)
            #expect(result.verdict.kind == .correct)
            #expect(result.id == "arithmetic-mul-9-\(i)")
            #expect(result.jsonLine.contains("\"verdict\":\"correct\""))
            #expect(result.jsonLine.contains("\"score\":1"))
        }
    }

    @Test func minimalLinesRegenerateTheInstance() throws {
        let line = #"{"family":"arithmetic-add","seed":1,"index":0,"params":{},"response":"\\boxed{1645}"}"#
        let result = try TaskGrading.grade(line: line, number: 1)
        #expect(result.verdict.kind == .correct && result.verdict.extracted == "1645")
        let byID = #"{"family":"arithmetic-add","id":"arithmetic-add-1-0","seed":1,"response":"1646"}"#
        #expect(try TaskGrading.grade(line: byID, number: 1).verdict.kind == .incorrect)
        let answerOnly = #"{"family":"arithmetic-add","answer":"12","response":"12"}"#
        #expect(try TaskGrading.grade(line: answerOnly, number: 1).verdict.kind == .correct)
        let unparseable = #"{"family":"arithmetic-add","answer":"12","response":"no idea"}"#
        let verdict = try TaskGrading.grade(line: unparseable, number: 1)
        #expect(verdict.verdict.kind == .unparseable)
        #expect(verdict.jsonLine.contains("\"extracted\":null"))
    }

    @Test func errorsNameTheLine() {
        #expect(throws: TasksError.self) { try TaskGrading.grade(line: "{not json", number: 3) }
        do {
            _ = try TaskGrading.grade(line: "{not json", number: 3)
        } catch {
            #expect(error.description.hasPrefix("line 3: not valid JSON"))
        }
        let cases: [(String, String)] = [
            (#"{"family":"arithmetic-add","seed":1,"index":0}"#, "line 7: missing field \"response\""),
            (#"{"family":"arithmetic-ad","seed":1,"index":0,"response":"1"}"#, "did you mean 'arithmetic-add'"),
            (#"{"family":"arithmetic-add","seed":1,"index":0,"response":1.5e3,"params":{"digits_a":"99"}}"#, "out of range"),
            (#"{"family":"arithmetic-add","version":9,"seed":1,"index":0,"response":"1"}"#, "version 9"),
            (#"{"family":"arithmetic-add","response":"1"}"#, "need either"),
            (#"[1,2]"#, "expected a JSON object"),
            (#"{"family":"arithmetic-add","seed":-1,"index":0,"response":"1"}"#, "non-negative integer"),
        ]
        for (line, fragment) in cases {
            do {
                _ = try TaskGrading.grade(line: line, number: 7)
                Issue.record("expected an error for \(line)")
            } catch {
                #expect(error.description.contains(fragment), "\(line) → \(error.description)")
                #expect(error.description.hasPrefix("line 7:"), "\(error.description)")
            }
        }
    }

    @Test func overridesParse() throws {
        #expect(try TaskSampling.parseOverrides(["a=1", "b = 2,c=x"]) == ["a": "1", "b": "2", "c": "x"])
        #expect(throws: TasksError.malformedOverride("digits")) { try TaskSampling.parseOverrides(["digits"]) }
        #expect(throws: TasksError.malformedOverride("=3")) { try TaskSampling.parseOverrides(["=3"]) }
    }

    @Test func catalogListsEveryFamilyAndParameter() throws {
        guard case .array(let families) = try JSONValue.parse(TaskSampling.catalogJSON()) else {
            Issue.record("catalog is not an array")
            return
        }
        #expect(families.count == TaskRegistry.standard.families.count)
        let text = TaskSampling.catalogText()
        #expect(text.contains("arithmetic-add (v1)") && text.contains("digits_a: integer 1...30"))
        #expect(TaskSampling.catalogJSON().contains(#""name":"representation""#))
    }

    @Test func summaryText() {
        var summary = TaskGrading.Summary()
        summary.add(.correct(extracted: "1"))
        summary.add(.incorrect(extracted: "2"))
        summary.add(.unparseable())
        #expect(summary.text == "graded 3: 1 correct (33.3%), 1 incorrect, 1 unparseable; mean score 0.333")
    }

    @Test func answersCheckLines() throws {
        let result = try AnswerChecking.check(line: #"{"gold":"\\frac{1}{2}","prediction":"so \\boxed{0.5}"}"#, number: 1)
        #expect(AnswerChecking.jsonLine(result) == #"{"equivalent":true,"gold_extracted":"\\frac{1}{2}","prediction_extracted":"0.5","source":"boxed"}"#)
        let none = try AnswerChecking.check(line: #"{"gold":"1","prediction":"none"}"#, number: 1)
        #expect(AnswerChecking.jsonLine(none) == #"{"equivalent":false,"gold_extracted":"1","prediction_extracted":null,"source":null}"#)
        #expect(throws: TasksError.malformedLine(line: 4, reason: "missing field \"gold\"")) {
            try AnswerChecking.check(line: #"{"prediction":"1"}"#, number: 4)
        }
    }

    static func serialize(_ value: JSONValue) -> String {
        var json = CanonicalJSON()
        func write(_ v: JSONValue) {
            switch v {
            case .null: json.raw("null")
            case .bool(let b): json.raw(b ? "true" : "false")
            case .number(let n): json.raw(n)
            case .string(let s): json.string(s)
            case .array(let items):
                json.beginArray()
                items.forEach(write)
                json.endArray()
            case .object(let map):
                json.beginObject()
                for key in map.keys.sorted() {
                    json.key(key)
                    write(map[key]!)
                }
                json.endObject()
            }
        }
        write(value)
        return json.text
    }
}
