/// Boolean satisfiability in CNF with a planted satisfying assignment (BeyondBench `boolean_sat`: horn, xor,
/// random 3-SAT, graph-based, mixed). Any satisfying assignment is accepted.
///
/// Parameters: `clause_type` (random-3, horn, xor, graph, mixed; default random-3), `variables` (3...20, default 6),
/// `clause_ratio_tenths` (clauses per variable × 10, 10...60, default 30 → 18 clauses for 6 variables).
/// Clause types: random-3 = 3 distinct variables; horn = 1–3 literals with at most one positive; xor = parity
/// constraints over 3 variables written as their 4 CNF clauses; graph = 2-literal clauses along the edges of a random
/// graph; mixed = each clause drawn from random-3, horn or graph.
/// Answer: `x1=True, x2=False, …`; `{1: True, 2: False}`, `x1 = 1`, `T`/`F` are read too.
/// data: `variables`, `clauses` (clauses separated by `;`, literals by `,`, negative = negated).
struct BooleanSATFamily: TaskFamily {
    var id: String { "boolean-sat" }
    var version: Int { 1 }
    var summary: String { "find a satisfying assignment of a CNF formula (any satisfying assignment accepted)" }
    var parameters: [DifficultyParameter] {
        [
            .choice("clause_type", ["random-3", "horn", "xor", "graph", "mixed"], default: "random-3", "how clauses are formed"),
            .integer("variables", 3...20, default: 6, "number of variables"),
            .integer("clause_ratio_tenths", 10...60, default: 30, "clauses per variable, times 10"),
        ]
    }

    static func satisfied(_ clause: [Int], _ value: [Bool]) -> Bool {
        clause.contains { $0 > 0 ? value[$0] : !value[-$0] }
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("variables"), type = difficulty.string("clause_type")
        let count = max(1, n * difficulty.int("clause_ratio_tenths") / 10)
        let planted = [false] + (0..<n).map { _ in rng.bool() }
        func distinctVariables(_ k: Int) -> [Int] { RandomDraws.distinct(min(k, n), 1...n, &rng) }
        func literal(_ v: Int, _ positive: Bool) -> Int { positive ? v : -v }
        var clauses: [[Int]] = []
        while clauses.count < count {
            let kind = type == "mixed" ? rng.pick(["random-3", "horn", "graph"]) : type
            switch kind {
            case "horn":
                // at most one positive literal, satisfied by the planted assignment
                let vars = distinctVariables(rng.int(in: 1...3))
                for _ in 0..<20 {
                    let positiveAt = rng.int(in: -1...(vars.count - 1))
                    let clause = vars.enumerated().map { literal($1, $0 == positiveAt) }
                    if Self.satisfied(clause, planted) { clauses.append(clause); break }
                }
            case "xor":
                let vars = distinctVariables(3)
                let parity = vars.reduce(false) { $0 != planted[$1] }
                // x⊕y⊕z = parity ⇔ forbid the 4 sign patterns with the wrong parity
                for mask in 0..<8 where clauses.count < count {
                    let bits = (0..<vars.count).map { mask >> $0 & 1 == 1 }
                    if bits.reduce(false, { $0 != $1 }) != parity {
                        clauses.append(vars.enumerated().map { literal($1, !bits[$0]) })
                    }
                }
            case "graph":
                let pair = distinctVariables(2)
                var clause = pair.map { literal($0, rng.bool()) }
                if !Self.satisfied(clause, planted) { clause[0] = -clause[0] }
                clauses.append(clause)
            default:
                let vars = distinctVariables(3)
                var clause = vars.map { literal($0, rng.bool()) }
                if !Self.satisfied(clause, planted) {
                    let flip = rng.int(in: 0...(clause.count - 1))
                    clause[flip] = -clause[flip]
                }
                clauses.append(clause)
            }
        }
        let shown = clauses.enumerated().map { i, c in
            "\(i + 1). (" + c.map { $0 > 0 ? "x\($0)" : "NOT x\(-$0)" }.joined(separator: " OR ") + ")"
        }
        let question = "Find values (True or False) for the variables x1 to x\(n) that make every one of these \(clauses.count) "
            + "clauses true (each clause is an OR of its literals; all clauses must hold):\n" + shown.joined(separator: "\n")
            + "\n\nGive your answer as x1=True, x2=False, … listing every variable."
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: (1...n).map { "x\($0)=\(planted[$0] ? "True" : "False")" }.joined(separator: ", "),
            data: [
                "variables": String(n),
                "clauses": clauses.map { $0.map(String.init).joined(separator: ",") }.joined(separator: ";"),
            ])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        // At most 1000 variables (the parameter allows 3...20); every clause a non-empty list of literals ±1…±n.
        guard let n = instance.data.intValue("variables"), (1...1000).contains(n) else { return missingDataVerdict("variables") }
        guard let clauseText = instance.data["clauses"], !clauseText.isEmpty else { return missingDataVerdict("clauses") }
        let literals = clauseText.split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) } }
        guard literals.allSatisfy({ !$0.isEmpty && $0.allSatisfy { l in l.map { $0 != 0 && $0 >= -n && $0 <= n } == true } })
        else { return missingDataVerdict("clauses") }
        let clauses = literals.map { $0.map { $0! } }
        let region = ResponseScanner.region(response)
        var value = [Bool?](repeating: nil, count: n + 1)
        for (key, word) in AssignmentPairs.read(region.text, keyIsNumber: true) {
            guard let v = Int(key), v >= 1, v <= n else { continue }
            switch word.lowercased() {
            case "true", "t", "1", "yes": value[v] = true
            case "false", "f", "0", "no": value[v] = false
            default: continue
            }
        }
        let assigned = value.dropFirst().compactMap { $0 }.count
        guard assigned > 0 else { return .unparseable(detail: "no variable assignments (x1=True, …) found") }
        let shown = (1...n).map { "x\($0)=\(value[$0].map { $0 ? "True" : "False" } ?? "?")" }.joined(separator: ", ")
        let mentioned = Set(clauses.joined().map(abs))
        if let missing = mentioned.sorted().first(where: { value[$0] == nil }) {
            return .incorrect(extracted: shown, detail: "x\(missing) has no value")
        }
        let full = value.map { $0 ?? false }
        let failing = clauses.indices.filter { !Self.satisfied(clauses[$0], full) }
        let fraction = Double(clauses.count - failing.count) / Double(max(1, clauses.count))
        if let first = failing.first {
            return .incorrect(
                extracted: shown, score: fraction, detail: "clause \(first + 1) is false (\(failing.count) of \(clauses.count) clauses fail)",
                metrics: ["satisfied_clauses": fraction])
        }
        return .correct(extracted: shown, metrics: ["satisfied_clauses": 1])
    }
}
