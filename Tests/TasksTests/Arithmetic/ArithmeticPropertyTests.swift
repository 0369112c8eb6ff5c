import BigInt
import Exact
import Testing
@testable import Tasks

/// Properties of every arithmetic family over 10,000 seeds (formats and digit counts drawn per seed).
@Suite struct ArithmeticPropertyTests {
    static let families = ArithmeticOperation.allCases.map { ArithmeticFamily(operation: $0) }

    /// A difficulty drawn from `seed`: random digit counts (1...30) and format, scratchpad on every 7th seed.
    static func difficulty(for family: ArithmeticFamily, seed: UInt64) throws -> Difficulty {
        var rng = TaskRNG(seed: seed ^ 0xD1FF)
        var overrides: [String: String] = [:]
        for operand in family.operation.operands { overrides[operand.name] = String(rng.int(in: 1...30)) }
        overrides["format"] = rng.pick(ArithmeticFormat.allCases).rawValue
        overrides["scratchpad"] = seed % 7 == 0 ? "steps" : "none"
        return try family.difficulty(overrides)
    }

    @Test(arguments: families) func referenceCorrectPerturbedIncorrect(_ family: ArithmeticFamily) throws {
        for seed in 0..<10_000 as Range<UInt64> {
            let difficulty = try Self.difficulty(for: family, seed: seed)
            let instance = family.generate(seed: seed, difficulty: difficulty, index: Int(seed % 5))
            let exact = family.grade(response: instance.answer, instance: instance)
            #expect(exact.kind == .correct && exact.score == 1, "seed \(seed) \(family.id) \(difficulty.values): \(exact)")
            let boxed = family.grade(response: "Working... so \\boxed{\(instance.answer)}", instance: instance)
            #expect(boxed.kind == .correct, "seed \(seed) \(family.id) boxed")
            let stated = family.grade(response: "We get 12 and 7.\nThe answer is \(instance.answer).", instance: instance)
            #expect(stated.kind == .correct, "seed \(seed) \(family.id) answer-is: \(stated)")
            var rng = TaskRNG(seed: seed)
            let perturbed = try #require(FamilyProperties.perturbDigit(instance.answer, &rng))
            let wrong = family.grade(response: perturbed, instance: instance)
            #expect(wrong.kind == .incorrect && wrong.score == 0, "seed \(seed) \(family.id) perturbed \(perturbed) vs \(instance.answer)")
            // A changed padding zero keeps every significant digit but lengthens the number.
            #expect((wrong.metrics["digit_match"] ?? 1) < 1 || (wrong.metrics["length_diff"] ?? 0) > 0, "seed \(seed) \(family.id)")
            if let pad = instance.data["scratchpad"] {
                #expect(pad.hasSuffix("Answer: \(instance.answer)"), "seed \(seed) \(family.id) scratchpad")
                #expect(family.grade(response: pad, instance: instance).kind == .correct, "seed \(seed) scratchpad grades correct")
            }
        }
    }

    /// Operands have exactly the requested digit counts and the prompt shows them in the requested format.
    @Test(arguments: families) func digitKnobsAndFormatsHold(_ family: ArithmeticFamily) throws {
        let names = family.operation.operands.map { String($0.name.dropFirst("digits_".count)) }
        for seed in 0..<10_000 as Range<UInt64> {
            let difficulty = try Self.difficulty(for: family, seed: seed)
            let instance = family.generate(seed: seed, difficulty: difficulty, index: 0)
            let format = try #require(ArithmeticFormat(rawValue: difficulty.string("format")))
            let width = family.operation.operands.map { difficulty.int($0.name) }.max()!
            for (operand, name) in zip(family.operation.operands, names) {
                let value = try #require(instance.data[name].flatMap { BigUInt(decimal: $0) })
                #expect(value.decimalString.count == difficulty.int(operand.name), "seed \(seed) \(family.id) \(name)=\(value)")
                #expect(instance.prompt.contains(format.render(value, width: width)), "seed \(seed) \(family.id) prompt")
            }
        }
    }

    @Test func formatsRoundTrip() throws {
        var rng = TaskRNG(seed: 5)
        for format in ArithmeticFormat.allCases {
            for digits in 1...35 {
                let magnitude = BigUInt.random(digits: digits, using: &rng)
                let value = BigInt(magnitude: magnitude, isNegative: rng.bool())
                let text = format.render(value, width: 40)
                let tokens = format.numberTokens(in: Substring("Result: \(text)."))
                #expect(tokens.count == 1, "\(format) \(text) → \(tokens)")
                #expect(tokens.first.flatMap { format.value(of: $0) } == value, "\(format) \(text)")
            }
        }
        #expect(ArithmeticFormat.reversed.render(BigInt(-120), width: 0) == "-021")
        #expect(ArithmeticFormat.zeroPadded.render(BigInt(42), width: 5) == "00042")
        #expect(ArithmeticFormat.digitSpaced.render(BigInt(-305), width: 0) == "-3 0 5")
    }

    /// Hand-computed instances of each operation's grading, including format undoing.
    @Test func handCheckedGrading() throws {
        let add = ArithmeticFamily(operation: .add)
        var instance = add.generate(seed: 1, difficulty: try add.difficulty(["format": "reversed"]), index: 0)
        instance.answer = "975"  // 579 reversed
        #expect(add.grade(response: "975", instance: instance).kind == .correct)
        #expect(add.grade(response: "579", instance: instance).kind == .incorrect)
        #expect(add.grade(response: "no idea", instance: instance).kind == .unparseable)
        let divmod = ArithmeticFamily(operation: .divmod)
        var d = divmod.generate(seed: 1, difficulty: divmod.defaultDifficulty, index: 0)
        d.answer = "12 remainder 5"
        #expect(divmod.grade(response: "The answer is 12 remainder 5.", instance: d).kind == .correct)
        #expect(divmod.grade(response: "\\boxed{12 R 5}", instance: d).kind == .correct)
        #expect(divmod.grade(response: "12 remainder 4", instance: d).kind == .incorrect)
        #expect(divmod.grade(response: "12", instance: d).kind == .unparseable)
        let sub = ArithmeticFamily(operation: .subtract)
        var s = sub.generate(seed: 1, difficulty: try sub.difficulty(["format": "digit-spaced"]), index: 0)
        s.answer = "-1 0 7"
        #expect(sub.grade(response: "Answer: -1 0 7", instance: s).kind == .correct)
        #expect(sub.grade(response: "Answer: 1 0 7", instance: s).kind == .incorrect)
        let verdict = sub.grade(response: "-1 0 8", instance: s)
        #expect(verdict.metrics["digit_match"] == 0.75 && verdict.metrics["length_diff"] == 0)
    }
}

extension ArithmeticFamily: CustomTestStringConvertible {
    public var testDescription: String { id }
}
