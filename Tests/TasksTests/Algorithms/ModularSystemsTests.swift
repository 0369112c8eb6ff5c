import Testing

@testable import Tasks

struct ModularSystemsTests {
    struct System { var moduli: [Int]; var residues: [Int]; var divisor: Int; var lower: Int }

    static func system(_ i: TaskInstance) -> System {
        System(moduli: AlgorithmTestSupport.ints(i.data["moduli"]), residues: AlgorithmTestSupport.ints(i.data["residues"]),
               divisor: Int(i.data["divisor"]!)!, lower: Int(i.data["lower"]!)!)
    }

    static func satisfies(_ x: Int, _ s: System) -> Bool {
        x >= s.lower && x % s.divisor == 0 && zip(s.moduli, s.residues).allSatisfy { x % $0 == $1 }
    }

    /// Smallest solution by scanning the progression of the largest modulus from the lower bound.
    static func smallest(_ s: System) -> Int {
        let i = s.moduli.indices.max(by: { s.moduli[$0] < s.moduli[$1] })!
        let m = s.moduli[i]
        var x = s.lower + ((s.residues[i] - s.lower % m) % m + m) % m
        while !satisfies(x, s) { x += m }
        return x
    }

    @Test(arguments: ["basic", "prime", "divisible", "range", "mixed"])
    func referenceIsTheSmallestSolution(constraint: String) {
        algoForEachSeed("modular-systems", ["constraint": constraint], seeds: constraint == "basic" ? AlgorithmTestSupport.propertySeeds : 1_000) { seed, instance in
            let s = Self.system(instance)
            let best = Self.smallest(s)
            guard instance.answer == String(best), s.moduli.count == 3 else {
                Issue.record("seed \(seed): \(instance.answer) vs \(best)")
                return false
            }
            let period = s.moduli.reduce(s.divisor, *)
            let larger = AlgorithmTestSupport.grade(instance, String(best + period))
            guard larger.kind == .incorrect, larger.score == 0.5, larger.detail?.contains("not the smallest") == true else {
                Issue.record("seed \(seed): larger solution graded \(larger)")
                return false
            }
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && (seed % 5 != 0 || algoExpectGrade(instance, "So x = \(best), i.e. \\boxed{x = \(best)}", .correct, seed: seed))
                && algoExpectGrade(instance, String(best + 1), .incorrect, seed: seed)
        }
    }

    @Test func knobsAndConstraintShapes() {
        for constraint in ["basic", "prime", "divisible", "range", "mixed"] {
            for equations in 2...6 {
                for seed in 0..<10 {
                    let i = AlgorithmTestSupport.instance("modular-systems", seed: seed, ["constraint": constraint, "equations": String(equations)])
                    let s = Self.system(i)
                    #expect(s.moduli.count == equations)
                    for a in s.moduli.indices { for b in s.moduli.indices where a < b { #expect(IntegerMath.gcd(s.moduli[a], s.moduli[b]) == 1) } }
                    if constraint == "prime" { #expect(s.moduli.allSatisfy { m in (2..<m).allSatisfy { m % $0 != 0 } }) }
                    #expect((s.divisor > 1) == (constraint == "divisible" || constraint == "mixed"))
                    #expect((s.lower > 0) == (constraint == "range" || constraint == "mixed"))
                    #expect(Self.satisfies(Int(i.answer)!, s))
                }
            }
        }
    }
}
