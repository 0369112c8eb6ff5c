import Testing
@testable import Tasks

@Suite struct BlocksWorldTests {
    let family = BlocksWorldFamily()

    /// An independent, simple (non-optimal) planner: build the goal tower bottom-up; to free the next block, move the
    /// blocks above it to the other non-goal stack.
    static func greedyPlan(_ initial: [[Int]], tower: [Int]) -> [PuzzleLiteral] {
        var stacks = initial
        var moves: [PuzzleLiteral] = []
        for b in tower {
            let s = stacks.firstIndex { $0.contains(b) }!
            let other = s == 0 ? 1 : 0
            while stacks[s].last != b {
                let top = stacks[s].removeLast()
                stacks[other].append(top)
                moves.append(.list([.text(BlocksWorldPuzzle.letter(top)), .int(s), .int(other)]))
            }
            stacks[s].removeLast()
            stacks[2].append(b)
            moves.append(.list([.text(BlocksWorldPuzzle.letter(b)), .int(s), .int(2)]))
        }
        return moves
    }

    @Test func propertyReferenceCorrectAndOptimal() throws {
        var mix = PuzzleTestSupport.SplitMix(state: 17)
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let n = 2 + Int(seed % 4)
            let instance = family.generate(seed: seed, difficulty: try family.difficulty(["blocks": String(n)]), index: Int(seed % 9))
            let moves = PuzzleTestSupport.referenceMoves(instance)
            let v = family.grade(response: instance.answer, instance: instance)
            #expect(v.kind == .correct && v.metrics["optimal"] == 1, "seed \(seed): \(v)")
            #expect(moves.count >= n, "seed \(seed): every block starts off stack 2 and must move")
            let initial = try #require(BlocksWorldFamily.decode(instance.data["initial"]!))
            let goal = try #require(BlocksWorldFamily.decode(instance.data["goal"]!))
            #expect(initial.joined().count == n && goal[2].count == n && initial[2].isEmpty, "seed \(seed)")
            let greedy = Self.greedyPlan(initial, tower: goal[2])
            let g = family.grade(response: PuzzleTestSupport.respond(greedy), instance: instance)
            #expect(g.kind == .correct && greedy.count >= moves.count, "seed \(seed): greedy \(greedy.count) < BFS \(moves.count)")
            var dropped = moves
            dropped.remove(at: mix.below(moves.count))
            #expect(family.grade(response: PuzzleTestSupport.respond(dropped), instance: instance).kind == .incorrect, "seed \(seed) drop")
        }
    }

    @Test func detourSolutionIsCorrectButNotOptimal() throws {
        let instance = family.generate(seed: 9, difficulty: try family.difficulty(["blocks": "5"]), index: 0)
        let initial = try #require(BlocksWorldFamily.decode(instance.data["initial"]!))
        let top = BlocksWorldPuzzle.letter(initial[0].last!)
        let detour: [PuzzleLiteral] = [.list([.text(top), .int(0), .int(2)]), .list([.text(top), .int(2), .int(0)])]
        let v = family.grade(response: PuzzleTestSupport.respond(detour + PuzzleTestSupport.referenceMoves(instance)), instance: instance)
        #expect(v.kind == .correct && v.metrics["optimal"] == 0 && v.metrics["excess_moves"] == 2)
    }

    @Test func largestSizeSolves() throws {
        let instance = family.generate(seed: 42, difficulty: try family.difficulty(["blocks": "7"]), index: 0)
        #expect(family.grade(response: instance.answer, instance: instance).kind == .correct)
    }

    @Test func illegalMovesAreExplained() throws {
        let puzzle = BlocksWorldPuzzle(initial: [[0, 1], [2], []], goal: [[], [], [0, 1, 2]])
        #expect(puzzle.optimalMoveCount == 4)   // B away, A to 2, B to 2, C to 2 (hand count)
        #expect(puzzle.replay([.list([.text("A"), .int(0), .int(2)])]).firstInvalid?.reason
                == "block A is not on top of stack 0 (top is B)")
        #expect(puzzle.replay([.list([.text("Z"), .int(0), .int(2)])]).firstInvalid?.reason == "unknown block \"Z\" (blocks are A…C)")
        #expect(puzzle.replay([.list([.text("B"), .int(0), .int(3)])]).firstInvalid?.reason == "stack 3 does not exist (stacks are 0…2)")
    }
}
