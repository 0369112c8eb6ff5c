import Testing
@testable import Tasks

@Suite struct TuringTests {
    let family = TuringFamily()

    /// Published busy-beaver champions (bbchallenge.org): steps and ones for 2, 3 and 4 states.
    @Test func busyBeaverChampions() throws {
        let cases: [(String, Int, Int)] = [("1RB1LB_1LA1RZ", 6, 4), ("1RB1RZ_1LB0RC_1LC1LA", 21, 5),
                                           ("1RB1LB_1LA0LC_1RZ1LD_1RD0RA", 107, 13)]
        for (notation, steps, ones) in cases {
            let m = try #require(TuringMachine(notation: notation))
            let run = m.run(limit: 1000)
            #expect(run.halted && run.steps == steps && run.ones == ones, "\(notation): \(run)")
            #expect(!m.run(limit: steps - 1).halted)
        }
        #expect(TuringMachine(notation: "1RB1LB_1LA1RZ")!.run(limit: 10).tape == "1111")
        #expect(TuringMachine(notation: "1RB") == nil && TuringMachine(notation: "1RC1LB_1LA1RZ") == nil)
    }

    @Test func propertyReferenceCorrectAndPerturbationsIncorrect() throws {
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let states = 2 + Int(seed % 3)
            let bound = [20, 50, 100, 200][Int(seed / 3) % 4]
            let question = ["steps", "ones", "tape"][Int(seed / 12) % 3]
            let d = try family.difficulty(["states": String(states), "max_steps": String(bound), "question": question])
            let instance = family.generate(seed: seed, difficulty: d, index: 1)
            let m = try #require(TuringMachine(notation: instance.data["machine"]!), "seed \(seed)")
            #expect(m.stateCount == states, "seed \(seed)")
            let run = m.run(limit: bound)
            #expect(run.halted && run.steps <= bound, "seed \(seed): machine must halt within the bound")
            #expect(family.grade(response: instance.answer, instance: instance).kind == .correct, "seed \(seed)")
            #expect(family.grade(response: "\\boxed{\(instance.answer)}", instance: instance).kind == .correct, "seed \(seed)")
            let wrong = question == "tape" ? instance.answer + "1" : String(Int(instance.answer)! + 1)
            #expect(family.grade(response: "Final answer: \(wrong)", instance: instance).kind == .incorrect, "seed \(seed)")
        }
    }

    @Test func minimumStepsKnob() throws {
        var long = 0
        for seed in 0..<UInt64(300) {
            let instance = family.generate(seed: seed, difficulty: try family.difficulty(["states": "4", "max_steps": "200", "question": "steps"]), index: 0)
            if Int(instance.answer)! >= TuringFamily.minimumSteps(states: 4, bound: 200) { long += 1 }
        }
        #expect(long >= 297, "only \(long) of 300 machines ran the minimum number of steps")
    }
}
