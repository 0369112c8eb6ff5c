import Testing

@testable import Tasks

struct ProjectSelectionTests {
    struct Problem {
        var rows: [[Int]]; var budgets: [Int]; var minQuality: Int; var maxRisk: Int; var requires: [(Int, Int)]
        func feasible(_ s: Set<Int>) -> Bool {
            for r in 1...3 where s.reduce(0, { $0 + rows[$1][r] }) > budgets[r - 1] { return false }
            if minQuality > 0 && s.reduce(0, { $0 + rows[$1][4] }) < minQuality { return false }
            if maxRisk > 0 && s.reduce(0, { $0 + rows[$1][5] }) > maxRisk { return false }
            return requires.allSatisfy { !s.contains($0.0) || s.contains($0.1) }
        }
        func profit(_ s: Set<Int>) -> Int { s.reduce(0) { $0 + rows[$1][0] } }
    }

    static func problem(_ i: TaskInstance) -> Problem {
        Problem(
            rows: i.data["projects"]!.split(separator: ";").map { $0.split(separator: ",").map { Int($0)! } },
            budgets: AlgorithmTestSupport.ints(i.data["budgets"]), minQuality: Int(i.data["min_quality"]!)!,
            maxRisk: Int(i.data["max_risk"]!)!,
            requires: i.data["requires"]!.split(separator: ",").map { p in
                let v = p.split(separator: ">").map { Int($0)! }
                return (v[0], v[1])
            })
    }

    static func subsets(_ n: Int) -> [Set<Int>] { (0..<(1 << n)).map { m in Set((0..<n).filter { m >> $0 & 1 == 1 }) } }

    @Test(arguments: ["basic", "quality", "dependency", "risk", "mixed"])
    func everyOptimalSetAcceptedAndOthersRejected(constraint: String) {
        algoForEachSeed("project-selection", ["constraint": constraint], seeds: constraint == "basic" ? AlgorithmTestSupport.propertySeeds : 1_000) { seed, instance in
            let p = Self.problem(instance)
            let all = Self.subsets(p.rows.count).filter { p.feasible($0) }
            let best = all.map { p.profit($0) }.max()!
            let reference = Set(AlgorithmTestSupport.ints(instance.answer))
            guard p.feasible(reference), p.profit(reference) == best, p.rows.count == 5 else {
                Issue.record("seed \(seed): reference not optimal")
                return false
            }
            var ok = algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && (seed % 5 != 0 || algoExpectGrade(instance, "I would pick projects \\boxed{\(AlgorithmTestSupport.list(reference.sorted().reversed()))}", .correct, seed: seed))
            // every feasible subset: correct iff optimal (checked on a rotating sample to bound time)
            let optimal = all.filter { p.profit($0) == best }, others = all.filter { p.profit($0) != best }
            for s in optimal + (others.isEmpty ? [] : [others[seed % others.count]]) {
                ok = ok && algoExpectGrade(instance, AlgorithmTestSupport.list(s.sorted()), p.profit(s) == best ? .correct : .incorrect, seed: seed)
            }
            let infeasible = Set(0..<p.rows.count)
            if !p.feasible(infeasible) { ok = ok && algoExpectGrade(instance, AlgorithmTestSupport.list(infeasible.sorted()), .incorrect, seed: seed) }
            return ok
        }
    }

    @Test func knobsAndPartialCredit() {
        for constraint in ["basic", "quality", "dependency", "risk", "mixed"] {
            for n in [3, 8, 12] {
                for seed in 0..<6 {
                    let i = AlgorithmTestSupport.instance("project-selection", seed: seed, ["constraint": constraint, "projects": String(n)])
                    let p = Self.problem(i)
                    #expect(p.rows.count == n)
                    #expect((p.minQuality > 0) == (constraint == "quality" || constraint == "mixed"))
                    #expect((p.maxRisk > 0) == (constraint == "risk" || constraint == "mixed"))
                    #expect(p.requires.isEmpty == !(constraint == "dependency" || constraint == "mixed"))
                }
            }
        }
        let i = AlgorithmTestSupport.instance("project-selection", seed: 11)
        let p = Self.problem(i)
        let reference = Set(AlgorithmTestSupport.ints(i.answer))
        if let drop = reference.first, p.feasible(reference.subtracting([drop])) {
            let v = AlgorithmTestSupport.grade(i, AlgorithmTestSupport.list(reference.subtracting([drop]).sorted()))
            #expect(v.kind == .incorrect && v.score > 0 && v.score < 1 && v.detail?.hasPrefix("feasible") == true)
        }
    }
}
