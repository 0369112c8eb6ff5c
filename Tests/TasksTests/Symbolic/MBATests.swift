import Testing
@testable import Tasks

@Suite struct MBATests {
    let family = MBAFamily()
    let names = ["x", "y", "z"]

    func parse(_ s: String) throws -> MBAExpression {
        switch MBAParser.parse(s, variables: names) {
        case .success(let e): return e
        case .failure(let f): throw f
        }
    }

    /// Brute force with the tree-walking evaluator (independent of the batched program used by MBAEquivalence).
    func bruteForceEqual(_ a: MBAExpression, _ b: MBAExpression, variables: Int, width: Int) -> Bool {
        let total = 1 << (variables * width)
        let mask = (1 << width) - 1
        for p in 0..<total {
            let values = (0..<variables).map { UInt64((p >> ($0 * width)) & mask) }
            if a.evaluate(values, width: width) != b.evaluate(values, width: width) { return false }
        }
        return true
    }

    @Test func handEvaluations() throws {
        // Hand-computed: (x ^ y) + 2*(x & y) = x + y; at 8 bits 200 + 100 = 300 mod 256 = 44.
        #expect(try parse("(x ^ y) + 2 * (x & y)").evaluate([200, 100], width: 8) == 44)
        #expect(try parse("~x").evaluate([5], width: 4) == 10)
        #expect(try parse("-x").evaluate([1], width: 64) == UInt64.max)
        #expect(try parse("x | y ^ z & 3").evaluate([8, 6, 7], width: 8) == 8 | (6 ^ (7 & 3)))   // C precedence
        #expect(try parse("x - y - 1").evaluate([10, 3], width: 8) == 6)                           // left-assoc
        #expect(try parse("-x * y").evaluate([2, 3], width: 8) == 250)
        #expect(try parse("0x10 + x").evaluate([1], width: 8) == 17)
        if case .failure(let f) = MBAParser.parse("x + q", variables: names) {
            #expect(f.description == "unknown variable 'q' (expected one of x, y, z) at character 4")
        } else { Issue.record("expected failure") }
    }

    @Test func everyRewriteRuleIsAnIdentity() throws {
        let a = MBAExpression.variable(0), b = MBAExpression.binary(.xor, .variable(1), .constant(3))
        let seeds: [MBAExpression] = MBAOperator.allCases.map { .binary($0, a, b) } + [.not(a), .negate(b), a, .constant(7)]
        for e in seeds {
            for r in MBARewriting.rewrites(of: e, splitVariable: .variable(1)) {
                #expect(bruteForceEqual(e, r, variables: 2, width: 8), "\(e) ≠ \(r)")
                #expect(r.size > e.size)
            }
        }
    }

    @Test func exhaustiveCheckAgreesWithBruteForce() throws {
        var rng = TaskRNG(seed: 99)
        var disagreements = 0, nonEquivalent = 0
        for trial in 0..<300 {
            let width = [2, 3, 4, 6][trial % 4], vars = 1 + trial % 2
            let t = MBAFamily.target(variables: vars, rng: &rng)
            let o = MBARewriting.obfuscate(t, steps: 1 + trial % 3, variables: vars, rng: &rng)
            // Half the trials perturb the obfuscated form so that some pairs differ.
            let other: MBAExpression = trial % 2 == 0 ? o : .binary(rng.pick([.add, .xor, .or]), o, .constant(UInt64(1 + trial % 3)))
            let fast = MBAEquivalence.check(t, other, variables: vars, width: width)
            let slow = bruteForceEqual(t, other, variables: vars, width: width)
            if fast.equivalent != slow { disagreements += 1 }
            if !slow { nonEquivalent += 1; let cx = try #require(fast.counterexample)
                #expect(t.evaluate(cx, width: width) != other.evaluate(cx, width: width)) }
            #expect(fast.method == .exhaustive && (!fast.equivalent || fast.pointsChecked == 1 << (vars * width)))
        }
        #expect(disagreements == 0)
        #expect(nonEquivalent > 50)
    }

    @Test func wideWordsUseRandomTesting() throws {
        let e = try parse("(x ^ y) + 2 * (x & y)"), s = try parse("x + y")
        let ok = MBAEquivalence.check(e, s, variables: 2, width: 64)
        #expect(ok.equivalent && ok.method == .randomTesting && ok.pointsChecked >= 4096)
        // Differs only when the top bit of x is set: found among the corner values.
        let bad = MBAEquivalence.check(s, try parse("(x & 0x7fffffffffffffff) + y"), variables: 2, width: 64)
        #expect(!bad.equivalent)
    }

    @Test func propertyReferenceCorrectAndPerturbationsIncorrect() throws {
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let width = [4, 5, 6, 16, 64][Int(seed % 5)]
            let vars = 1 + Int(seed / 5) % 2
            let mode = seed % 2 == 0 ? "simplify" : "evaluate"
            let d = try family.difficulty(["mode": mode, "width": String(width), "variables": String(vars),
                                           "rewrites": String(1 + Int(seed / 10) % 4)])
            let instance = family.generate(seed: seed, difficulty: d, index: 0)
            let hardForm = try parse(instance.data["expression"]!)
            #expect(hardForm.variableCount <= vars, "seed \(seed): only the first \(vars) variables may appear")
            let v = family.grade(response: instance.answer, instance: instance)
            #expect(v.kind == .correct, "seed \(seed): \(v) for \(instance.answer)")
            if mode == "evaluate" {
                let value = try #require(UInt64(instance.answer))
                let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
                #expect(value <= mask, "seed \(seed): value must fit in \(width) bits")
                #expect(family.grade(response: "\\boxed{\((value &+ 1) & mask)}", instance: instance).kind == .incorrect, "seed \(seed)")
            } else {
                let hard = try parse(instance.data["expression"]!)
                let reference = try parse(instance.answer)
                #expect(hard.size >= reference.size + Int(d.int("rewrites")), "seed \(seed): each rewrite grows the expression")
                #expect(MBAEquivalence.check(hard, reference, variables: vars, width: width).equivalent, "seed \(seed)")
                #expect(hard.size > Int(instance.data["limit"]!)!, "seed \(seed): obfuscation must exceed the limit")
                // The obfuscated expression itself is equivalent but too large.
                let big = family.grade(response: "Final answer: \(hard)", instance: instance)
                #expect(big.kind == .incorrect && big.score == 0.25, "seed \(seed): \(big)")
                // Off by one is not equivalent.
                let off = family.grade(response: "\\boxed{(\(instance.answer)) + 1}", instance: instance)
                #expect(off.kind == .incorrect && off.score == 0, "seed \(seed): \(off)")
            }
        }
    }

    @Test func alternativeSimplificationIsAccepted() throws {
        let instance = family.generate(seed: 1, difficulty: try family.difficulty(["mode": "simplify", "width": "8"]), index: 0)
        let reference = try parse(instance.answer)
        // Same function written differently: e + 0 (one extra constant and operator) still fits when limit allows.
        if reference.size + 2 <= Int(instance.data["limit"]!)! {
            #expect(family.grade(response: "E = \(instance.answer) + 0.", instance: instance).kind == .correct)
        }
    }
}
