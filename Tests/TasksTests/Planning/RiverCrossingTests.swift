import Testing
@testable import Tasks

@Suite struct RiverCrossingTests {
    let family = RiverCrossingFamily()

    /// Classic "jealous husbands" results: 3 couples with a 2-seat boat need 11 crossings, 2 couples need 5;
    /// 4 couples with a 2-seat boat and 6 couples with a 3-seat boat are impossible (arXiv 2507.01231).
    @Test func knownSolvabilityAndLengths() {
        #expect(RiverCrossingPuzzle(pairs: 3, capacity: 2).optimalMoveCount == 11)
        #expect(RiverCrossingPuzzle(pairs: 2, capacity: 2).optimalMoveCount == 5)
        #expect(!RiverCrossingPuzzle(pairs: 4, capacity: 2).isSolvable)
        #expect(!RiverCrossingPuzzle(pairs: 6, capacity: 3).isSolvable)
        #expect(RiverCrossingPuzzle(pairs: 5, capacity: 3).isSolvable)
        #expect(RiverCrossingPuzzle(pairs: 6, capacity: 4).isSolvable)
    }

    @Test func unsolvableRequestsAreRaisedToSolvableCapacity() throws {
        let i = family.generate(seed: 1, difficulty: try family.difficulty(["pairs": "6"]), index: 0)
        #expect(i.data["capacity"] == "4")
        #expect(i.prompt.contains("at most 4 people"))
        let j = family.generate(seed: 1, difficulty: try family.difficulty(["pairs": "4", "capacity": "2"]), index: 0)
        #expect(j.data["capacity"] == "3")
        #expect(family.grade(response: j.answer, instance: j).kind == .correct)
    }

    @Test func propertyReferenceCorrectAndPerturbationsIncorrect() throws {
        var mix = PuzzleTestSupport.SplitMix(state: 13)
        let configs: [[String: String]] = [["pairs": "2"], ["pairs": "3"], ["pairs": "4"], ["pairs": "5"], ["pairs": "3", "capacity": "3"]]
        let instances = try configs.map { family.generate(seed: 0, difficulty: try family.difficulty($0), index: 0) }
        for seed in 0..<PuzzleTestSupport.propertySeeds {
            let instance = instances[seed % instances.count]
            let moves = PuzzleTestSupport.referenceMoves(instance)
            if seed < instances.count {
                #expect(family.grade(response: instance.answer, instance: instance).kind == .correct, "seed \(seed)")
            }
            // Drop one crossing (shorter than the BFS optimum, so it cannot solve).
            var dropped = moves
            dropped.remove(at: mix.below(moves.count))
            #expect(family.grade(response: PuzzleTestSupport.respond(dropped), instance: instance).kind == .incorrect, "seed \(seed) drop")
            // Swap two adjacent crossings: directions alternate, so at least one of them now starts on the wrong bank
            // unless both carry the same people; then the list is unchanged, which is skipped.
            var swapped = moves
            let i = mix.below(moves.count - 1)
            swapped.swapAt(i, i + 1)
            if swapped != moves {
                #expect(family.grade(response: PuzzleTestSupport.respond(swapped), instance: instance).kind == .incorrect,
                        "seed \(seed) swap \(i)")
            }
        }
        // Generation itself over 10,000 seeds: always solvable, reference always correct and optimal.
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let pairs = seed % 100 == 0 ? 5 : 2 + Int(seed % 3)
            let instance = family.generate(seed: seed, difficulty: try family.difficulty(["pairs": String(pairs)]), index: Int(seed % 4))
            let v = family.grade(response: instance.answer, instance: instance)
            #expect(v.kind == .correct && v.metrics["optimal"] == 1, "seed \(seed): \(v)")
        }
    }

    @Test func nonOptimalSolutionIsCorrect() throws {
        let instance = family.generate(seed: 0, difficulty: try family.difficulty(["pairs": "3"]), index: 0)
        let roundTrip: [PuzzleLiteral] = [.list([.text("A_1"), .text("a_1")]), .list([.text("a_1"), .text("A_1")])]
        let v = family.grade(response: PuzzleTestSupport.respond(roundTrip + PuzzleTestSupport.referenceMoves(instance)), instance: instance)
        #expect(v.kind == .correct && v.metrics["optimal"] == 0 && v.metrics["excess_moves"] == 2)
    }

    @Test func safetyViolationsAreExplained() throws {
        let instance = family.generate(seed: 0, difficulty: try family.difficulty(["pairs": "3"]), index: 0)
        #expect(family.grade(response: #"moves = [["A_1", "a_2"]]"#, instance: instance).detail
                == "move 1 invalid: in the boat, a_2 is with A_1 without A_2")
        #expect(family.grade(response: #"moves = [["A_1", "A_2"]]"#, instance: instance).detail
                == "move 1 invalid: on the left bank, a_1 is with A_3 without A_1")
        #expect(family.grade(response: #"moves = [["a_1", "a_2", "a_3"]]"#, instance: instance).detail
                == "move 1 invalid: the boat holds at most 2 people, found 3")
        #expect(family.grade(response: #"moves = [["a_1"], ["a_2"]]"#, instance: instance).detail
                == "move 2 invalid: a_2 is not on the right bank with the boat")
        #expect(family.grade(response: #"moves = [[]]"#, instance: instance).detail == "move 1 invalid: the boat cannot cross empty")
    }
}
