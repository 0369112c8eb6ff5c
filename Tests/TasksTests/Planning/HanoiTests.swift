import Testing
@testable import Tasks

@Suite struct HanoiTests {
    let family = HanoiFamily()

    @Test func paperExampleForThreeDisks() throws {
        // Published 3-disk solution (pegs 0 → 2): the unique optimal sequence.
        let instance = family.generate(seed: 1, difficulty: try family.difficulty(["disks": "3"]), index: 0)
        #expect(instance.answer == "moves = [[1,0,2],[2,0,1],[1,2,1],[3,0,2],[1,1,0],[2,1,2],[1,0,2]]")
        #expect(family.grade(response: instance.answer, instance: instance).kind == .correct)
    }

    @Test func propertyReferenceCorrectAndPerturbationsIncorrect() throws {
        var mix = PuzzleTestSupport.SplitMix(state: 7)
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let n = 1 + Int(seed % 8)
            let pegs = seed % 3 == 0 ? "random" : "standard"
            let instance = family.generate(seed: seed, difficulty: try family.difficulty(["disks": String(n), "pegs": pegs]), index: Int(seed % 5))
            let moves = PuzzleTestSupport.referenceMoves(instance)
            #expect(moves.count == (1 << n) - 1, "seed \(seed): reference length \(moves.count) for \(n) disks")
            let verdict = family.grade(response: instance.answer, instance: instance)
            #expect(verdict.kind == .correct && verdict.metrics["optimal"] == 1, "seed \(seed): \(verdict)")
            // Drop one move: shorter than optimal, so it cannot solve.
            var dropped = moves
            dropped.remove(at: mix.below(moves.count))
            #expect(family.grade(response: PuzzleTestSupport.respond(dropped), instance: instance).kind == .incorrect, "seed \(seed) drop")
            if moves.count >= 2 {
                // Swap two adjacent moves: consecutive optimal moves move different disks, and the optimum is unique.
                var swapped = moves
                let i = mix.below(moves.count - 1)
                swapped.swapAt(i, i + 1)
                let v = family.grade(response: PuzzleTestSupport.respond(swapped), instance: instance)
                #expect(v.kind == .incorrect, "seed \(seed) swap at \(i)")
                // Change the destination peg of one move.
                var changed = moves
                let j = mix.below(moves.count)
                if case .list(let m) = changed[j], let t = m[2].intValue {
                    changed[j] = .list([m[0], m[1], .int((t + 1 + mix.below(2)) % 3)])
                }
                #expect(family.grade(response: PuzzleTestSupport.respond(changed), instance: instance).kind == .incorrect, "seed \(seed) change")
            }
        }
    }

    @Test func nonOptimalSolutionsAreCorrect() throws {
        for n in 1...8 {
            let instance = family.generate(seed: 3, difficulty: try family.difficulty(["disks": String(n)]), index: 0)
            // Via the middle peg: tower 0 → 1 then 1 → 2 (2·(2^n − 1) moves).
            let first = HanoiPuzzle(disks: n, source: 0, target: 1).optimalSolution()
            let second = HanoiPuzzle(disks: n, source: 1, target: 2).optimalSolution()
            let detour = (first + second).map(\.literal)
            let v = family.grade(response: PuzzleTestSupport.respond(detour), instance: instance)
            #expect(v.kind == .correct && v.metrics["optimal"] == 0 && v.metrics["excess_moves"] == Double((1 << n) - 1))
            // A wasted round trip of disk 1 first.
            let wasted: [PuzzleLiteral] = [.list([.int(1), .int(0), .int(1)]), .list([.int(1), .int(1), .int(0)])]
            let v2 = family.grade(response: PuzzleTestSupport.respond(wasted + PuzzleTestSupport.referenceMoves(instance)), instance: instance)
            #expect(v2.kind == .correct && v2.metrics["moves"] == Double((1 << n) + 1))
        }
    }

    @Test func invalidMoveReportsIndexAndReason() throws {
        let instance = family.generate(seed: 0, difficulty: try family.difficulty(["disks": "3"]), index: 0)
        let v = family.grade(response: "moves = [[1,0,2],[2,0,2]]", instance: instance)
        #expect(v.kind == .incorrect)
        #expect(v.metrics["first_invalid_move"] == 2 && v.metrics["valid_moves"] == 1)
        #expect(v.detail == "move 2 invalid: disk 2 cannot be placed on smaller disk 1 on peg 2")
        let v2 = family.grade(response: "moves = [[2,0,1]]", instance: instance)
        #expect(v2.detail == "move 1 invalid: disk 2 is not on top of peg 0 (top disk is 1)")
        let v3 = family.grade(response: "moves = [[1,0,1]]", instance: instance)
        #expect(v3.kind == .incorrect && v3.detail == "all 1 moves valid but the goal is not reached" && v3.metrics["goal_reached"] == 0)
        #expect(family.grade(response: "no idea", instance: instance).kind == .unparseable)
    }

    @Test func knobControlsLength() throws {
        for n in 1...12 {
            let instance = family.generate(seed: 42, difficulty: try family.difficulty(["disks": String(n)]), index: 0)
            #expect(PuzzleTestSupport.referenceMoves(instance).count == (1 << n) - 1)
            #expect(instance.prompt.contains("\(n) disk"))
            #expect(instance.boxedPrompt.contains("\\boxed{"))
        }
    }
}
