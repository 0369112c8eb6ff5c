import Foundation
import Testing
@testable import Answers

/// Agreement with Math-Verify, an independent checker (LaTeX parsed by ANTLR, compared with SymPy), on the
/// hand-written corpus `Scripts/oracle/math_verify_corpus.jsonl`. Each line holds our verdict (`expected`) and
/// Math-Verify's (`math_verify`, recorded by `Scripts/oracle/math_verify_agreement.py --record`); lines where they
/// differ are marked `math_verify_error` (discussed in Docs/answer-checking.md). Reckon must agree with Math-Verify on
/// every line where Math-Verify is right, and with the hand-written verdict on the others.
@Suite struct MathVerifyAgreementTests {
    struct Line: Decodable, Sendable {
        let id: Int
        let `class`: String
        let gold: String
        let prediction: String
        let expected: Bool
        let math_verify: Bool?
        let math_verify_error: Bool?
    }

    static let corpusURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/oracle/math_verify_corpus.jsonl")

    static func lines() throws -> [Line] {
        let text = try String(contentsOf: corpusURL, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    @Test func corpusIsRecordedAndConsistent() throws {
        let lines = try Self.lines()
        #expect(lines.count >= 200)
        #expect(Set(lines.map(\.class)).count >= 7)
        for line in lines {
            guard let recorded = line.math_verify else {
                Issue.record("line \(line.id) has no Math-Verify verdict; run the script with --record")
                continue
            }
            // The error mark is exactly "Math-Verify differs from the hand-written verdict".
            #expect(line.math_verify_error == (recorded != line.expected), "line \(line.id)")
        }
    }

    @Test func reckonAgreesWhereMathVerifyIsRight() throws {
        let checker = AnswerChecker()
        var agreed = 0, oracleRight = 0
        for line in try Self.lines() {
            guard let oracle = line.math_verify else { continue }
            let ours = checker.check(gold: line.gold, response: line.prediction)
            if line.math_verify_error == true {
                #expect(ours.equivalent == line.expected, "line \(line.id) (\(line.class)), Math-Verify wrong: gold \(line.gold) response \(line.prediction) read \(ours.predictionExtracted ?? "nothing")")
            } else {
                oracleRight += 1
                if ours.equivalent == oracle { agreed += 1 }
                #expect(ours.equivalent == oracle, "line \(line.id) (\(line.class)): gold \(line.gold) response \(line.prediction) read \(ours.predictionExtracted ?? "nothing"), Math-Verify says \(oracle)")
            }
        }
        #expect(agreed == oracleRight)
    }
}
