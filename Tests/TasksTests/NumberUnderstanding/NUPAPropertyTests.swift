import Testing
@testable import Tasks

/// Properties of the NUPA family over 10,000 seeds (each seed picks one of the 41 combinations and a length).
@Suite struct NUPAPropertyTests {
    let family = NUPAFamily()

    @Test func fortyOneCombinations() throws {
        #expect(NUPATask.allCases.count == 17)
        #expect(NUPARepresentation.allCases.count == 4)
        #expect(NUPATask.combinations.count == 41)
        var valid = 0
        for task in NUPATask.allCases {
            for representation in NUPARepresentation.allCases {
                let result = Result { try family.difficulty(["task": task.rawValue, "representation": representation.rawValue]) }
                if case .success = result { valid += 1 }
            }
        }
        #expect(valid == 41)
        #expect(throws: TasksError.self) { try family.difficulty(["task": "mod", "representation": "float"]) }
    }

    @Test func referenceCorrectPerturbedIncorrect() throws {
        let combinations = NUPATask.combinations
        for seed in 0..<10_000 as Range<UInt64> {
            var rng = TaskRNG(seed: seed ^ 0xAB)
            let (task, representation) = combinations[Int(seed) % combinations.count]
            let digits = rng.int(in: 1...30)
            let difficulty = try family.difficulty([
                "task": task.rawValue, "representation": representation.rawValue, "digits": String(digits),
            ])
            let instance = family.generate(seed: seed, difficulty: difficulty, index: Int(seed % 3))
            let context = "seed \(seed) \(task.rawValue)/\(representation.rawValue) L=\(digits) answer \(instance.answer)"
            let exact = family.grade(response: instance.answer, instance: instance)
            #expect(exact.kind == .correct && exact.metrics["digit_match"] == 1 && exact.metrics["length_diff"] == 0, "\(context) \(exact)")
            #expect(family.grade(response: "\\boxed{\(instance.answer)}", instance: instance).kind == .correct, "\(context)")
            #expect(family.grade(response: "The answer is \(instance.answer)", instance: instance).kind == .correct, "\(context)")
            #expect(family.grade(response: "\(instance.prompt.split(separator: ":").last ?? "") \(instance.answer)", instance: instance).kind == .correct, "\(context)")
            let perturbed = try #require(FamilyProperties.perturbDigit(instance.answer, &rng))
            let wrong = family.grade(response: perturbed, instance: instance)
            #expect(wrong.kind == .incorrect && wrong.score == 0, "\(context) perturbed \(perturbed)")
            #expect((wrong.metrics["digit_match"] ?? 1) < 1, "\(context) perturbed \(perturbed)")
            // Solvable: every operand shown in data appears in the prompt.
            for key in ["a", "b"] {
                if let operand = instance.data[key] { #expect(instance.prompt.contains(operand), "\(context) operand \(key)") }
            }
        }
    }

    /// The length knob: the longer operand has exactly L (digits / decimals / denominator digits / mantissa
    /// decimals), the shorter at least ⌈L/2⌉.
    @Test func lengthKnobHolds() throws {
        for (task, representation) in NUPATask.combinations where [.add, .sub, .multiply, .max, .min].contains(task) {
            for digits in [1, 2, 5, 9, 20] {
                let difficulty = try family.difficulty([
                    "task": task.rawValue, "representation": representation.rawValue, "digits": String(digits),
                ])
                for index in 0..<40 {
                    let instance = family.generate(seed: 77, difficulty: difficulty, index: index)
                    let lengths = try ["a", "b"].map { key in
                        try Self.length(#require(instance.data[key]), representation)
                    }
                    let context = "\(task.rawValue)/\(representation.rawValue) L=\(digits) \(instance.data)"
                    #expect(lengths.max() == digits, "\(context) lengths \(lengths)")
                    #expect(lengths.min()! >= (digits + 1) / 2, "\(context) lengths \(lengths)")
                }
            }
        }
    }

    static func length(_ text: String, _ representation: NUPARepresentation) -> Int {
        switch representation {
        case .integer: return text.count
        case .float: return text.split(separator: ".")[1].count
        case .fraction: return text.split(separator: "/")[1].count
        case .scientific: return text.split(separator: "e")[0].split(separator: ".")[1].count
        }
    }

    /// NUPA's metrics on hand-computed examples (research/tasks.md §2.6).
    @Test func metricsByHand() {
        let m1 = NUPAParsing.metrics(gold: ["123", "45"], prediction: ["23", "4"], representation: .float)
        #expect(m1["digit_match"] == 3.0 / 5.0 && m1["length_diff"] == 2 && m1["exact_match"] == 0)
        let m2 = NUPAParsing.metrics(gold: ["1", "2"], prediction: ["2", "4"], representation: .fraction)
        #expect(m2["digit_match"] == 0)
        let m3 = NUPAParsing.metrics(gold: ["1", "23", "4"], prediction: ["1", "25", "14"], representation: .scientific)
        #expect(m3["digit_match"] == 3.0 / 4.0 && m3["length_diff"] == 1)
    }

    /// Representation-sensitive grading on hand-made instances.
    @Test func representationSensitive() throws {
        var instance = family.generate(seed: 1, difficulty: try family.difficulty(["task": "add", "representation": "fraction"]), index: 0)
        instance.answer = "1/2"
        instance.data["output"] = "fraction"
        #expect(family.grade(response: "1/2", instance: instance).kind == .correct)
        #expect(family.grade(response: "2/4", instance: instance).kind == .incorrect)
        #expect(family.grade(response: "0.5", instance: instance).kind == .unparseable)
        instance.answer = "1.5"
        instance.data["output"] = "float"
        #expect(family.grade(response: "1.50", instance: instance).kind == .incorrect)
        #expect(family.grade(response: "= 1.5", instance: instance).kind == .correct)
        instance.answer = "1.23e4"
        instance.data["output"] = "scientific"
        #expect(family.grade(response: "1.23E+4", instance: instance).kind == .correct)
        #expect(family.grade(response: "12300", instance: instance).kind == .unparseable)
    }
}
