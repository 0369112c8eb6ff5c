/// Project selection under resource limits (BeyondBench `constraint_optimization`; fixed: the profit must EQUAL the
/// optimum, not be within 95 %). Any optimal set is accepted; a feasible but suboptimal set earns profit/optimum.
///
/// Parameters: `projects` (3...14, default 5), `constraint` (basic: three resource budgets; quality: also a minimum
/// total quality; dependency: also "i requires j" pairs; risk: also a maximum total risk; mixed: all of them).
/// Answer: the chosen 0-based project indices, ascending, e.g. `[0, 2, 3]` (`[]` for none).
/// data: `projects` (rows `profit,c1,c2,c3,quality,risk` joined by `;`), `budgets` ([b1, b2, b3]),
/// `min_quality`, `max_risk` (0 when unused), `requires` ("i>j,…": i requires j).
struct ProjectSelectionFamily: TaskFamily {
    var id: String { "project-selection" }
    var version: Int { 1 }
    var summary: String { "choose projects maximising profit within budgets and side constraints (exact optimum)" }
    var parameters: [DifficultyParameter] {
        [
            .integer("projects", 3...14, default: 5, "number of candidate projects"),
            .choice("constraint", ["basic", "quality", "dependency", "risk", "mixed"], default: "basic", "side constraints"),
        ]
    }

    struct Problem {
        var rows: [[Int]]  // profit, c1, c2, c3, quality, risk
        var budgets: [Int]
        var minQuality: Int
        var maxRisk: Int
        var requires: [(Int, Int)]

        /// nil when feasible, else the first violated constraint.
        func violation(_ chosen: [Int]) -> String? {
            let set = Set(chosen)
            for r in 0..<3 {
                let used = chosen.reduce(0) { $0 + rows[$1][r + 1] }
                if used > budgets[r] { return "resource \(r + 1) uses \(used), budget \(budgets[r])" }
            }
            let quality = chosen.reduce(0) { $0 + rows[$1][4] }
            if minQuality > 0, quality < minQuality { return "total quality \(quality) is below \(minQuality)" }
            let risk = chosen.reduce(0) { $0 + rows[$1][5] }
            if maxRisk > 0, risk > maxRisk { return "total risk \(risk) exceeds \(maxRisk)" }
            for (i, j) in requires where set.contains(i) && !set.contains(j) { return "project \(i) requires project \(j)" }
            return nil
        }

        func profit(_ chosen: [Int]) -> Int { chosen.reduce(0) { $0 + rows[$1][0] } }

        /// Best profit and the first optimal set in bitmask order, by exhaustive search over the 2ⁿ subsets.
        func optimum() -> (Int, [Int])? {
            var best = -1, bestMask = 0
            let n = rows.count
            var requireMask = [Int](repeating: 0, count: n)
            for (i, j) in requires { requireMask[i] |= 1 << j }
            for mask in 0..<(1 << n) {
                var sums = (0, 0, 0, 0, 0, 0)  // profit, c1, c2, c3, quality, risk
                var ok = true
                for i in 0..<n where mask >> i & 1 == 1 {
                    let r = rows[i]
                    sums.0 += r[0]; sums.1 += r[1]; sums.2 += r[2]; sums.3 += r[3]; sums.4 += r[4]; sums.5 += r[5]
                    if mask & requireMask[i] != requireMask[i] { ok = false; break }
                }
                guard ok, sums.1 <= budgets[0], sums.2 <= budgets[1], sums.3 <= budgets[2] else { continue }
                if minQuality > 0 && sums.4 < minQuality { continue }
                if maxRisk > 0 && sums.5 > maxRisk { continue }
                if sums.0 > best { (best, bestMask) = (sums.0, mask) }
            }
            return best < 0 ? nil : (best, (0..<n).filter { bestMask >> $0 & 1 == 1 })
        }
    }

    /// Whether `problem` has the shape the generator writes: 1...14 rows of 6 values within ±10⁶, three budgets
    /// within ±10⁹, requirements between existing projects. Anything else could overflow or index out of range.
    static func isValid(_ problem: Problem) -> Bool {
        let n = problem.rows.count
        return (1...14).contains(n) && problem.rows.allSatisfy { $0.count == 6 && $0.allSatisfy { abs($0) <= 1_000_000 } }
            && problem.budgets.count == 3 && problem.budgets.allSatisfy { abs($0) <= 1_000_000_000 }
            && problem.requires.allSatisfy { (0..<n).contains($0.0) && (0..<n).contains($0.1) }
    }

