import Testing

@testable import Tasks

struct BooleanSATTests {
    static func clauses(_ i: TaskInstance) -> [[Int]] {
        (i.data["clauses"] ?? "").split(separator: ";").map { $0.split(separator: ",").map { Int($0)! } }
    }

    static func assignment(_ answer: String) -> [Bool] {
        [false] + answer.split(separator: ",").map { $0.hasSuffix("True") }
    }

    static func satisfies(_ a: [Bool], _ clauses: [[Int]]) -> Bool {
        clauses.allSatisfy { c in c.contains { $0 > 0 ? a[$0] : !a[-$0] } }
    }

    static func text(_ a: [Bool]) -> String {
        (1..<a.count).map { "x\($0)=\(a[$0] ? "True" : "False")" }.joined(separator: ", ")
    }

    @Test func referenceSatisfiesAndBrokenAssignmentsRejected() {
        for type in ["random-3", "horn", "xor", "graph", "mixed"] {
            algoForEachSeed("boolean-sat", ["clause_type": type], seeds: type == "random-3" ? AlgorithmTestSupport.propertySeeds : 2_000) { seed, instance in
                let a = Self.assignment(instance.answer), c = Self.clauses(instance)
                guard a.count == 7, c.count == 18, Self.satisfies(a, c) else {
                    Issue.record("seed \(seed) \(type): reference does not satisfy")
                    return false
                }
                var ok = algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                    && (seed % 5 != 0 || algoExpectGrade(instance, "\\boxed{\\{1: \(a[1] ? "True" : "False")" + (2...6).map { ", \($0): \(a[$0] ? "T" : "F")" }.joined() + "\\}}", .correct, seed: seed))
                for v in [1 + seed % 6] {
                    var flipped = a
                    flipped[v].toggle()
                    let expected: VerdictKind = Self.satisfies(flipped, c) ? .correct : .incorrect
                    ok = ok && algoExpectGrade(instance, Self.text(flipped), expected, seed: seed)
                }
                return ok
            }
        }
    }

    @Test func everySatisfyingAssignmentAccepted() {
        var others = 0
        algoForEachSeed("boolean-sat", ["clause_type": "mixed"], seeds: 300) { seed, instance in
            let c = Self.clauses(instance)
            for mask in 0..<64 {
                let a = [false] + (0..<6).map { mask >> $0 & 1 == 1 }
                let kind: VerdictKind = Self.satisfies(a, c) ? .correct : .incorrect
                if kind == .correct && Self.text(a) != instance.answer { others += 1 }
                if !algoExpectGrade(instance, "<answer>" + Self.text(a) + "</answer>", kind, seed: seed) { return false }
            }
            return true
        }
        #expect(others > 100)
    }

    @Test func knobsChangeVariablesAndClauses() {
        for n in [3, 10, 20] {
            for ratio in [10, 45, 60] {
                for type in ["random-3", "horn", "xor", "graph", "mixed"] {
                    for seed in 0..<10 {
                        let instance = AlgorithmTestSupport.instance(
                            "boolean-sat", seed: seed, ["variables": String(n), "clause_ratio_tenths": String(ratio), "clause_type": type])
                        let c = Self.clauses(instance)
                        #expect(c.count == n * ratio / 10)
                        #expect(c.allSatisfy { $0.allSatisfy { abs($0) >= 1 && abs($0) <= n } })
                        if type == "random-3" || type == "xor" { #expect(c.allSatisfy { $0.count == 3 }) }
                        if type == "horn" { #expect(c.allSatisfy { $0.filter { $0 > 0 }.count <= 1 }) }
                        if type == "graph" { #expect(c.allSatisfy { $0.count == 2 }) }
                        #expect(Self.satisfies(Self.assignment(instance.answer), c))
                    }
                }
            }
        }
    }

    @Test func missingVariableIsReported() {
        let instance = AlgorithmTestSupport.instance("boolean-sat", seed: 9)
        let v = AlgorithmTestSupport.grade(instance, "x1=True")
        #expect(v.kind == .incorrect && v.detail?.contains("has no value") == true)
        #expect(AlgorithmTestSupport.grade(instance, "I give up").kind == .unparseable)
    }
}
