import Exact
import Testing
@testable import Tasks

/// Issue 13, part 3: every registered family grades scrambled, truncated and hostile instance `data`, reference
/// answers and responses with a verdict (or, through `reckon tasks grade`, a clear error), never a crash. One
/// hostile case of each kind per family keeps the suite fast in debug builds.
@Suite struct GradingRobustnessTests {
    /// A huge number, 100,000-deep brackets, and a 1 MB line.
    static let hostile: [(name: String, text: String)] = [
        ("huge number", "9" + String(repeating: "0", count: 400)),
        ("deep brackets", String(repeating: "[", count: 100_000) + "1" + String(repeating: "]", count: 100_000)),
        ("1 MB line", "[" + String(repeating: "7, ", count: 349_525) + "7]"),
    ]

    static let familyIDs = TaskRegistry.standard.ids

    /// `data` whose values are swapped between keys (each key gets the next key's value) or cut in half.
    static func edited(_ data: [String: String]) -> [(name: String, data: [String: String])] {
        let keys = data.keys.sorted()
        var scrambled: [String: String] = [:]
        for (position, key) in keys.enumerated() { scrambled[key] = data[keys[(position + 1) % keys.count]] }
        var truncated: [String: String] = [:]
        for (key, value) in data { truncated[key] = String(value.prefix(value.count / 2)) }
        return [("scrambled", scrambled), ("truncated", truncated), ("emptied", [:])]
    }

    static func check(_ verdict: Verdict, _ what: String) {
        #expect((0...1).contains(verdict.score), "\(what): score \(verdict.score)")
        #expect(verdict.kind != .correct || verdict.score > 0, "\(what): correct with score 0")
    }

    @Test(arguments: familyIDs) func editedAndHostileDataGetAVerdict(familyID: String) throws {
        let family = try TaskRegistry.standard.family(familyID)
        let instance = family.generate(seed: 11, difficulty: family.defaultDifficulty, index: 0)
        let original = family.grade(response: instance.answer, instance: instance)
        #expect(original.kind == .correct, "\(familyID): \(original)")
        for (name, data) in Self.edited(instance.data) {
            var edited = instance
            edited.data = data
            let verdict = family.grade(response: instance.answer, instance: edited)
            Self.check(verdict, "\(familyID) \(name) data")
            // A family that needs its data says so when the data is gone, instead of guessing a verdict.
            if name == "emptied" && verdict != original {
                #expect(verdict.kind == .unparseable && (verdict.detail ?? "").contains("data"), "\(familyID): \(verdict)")
            }
        }
        // Every data field hostile at once, one kind at a time.
        for (name, text) in Self.hostile {
            var edited = instance
            for key in instance.data.keys { edited.data[key] = text }
            Self.check(family.grade(response: instance.answer, instance: edited), "\(familyID) \(name) data")
        }
    }

    @Test(arguments: familyIDs) func hostileAnswersAndResponsesGetAVerdict(familyID: String) throws {
        let family = try TaskRegistry.standard.family(familyID)
        let instance = family.generate(seed: 11, difficulty: family.defaultDifficulty, index: 0)
        for (name, text) in Self.hostile {
            // (A 1 MB list of 7s may rightly grade correct where the answer is 7: only the verdict's form is checked.)
            Self.check(family.grade(response: text, instance: instance), "\(familyID) \(name) response")
            var edited = instance
            edited.answer = text
            Self.check(family.grade(response: "\\boxed{1}", instance: edited), "\(familyID) \(name) answer")
        }
        // A truncated reference answer.
        var cut = instance
        cut.answer = String(instance.answer.prefix(instance.answer.count / 2))
        Self.check(family.grade(response: instance.answer, instance: cut), "\(familyID) truncated answer")
    }

    /// The same through `reckon tasks grade`'s line reader: a `data` field of the wrong JSON type is a clear
    /// line error; string data of any shape is graded.
    @Test(arguments: familyIDs) func gradeLinesWithForeignDataAnswer(familyID: String) throws {
        let wrongType = #"{"family":"\#(familyID)","seed":1,"index":0,"response":"1","data":{"x":[1,2]}}"#
        do {
            _ = try TaskGrading.grade(line: wrongType, number: 5)
            Issue.record("\(familyID): data of the wrong type was accepted")
        } catch {
            #expect(error.description.hasPrefix("line 5:") && error.description.contains("must be a string"),
                    "\(error.description)")
        }
        let deep = String(repeating: "[", count: 100_000)
        let hostile = #"{"family":"\#(familyID)","seed":1,"index":0,"response":"\#(deep)","data":{"numbers":"\#(deep)","size":"-1"}}"#
        let result = try TaskGrading.grade(line: hostile, number: 1)
        Self.check(result.verdict, "\(familyID) hostile line")
    }

    /// Edited data that trapped the process (an index out of range, a negative count, an overflow, an empty range)
    /// or was trusted (an emptied graph graded any list "correct"), graded with the instance's own answer so that
    /// grading reaches the data. Each must now grade as unparseable, naming the malformed field.
    struct EditedCase: CustomTestStringConvertible, Sendable {
        let family: String
        let data: [String: String]
        var response: String? = nil
        var testDescription: String { "\(family) \(data)" }
    }

    static let editedCases: [EditedCase] = [
        EditedCase(family: "n-queens", data: ["size": "8", "given": "99:1"]),
        EditedCase(family: "n-queens", data: ["given": ""]),
        EditedCase(family: "boolean-sat", data: ["variables": "-5", "clauses": "1,2"]),
        EditedCase(family: "boolean-sat", data: ["variables": "3", "clauses": "1,-9223372036854775808"]),
        EditedCase(family: "cryptarithmetic", data: ["left": String(repeating: "A", count: 25), "right": "B", "result": "C", "operation": "+"],
                   response: "A=9, B=1, C=2"),
        EditedCase(family: "logic-grid", data: ["people": "3", "categories": "0", "solution": ""]),
        EditedCase(family: "graph-coloring", data: [:]),
        EditedCase(family: "sudoku", data: [:]),
        EditedCase(family: "sudoku", data: ["size": "4", "constraint": "standard", "puzzle": "1234"]),
    ]

    @Test(arguments: editedCases) func editedDataIsReported(_ edited: EditedCase) throws {
        let family = try TaskRegistry.standard.family(edited.family)
        var instance = family.generate(seed: 1, difficulty: family.defaultDifficulty, index: 0)
        instance.data = edited.data
        let verdict = family.grade(response: edited.response ?? instance.answer, instance: instance)
        #expect(verdict.kind == .unparseable && (verdict.detail ?? "").contains("missing or malformed"), "\(verdict)")
    }

    /// Words of 18 nines multiply past 64 bits: the equation does not hold (it trapped before).
    @Test func cryptarithmeticOverflowDoesNotHold() throws {
        let family = try TaskRegistry.standard.family("cryptarithmetic")
        var instance = family.generate(seed: 1, difficulty: family.defaultDifficulty, index: 0)
        let nines = String(repeating: "J", count: 18)
        instance.data = ["left": nines, "right": nines, "result": "K", "operation": "*"]
        let verdict = family.grade(response: "J=9, K=1", instance: instance)
        #expect(verdict.kind == .incorrect && (verdict.detail ?? "").contains("does not hold"), "\(verdict)")
    }
}