    static func decode(_ data: [String: String]) -> Problem {
        Problem(
            rows: (data["projects"] ?? "").split(separator: ";").map { $0.split(separator: ",").compactMap { Int($0) } },
            budgets: InstanceBuilder.checkedList(data["budgets"], count: 3...3, magnitude: 1_000_000_000) ?? [], minQuality: Int(data["min_quality"] ?? "") ?? 0,
            maxRisk: Int(data["max_risk"] ?? "") ?? 0,
            requires: (data["requires"] ?? "").split(separator: ",").compactMap { pair in
                let p = pair.split(separator: ">").compactMap { Int($0) }
                return p.count == 2 ? (p[0], p[1]) : nil
            })
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("projects"), constraint = difficulty.string("constraint")
        var problem: Problem
        var best: (Int, [Int])
        repeat {
            let rows = (0..<n).map { _ in
                [rng.int(in: 5...60), rng.int(in: 1...20), rng.int(in: 1...20), rng.int(in: 1...20), rng.int(in: 1...10), rng.int(in: 1...10)]
            }
            let budgets = (1...3).map { r in max(1, rows.reduce(0) { $0 + $1[r] } * rng.int(in: 35...60) / 100) }
            problem = Problem(rows: rows, budgets: budgets, minQuality: 0, maxRisk: 0, requires: [])
            if constraint == "quality" || constraint == "mixed" {
                problem.minQuality = max(1, rows.reduce(0) { $0 + $1[4] } * rng.int(in: 20...40) / 100)
            }
            if constraint == "risk" || constraint == "mixed" {
                problem.maxRisk = max(1, rows.reduce(0) { $0 + $1[5] } * rng.int(in: 25...45) / 100)
            }
            if constraint == "dependency" || constraint == "mixed" {
                for _ in 0..<rng.int(in: 1...min(3, n - 1)) {
                    let pair = RandomDraws.distinct(2, 0...(n - 1), &rng)
                    if !problem.requires.contains(where: { $0 == (pair[0], pair[1]) || $0 == (pair[1], pair[0]) }) {
                        problem.requires.append((pair[0], pair[1]))
                    }
                }
            }
            guard let found = problem.optimum(), !found.1.isEmpty else { continue }
            best = found
            break
        } while true
        var question = "A company can fund some of these \(n) projects (numbered from 0). Each has a profit and uses three resources:\n"
        question += problem.rows.enumerated().map { i, r in
            var line = "Project \(i): profit \(r[0]), resource 1: \(r[1]), resource 2: \(r[2]), resource 3: \(r[3])"
            if problem.minQuality > 0 { line += ", quality \(r[4])" }
            if problem.maxRisk > 0 { line += ", risk \(r[5])" }
            return line
        }.joined(separator: "\n")
        question += "\nBudgets: resource 1 at most \(problem.budgets[0]), resource 2 at most \(problem.budgets[1]), "
            + "resource 3 at most \(problem.budgets[2])."
        if problem.minQuality > 0 { question += " The chosen projects' total quality must be at least \(problem.minQuality)." }
        if problem.maxRisk > 0 { question += " Their total risk must be at most \(problem.maxRisk)." }
        for (i, j) in problem.requires { question += " Project \(i) can only be chosen if project \(j) is chosen too." }
        question += "\nWhich projects should be chosen to maximise the total profit? Give the project numbers as a list, e.g. [0, 2]."
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: InstanceBuilder.list(best.1),
            data: [
                "projects": problem.rows.map { $0.map(String.init).joined(separator: ",") }.joined(separator: ";"),
                "budgets": InstanceBuilder.list(problem.budgets), "min_quality": String(problem.minQuality),
                "max_risk": String(problem.maxRisk), "requires": problem.requires.map { "\($0.0)>\($0.1)" }.joined(separator: ","),
            ])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        let problem = Self.decode(instance.data)
        guard Self.isValid(problem) else { return missingDataVerdict("projects") }
        guard let (best, _) = problem.optimum() else { return .unparseable(detail: "instance has no feasible selection") }
        let (text, _) = ResponseScanner.listText(response)
        let tokens = ResponseScanner.numbers(in: text, grouping: false)
        if tokens.isEmpty && !(text.allSatisfy(\.isWhitespace) && response.contains("[")) {
            return .unparseable(detail: "no list of project numbers found")
        }
        let chosen = tokens.compactMap { $0.integerText.flatMap(Int.init) }
        let shown = InstanceBuilder.list(chosen)
        if let bad = chosen.first(where: { !(0..<problem.rows.count).contains($0) }) {
            return .incorrect(extracted: shown, detail: "there is no project \(bad)")
        }
        if Set(chosen).count != chosen.count { return .incorrect(extracted: shown, detail: "a project is listed twice") }
        if let violation = problem.violation(chosen) { return .incorrect(extracted: shown, detail: "infeasible: " + violation) }
        let profit = problem.profit(chosen)
        let ratio = Double(profit) / Double(max(1, best))
        if profit == best { return .correct(extracted: shown, metrics: ["profit_ratio": 1]) }
        return .incorrect(
            extracted: shown, score: ratio, detail: "feasible, profit \(profit) but the optimum is \(best)",
            metrics: ["profit_ratio": ratio])
    }
}
