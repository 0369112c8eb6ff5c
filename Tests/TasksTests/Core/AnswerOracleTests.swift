import Exact
import Foundation
import Testing
@testable import Tasks

/// Answers recomputed by Python from each instance's operands (Scripts/tasks/record_answer_oracle.sh).
@Suite struct AnswerOracleTests {
    @Test func answersMatchPython() throws {
        let text = try FixtureLoading.text("answer-oracle.jsonl")
        var count = 0
        var combinations = Set<String>()
        for (number, line) in JSONLines.numbered(text) {
            guard case .object(let object) = try JSONValue.parse(line),
                case .string(let familyID)? = object["family"], case .number(let seed)? = object["seed"],
                case .number(let index)? = object["index"], case .object(let params)? = object["params"],
                case .string(let answer)? = object["answer"]
            else {
                Issue.record("line \(number) malformed")
                continue
            }
            var overrides: [String: String] = [:]
            for (k, v) in params { if case .string(let s) = v { overrides[k] = s } }
            let family = try TaskRegistry.standard.family(familyID)
            let instance = family.generate(seed: UInt64(seed)!, difficulty: try family.difficulty(overrides), index: Int(index)!)
            #expect(instance.answer == answer, "line \(number) \(familyID) \(overrides): swift \(instance.answer) python \(answer)")
            #expect(family.grade(response: answer, instance: instance).kind == .correct, "line \(number)")
            if familyID == "nupa" { combinations.insert("\(overrides["task"]!)/\(overrides["representation"]!)") }
            count += 1
        }
        #expect(count >= 600)
        #expect(combinations.count == 41)
    }
}
