#if canImport(Exact)
import Exact  // JSONValue's home once Exact is split out of Tasks
#endif
import Testing
@testable import Tasks

/// `reckon tasks grade` lines whose `data` was edited to values the family's generator never writes. The graders
/// re-solve from `data`, so before these checks each line trapped the process (integer overflow, a negative array
/// count, an index out of range, a division by zero, a loop without end): found with the `jsonl` fuzz target's
/// grading mode (Scripts/fuzz). Each must now grade as unparseable, naming the malformed field.
@Suite struct TaskGradingEditedDataTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let family: String
        let data: [String: String]
        var testDescription: String { "\(family) \(data)" }
    }

    static let cases: [Case] = [
        Case(family: "sum", data: ["numbers": "[9223372036854775807, 9223372036854775807]"]),
        Case(family: "mean", data: ["numbers": "[9223372036854775807, 9223372036854775807]"]),
        Case(family: "alternating-sum", data: ["numbers": "[-9223372036854775808, 9223372036854775807]"]),
        Case(family: "max-adjacent-difference", data: ["numbers": "[-9223372036854775807, 9223372036854775807]"]),
        Case(family: "range", data: ["numbers": "[-9223372036854775807, 9223372036854775807]"]),
        Case(family: "absolute-difference", data: ["numbers": "[-9223372036854775807, 9223372036854775807]"]),
        Case(family: "sum-of-digits", data: ["numbers": "[-9223372036854775807, 1]"]),
        Case(family: "count-perfect-squares", data: ["numbers": "[9223372036854775807, 1]"]),
        Case(family: "division", data: ["numbers": "[5, 0]"]),
        Case(family: "find-maximum", data: ["numbers": "[]"]),
        Case(family: "matrix-chain", data: ["dimensions": "[1000000000000, 1000000000000, 1000000000000, 1000000000000]"]),
        Case(family: "matrix-chain", data: ["dimensions": ""]),
        // Minimized from the fuzzer's findings: the `dimensions` key renamed away, and a 24-digit list entry.
        Case(family: "matrix-chain", data: ["dimensio.s": "[24, 16, 16, 8, 3, 25]"]),
        Case(family: "sorting", data: ["numbers": "[-66, -38, 80,222222222222222222222222 81, -92, 7, 94, 1]"]),
        Case(family: "sudoku", data: ["size": "1000000000000"]),
        Case(family: "sudoku", data: ["size": "-3"]),
        Case(family: "graph-coloring", data: ["vertices": "-5", "colors": "3", "edges": "0-1"]),
        Case(family: "graph-coloring", data: ["vertices": "3", "colors": "3", "edges": "0-7"]),
        Case(family: "modular-systems", data: ["moduli": "[0, 0]", "residues": "[1, 1]", "divisor": "0", "lower": "0"]),
        Case(family: "modular-systems", data: ["moduli": "[4, 6]", "residues": "[1, 2]", "divisor": "1", "lower": "0"]),
        Case(family: "logic-grid", data: ["people": "-1", "categories": "99999999999", "solution": ""]),
        Case(family: "project-selection",
             data: ["projects": "1,2,3;4", "budgets": "[9223372036854775807, 9223372036854775807]", "requires": "5>0"]),
    ]

    @Test(arguments: cases) func editedDataIsReportedNotTrusted(_ testCase: Case) throws {
        var data = "{"
        for (key, value) in testCase.data.sorted(by: { $0.key < $1.key }) {
            data += (data == "{" ? "" : ",") + "\"\(key)\":\"\(value)\""
        }
        data += "}"
        let line = #"{"family":"\#(testCase.family)","seed":1,"index":0,"response":"\\boxed{1}","data":\#(data)}"#
        let result = try TaskGrading.grade(line: line, number: 1)
        #expect(result.verdict.kind == .unparseable)
        #expect(result.verdict.detail?.contains("missing or malformed") == true, "\(result.verdict.detail ?? "no detail")")
    }

    /// The checks accept what the generators write: every family's own sampled lines still grade as before.
    @Test func sampledLinesStillGradeCorrect() throws {
        let settings: [(String, [String: String])] = [
            ("sum", ["length": "128", "low": "-1000000", "high": "1000000"]), ("division", ["low": "0", "high": "0"]),
            ("count-perfect-squares", ["low": "999000", "high": "1000000"]),
            ("matrix-chain", ["matrices": "20", "max_dimension": "100"]), ("sudoku", ["size": "4"]), ("sudoku", [:]),
            ("graph-coloring", ["vertices": "30"]), ("modular-systems", ["equations": "6", "constraint": "mixed"]),
            ("modular-systems", ["constraint": "range"]), ("logic-grid", ["people": "5", "categories": "4"]),
            ("project-selection", ["projects": "14"]),
        ]
        for (family, overrides) in settings {
            for line in try TaskSampling.sample(familyID: family, overrides: overrides, seed: 3, count: 4) {
                guard case .object(var object) = try JSONValue.parse(line), case .string(let answer)? = object["answer"]
                else { Issue.record("\(family): sampled line is not an object with an answer"); continue }
                object["response"] = .string("\\boxed{\(answer)}")
                let graded = try TaskGrading.grade(line: TaskGradingTests.serialize(.object(object)), number: 1)
                #expect(graded.verdict.kind != .unparseable || !(graded.verdict.detail ?? "").contains("malformed"),
                        "\(family): \(graded.verdict.detail ?? "")")
            }
        }
    }
}
