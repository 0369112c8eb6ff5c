import BigInt
import Exact
import Testing
@testable import Tasks

/// Labels by construction (issue 13, part 2): every step of every clean solution is re-verified, by the family's
/// step checker and by checks written here from the task families' own answers and simulators; in every solution
/// with an injected error, the steps before it are the clean solution's (so they verify) and the checker's
/// earliest wrong step is the injected one.
@Suite struct StepLabelTests {
    static let families: [any StepFamily] = StepFamilies.all
    static let settings: [String: [String: String]] = [
        "arithmetic-add": ["digits_a": "6", "digits_b": "4"], "arithmetic-mul": ["digits_a": "4", "digits_b": "3"],
        "hanoi": ["disks": "4", "pegs": "random"], "word-problems": ["scale": "2"],
    ]

    /// Checks of a clean solution that do not use the step family's code: the answer step against the task
    /// family's reference answer, arithmetic steps recomputed here, Hanoi moves replayed on ``HanoiPuzzle``.
    static func independentlyVerify(_ solution: LabelledSolution, instance: TaskInstance) {
        let steps = solution.steps
        switch solution.family {
        case "arithmetic-add", "arithmetic-mul":
            #expect(steps.last == "Answer: \(instance.answer).", "\(solution.id)")
            for step in steps.dropLast() {
                let numbers = step.split(whereSeparator: { !$0.isNumber }).compactMap { BigUInt(String($0)) }
                if solution.family == "arithmetic-add" && numbers.count == 7 {
                    // Column k: p + q + carry c = s, write w, carry c'.
                    #expect(numbers[1] + numbers[2] + numbers[3] == numbers[4] && numbers[5] == numbers[4] % 10
                            && numbers[6] == numbers[4] / 10, "\(step)")
                } else if numbers.count == 9 {
                    // Partial product k: a × d = p, shifted s places: p·10^s; running sum r + p·10^s = r'.
                    #expect(numbers[1] * numbers[2] == numbers[3] && numbers[5] == numbers[3] * BigUInt(10).power(Int(numbers[4]))
                            && numbers[6] + numbers[7] == numbers[8] && numbers[1] == BigUInt(instance.data["a"]!)!, "\(step)")
                } else {
                    #expect(step.hasPrefix("Final carry: write 1."), "\(step)")
                }
            }
        case "hanoi":
            let moves = steps.map { step -> PuzzleLiteral in
                let n = step.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                return .list(n.map { .int($0) })
            }
            let puzzle = HanoiPuzzle(disks: Int(instance.data["disks"]!)!, source: Int(instance.data["source"]!)!,
                                     target: Int(instance.data["target"]!)!)
            #expect(puzzle.replay(moves).solved && moves.count == puzzle.optimalMoveCount, "\(solution.id)")
        case "word-problems":
            #expect(steps.last.flatMap { Rational.parse(String($0.dropFirst("Final answer: ".count))) }
                    == Rational.parse(instance.data["exact"]!), "\(solution.id)")
            for step in steps.dropLast() {
                let sides = step.components(separatedBy: " = ")
                let symbol = ["+", "−", "×", "÷"].first { sides[0].contains(" \($0) ") }!
                let operands = sides[0].components(separatedBy: " \(symbol) ").map { Rational.parse($0)! }
                let z = Rational.parse(sides[1])!
                let value: Rational?
                switch symbol {
                case "+": value = operands[0] + operands[1]
                case "−": value = operands[0] - operands[1]
                case "×": value = operands[0] * operands[1]
                default: value = operands[0] / operands[1]
                }
                #expect(value == z, "\(step)")
            }
        default:
            Issue.record("no independent check for \(solution.family)")
        }
    }

    @Test(arguments: 0..<families.count) func labelsHoldByConstruction(position: Int) throws {
        let family = Self.families[position]
        let overrides = Self.settings[family.id] ?? [:]
        let clean = try StepErrorInjector(family: family, overrides: overrides, errorRate: 0)
        let faulty = try StepErrorInjector(family: family, overrides: overrides, errorRate: 1)
        var kinds = Set<StepErrorKind>()
        var firstStepHit = false, lastStepHit = false
        for index in 0..<60 {
            let instance = family.taskFamily.generate(seed: 21, difficulty: clean.difficulty, index: index)
            let reference = clean.solution(seed: 21, index: index)
            #expect(reference.label == -1 && reference.errorKind == nil && reference.injectedStep == -1)
            #expect(try family.firstWrongStep(reference.steps, data: reference.data) == -1, "\(reference.id)")
            Self.independentlyVerify(reference, instance: instance)

            let wrong = faulty.solution(seed: 21, index: index)
            #expect(wrong.label >= 0 && wrong.label == wrong.injectedStep, "\(wrong.id)")
            #expect(wrong.errorKind.map(family.errorKinds.contains) == true)
            #expect(wrong.problem == reference.problem && wrong.data == reference.data)
            // Every step before the injected one is the clean solution's step (verified above), the injected one
            // differs, and the checker's earliest wrong step is the injected one.
            #expect(Array(wrong.steps.prefix(wrong.label)) == Array(reference.steps.prefix(wrong.label)), "\(wrong.id)")
            #expect(wrong.steps[wrong.label] != reference.steps[wrong.label], "\(wrong.id)")
            #expect(try family.firstWrongStep(wrong.steps, data: wrong.data) == wrong.label, "\(wrong.id)")
            // The steps before the injected one, alone, verify: the checker's only complaint is that they stop early.
            #expect(try family.firstWrongStep(Array(wrong.steps.prefix(wrong.label)), data: wrong.data) == wrong.label)
            if let kind = wrong.errorKind { kinds.insert(kind) }
            firstStepHit = firstStepHit || wrong.label == 0
            lastStepHit = lastStepHit || wrong.label == reference.steps.count - 1
        }
        #expect(kinds == Set(family.errorKinds), "\(family.id): kinds seen \(kinds)")
        #expect(firstStepHit && lastStepHit, "\(family.id): errors injected at the first step \(firstStepHit), the last \(lastStepHit)")
    }

    @Test func errorRateAndDeterminism() throws {
        let injector = try StepErrorInjector(family: HanoiSteps(), overrides: ["disks": "3"], errorRate: 0.5)
        let solutions = (0..<200).map { injector.solution(seed: 5, index: $0) }
        let erroneous = solutions.filter { $0.label >= 0 }.count
        #expect((70...130).contains(erroneous), "\(erroneous) of 200")
        #expect(solutions == (0..<200).map { injector.solution(seed: 5, index: $0) })
        #expect(solutions.map(\.jsonLine) != (0..<200).map { injector.solution(seed: 6, index: $0).jsonLine })
    }

    @Test func jsonLinesRoundTrip() throws {
        for family in Self.families {
            let injector = try StepErrorInjector(family: family, errorRate: 0.5)
            for index in 0..<6 {
                let solution = injector.solution(seed: 3, index: index)
                #expect(try LabelledSolution.parse(line: solution.jsonLine, number: 1) == solution)
                #expect(ExactStepVerifierProbe.predict(solution) == solution.label)
            }
        }
    }

    @Test func settingsAreChecked() {
        #expect(throws: TasksError.self) { try StepErrorInjector(family: HanoiSteps(), errorRate: 1.5) }
        #expect(throws: TasksError.self) { try StepErrorInjector(family: HanoiSteps(), overrides: ["disks": "99"], errorRate: 0.5) }
        #expect(throws: TasksError.unsupportedStepFamily("sudoku", supported: StepFamilies.ids)) { try StepFamilies.family("sudoku") }
    }
}

enum ExactStepVerifierProbe {
    static func predict(_ solution: LabelledSolution) -> Int? { try? ExactStepVerifier.prediction(for: solution) }
}
