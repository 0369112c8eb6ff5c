import Testing

@testable import Tasks

struct MatrixChainTests {
    /// Exhaustive minimum over every split (exponential; fine for short chains).
    static func bruteForce(_ p: [Int], _ i: Int, _ j: Int) -> Int {
        if i == j { return 0 }
        return (i..<j).map { bruteForce(p, i, $0) + bruteForce(p, $0 + 1, j) + p[i] * p[$0 + 1] * p[j + 1] }.min()!
    }

    @Test func referenceIsTheExhaustiveOptimum() {
        algoForEachSeed("matrix-chain") { seed, instance in
            let p = AlgorithmTestSupport.ints(instance.data["dimensions"])
            let best = Self.bruteForce(p, 0, p.count - 2)
            guard instance.answer == String(best), p.count == 6 else {
                Issue.record("seed \(seed): \(instance.answer) vs \(best)")
                return false
            }
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && algoExpectGrade(instance, "The minimum cost is \\boxed{\(best)} scalar multiplications.", .correct, seed: seed)
                && algoExpectGrade(instance, String(best + 1 + seed % 50), .incorrect, seed: seed)
                && algoExpectGrade(instance, String(best - 1), .incorrect, seed: seed)
        }
    }

    @Test func patternsAndLengthKnobs() {
        for pattern in ["random", "increasing", "decreasing", "mixed", "sparse"] {
            for n in [2, 3, 8, 20] {
                for seed in 0..<20 {
                    let i = AlgorithmTestSupport.instance("matrix-chain", seed: seed, ["pattern": pattern, "matrices": String(n), "max_dimension": "40"])
                    let p = AlgorithmTestSupport.ints(i.data["dimensions"])
                    #expect(p.count == n + 1 && p.allSatisfy { (1...40).contains($0) })
                    if pattern == "increasing" { #expect(p == p.sorted()) }
                    if pattern == "decreasing" { #expect(p == p.sorted(by: >)) }
                    if n <= 8 { #expect(i.answer == String(Self.bruteForce(p, 0, n - 1))) }
                }
            }
        }
    }

    @Test func suboptimalAnswerExplained() {
        let i = AlgorithmTestSupport.instance("matrix-chain", seed: 4)
        let v = AlgorithmTestSupport.grade(i, String(Int(i.answer)! + 10))
        #expect(v.detail?.contains("is not minimal") == true && v.metrics["cost_ratio"]! > 1)
    }
}
