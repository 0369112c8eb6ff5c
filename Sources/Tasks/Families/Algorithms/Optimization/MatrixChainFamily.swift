/// Matrix-chain ordering (BeyondBench `matrix_chain_multiplication`): the minimum number of scalar multiplications
/// needed to multiply a chain, by the O(n³) dynamic programme. Graded by exact equality.
///
/// Parameters: `matrices` (2...20, default 5), `pattern` (random, increasing, decreasing, mixed, sparse; default random),
/// `max_dimension` (2...100, default 30). data: `dimensions` ([p0, …, pn]).
struct MatrixChainFamily: TaskFamily {
    var id: String { "matrix-chain" }
    var version: Int { 1 }
    var summary: String { "minimum scalar multiplications to multiply a chain of matrices" }
    var parameters: [DifficultyParameter] {
        [
            .integer("matrices", 2...20, default: 5, "number of matrices in the chain"),
            .choice("pattern", ["random", "increasing", "decreasing", "mixed", "sparse"], default: "random",
                    "how dimensions are drawn (sparse: mostly 1–3 with a few large)"),
            .integer("max_dimension", 2...100, default: 30, "largest dimension"),
        ]
    }

    /// Minimum cost over all parenthesisations (dynamic programming).
    static func minimumCost(_ p: [Int]) -> Int {
        let n = p.count - 1
        var cost = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        if n < 2 { return 0 }
        for length in 2...n {
            for i in 0...(n - length) {
                let j = i + length - 1
                cost[i][j] = Int.max
                for k in i..<j { cost[i][j] = min(cost[i][j], cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]) }
            }
        }
        return cost[0][n - 1]
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("matrices"), top = difficulty.int("max_dimension")
        var p = RandomDraws.integers(n + 1, 2...top, &rng)
        switch difficulty.string("pattern") {
        case "increasing": p.sort()
        case "decreasing": p.sort(by: >)
        case "mixed": p = p.enumerated().map { $0 % 2 == 0 ? max(2, $1 / 3) : $1 }
        case "sparse": p = p.map { rng.int(in: 0...9) < 7 ? rng.int(in: 1...min(3, top)) : $0 }
        default: break
        }
        let names = (0..<n).map { "A\($0 + 1) is \(p[$0])×\(p[$0 + 1])" }.joined(separator: ", ")
        let question = "A chain of \(n) matrices must be multiplied: \(names). Multiplying a p×q matrix by a q×r matrix "
            + "costs p·q·r scalar multiplications. Choosing the best parenthesisation, what is the minimum total number "
            + "of scalar multiplications needed to compute A1·A2·…·A\(n)?"
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: String(Self.minimumCost(p)), data: ["dimensions": InstanceBuilder.list(p)])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        // 2...20 matrices of dimensions 1...100 (the parameters' bounds), so no cost overflows.
        guard let dimensions = InstanceBuilder.checkedList(instance.data["dimensions"], count: 3...21, magnitude: 100),
              dimensions.allSatisfy({ $0 >= 1 })
        else { return missingDataVerdict("dimensions") }
        let best = Self.minimumCost(dimensions)
        var verdict = ShapeGrading.integer(response, expected: String(best))
        if verdict.kind == .incorrect, let read = verdict.extracted.flatMap(Int.init), read > best {
            verdict.metrics["cost_ratio"] = Double(read) / Double(max(1, best))
            verdict.detail = "\(read) is not minimal: the optimum is \(best)"
        } else if verdict.kind == .incorrect, let read = verdict.extracted.flatMap(Int.init), read < best {
            verdict.detail = "\(read) is below the minimum \(best): no parenthesisation costs that little"
        }
        return verdict
    }
}
