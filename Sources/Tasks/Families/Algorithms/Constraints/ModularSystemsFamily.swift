/// Systems of congruences (BeyondBench `modular_systems`; fixed: the SMALLEST solution is required and checked).
///
/// Parameters: `equations` (2...6, default 3), `constraint` (basic: x ≡ aᵢ (mod mᵢ) with pairwise-coprime moduli ≤ 50;
/// prime: prime moduli; divisible: also x divisible by d; range: the smallest solution ≥ a lower bound L;
/// mixed: divisible and range). Answer: the smallest non-negative solution (or the smallest ≥ L).
/// data: `moduli`, `residues`, `divisor` (1 when none), `lower` (0 when none).
struct ModularSystemsFamily: TaskFamily {
    var id: String { "modular-systems" }
    var version: Int { 1 }
    var summary: String { "smallest integer satisfying a system of congruences (Chinese remainder theorem)" }
    var parameters: [DifficultyParameter] {
        [
            .integer("equations", 2...6, default: 3, "number of congruences"),
            .choice("constraint", ["basic", "prime", "divisible", "range", "mixed"], default: "basic", "extra conditions"),
        ]
    }

    static let primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]

    /// Smallest x ≥ lower with x ≡ residues[i] (mod moduli[i]) for pairwise-coprime moduli (incremental CRT).
    static func smallest(_ moduli: [Int], _ residues: [Int], lower: Int) -> Int {
        var x = 0, m = 1
        for (mi, ai) in zip(moduli, residues) {
            while x % mi != ai { x += m }
            m *= mi
        }
        if x < lower { x += (lower - x + m - 1) / m * m }
        return x
    }

    /// Moduli ≥ 1 and pairwise coprime, each residue in `0..<modulus`, `0 ≤ lower ≤ 5 · product`.
    static func isValidSystem(_ moduli: [Int], _ residues: [Int], lower: Int) -> Bool {
        guard moduli.allSatisfy({ $0 >= 1 }), zip(moduli, residues).allSatisfy({ (0..<$0).contains($1) }) else { return false }
        for i in moduli.indices { for j in moduli.indices where i < j && IntegerMath.gcd(moduli[i], moduli[j]) != 1 { return false } }
        return (0...(5 * moduli.reduce(1, *))).contains(lower)
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let count = difficulty.int("equations"), constraint = difficulty.string("constraint")
        let pool = constraint == "prime" ? Self.primes : Array(2...50)
        var moduli: [Int] = []
        let wantsDivisor = constraint == "divisible" || constraint == "mixed"
        while moduli.count < count + (wantsDivisor ? 1 : 0) {
            let m = rng.pick(pool)
            if moduli.allSatisfy({ IntegerMath.gcd($0, m) == 1 }) { moduli.append(m) }
        }
        var divisor = 1
        if wantsDivisor { divisor = moduli.removeLast() }
        let residues = moduli.map { rng.int(in: 0...($0 - 1)) }
        let product = moduli.reduce(divisor, *)
        let lower = constraint == "range" || constraint == "mixed" ? rng.int(in: product...(5 * product)) : 0
        let answer = Self.smallest(moduli + (divisor > 1 ? [divisor] : []), residues + (divisor > 1 ? [0] : []), lower: lower)
        var question = "Find the smallest " + (lower > 0 ? "integer x ≥ \(lower)" : "non-negative integer x") + " such that:\n"
        question += zip(moduli, residues).map { "x ≡ \($1) (mod \($0))" }.joined(separator: "\n")
        if divisor > 1 { question += "\nx is divisible by \(divisor)" }
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question, answer: String(answer),
            data: [
                "moduli": InstanceBuilder.list(moduli), "residues": InstanceBuilder.list(residues),
                "divisor": String(divisor), "lower": String(lower),
            ])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        // What the generator writes: up to 7 pairwise-coprime moduli and a divisor in 1...50, residues below their
        // modulus, 0 ≤ lower ≤ 5 · product. Anything else could loop or overflow in `smallest`.
        guard let moduli = InstanceBuilder.checkedList(instance.data["moduli"], count: 1...7, magnitude: 50),
              let residues = InstanceBuilder.checkedList(instance.data["residues"], count: moduli.count...moduli.count, magnitude: 50),
              let divisor = Int(instance.data["divisor"] ?? "1"), (1...50).contains(divisor),
              let lower = Int(instance.data["lower"] ?? "0"),
              Self.isValidSystem(moduli + [divisor], residues, lower: lower)
        else { return missingDataVerdict("moduli") }
        let best = Self.smallest(moduli + [divisor], residues + [0], lower: lower)
        var verdict = ShapeGrading.integer(response, expected: String(best))
        guard verdict.kind == .incorrect, let x = verdict.extracted.flatMap(Int.init) else { return verdict }
        if let i = moduli.indices.first(where: { ((x % moduli[$0]) + moduli[$0]) % moduli[$0] != residues[$0] }) {
            verdict.detail = "x = \(x) fails x ≡ \(residues[i]) (mod \(moduli[i]))"
        } else if x % divisor != 0 {
            verdict.detail = "x = \(x) is not divisible by \(divisor)"
        } else if x < lower {
            verdict.detail = "x = \(x) is below the lower bound \(lower)"
        } else {
            verdict.detail = "x = \(x) satisfies every condition but is not the smallest (\(best))"
            verdict.score = 0.5
        }
        return verdict
    }
}
