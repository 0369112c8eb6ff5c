import BigInt
import Exact
import Testing
@testable import Tasks

/// The umbrella `arithmetic` family over 10,000 seeds: delegation keeps grading exact, the digits knob reaches
/// every operand, and `op=mixed` really mixes.
@Suite struct MixedArithmeticTests {
    let family = MixedArithmeticFamily()

    @Test func referenceCorrectPerturbedIncorrect() throws {
        var seen = Set<String>()
        for seed in 0..<10_000 as Range<UInt64> {
            var rng = TaskRNG(seed: seed ^ 0xA417)
            let digits = rng.int(in: 1...12)
            let difficulty = try family.difficulty(["op": "mixed", "digits": String(digits),
                                                    "format": rng.pick(ArithmeticFormat.allCases).rawValue])
            let instance = family.generate(seed: seed, difficulty: difficulty, index: Int(seed % 3))
            let operation = try #require(instance.data["operation"])
            seen.insert(operation)
            #expect(instance.family == "arithmetic" && instance.id == "arithmetic-\(seed)-\(seed % 3)")
            #expect(family.grade(response: instance.answer, instance: instance).kind == .correct, "seed \(seed) \(operation)")
            #expect(family.grade(response: "so \\boxed{\(instance.answer)}", instance: instance).kind == .correct)
            let perturbed = try #require(FamilyProperties.perturbDigit(instance.answer, &rng))
            #expect(family.grade(response: perturbed, instance: instance).kind == .incorrect,
                    "seed \(seed) \(operation): \(perturbed) vs \(instance.answer)")
            // The digits knob sets every operand (a power-mod exponent is capped at 3 digits, its modulus ≥ 2).
            let a = try #require((instance.data["a"] ?? instance.data["base"]).flatMap { BigUInt(decimal: $0) })
            #expect(a.decimalString.count == digits, "seed \(seed) \(operation) a=\(a)")
        }
        #expect(seen == ["add", "sub", "mul", "divmod", "mod", "powmod"])
    }

    @Test func defaultIsThreeDigitAddition() throws {
        let instance = family.generate(seed: 9, difficulty: family.defaultDifficulty, index: 0)
        #expect(instance.data["operation"] == "add")
        let a = try #require(instance.data["a"]), b = try #require(instance.data["b"])
        #expect(a.count == 3 && b.count == 3)
        #expect(Int(instance.answer) == Int(a)! + Int(b)!)
        #expect(throws: TasksError.self) { try family.difficulty(["digits": "31"]) }
        #expect(throws: TasksError.self) { try family.difficulty(["op": "div"]) }
    }

    @Test func missingOperationIsUnparseableNotACrash() {
        var instance = family.generate(seed: 1, difficulty: family.defaultDifficulty, index: 0)
        instance.data["operation"] = nil
        #expect(family.grade(response: instance.answer, instance: instance).kind == .unparseable)
    }
}
