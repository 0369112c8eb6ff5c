import Testing
@testable import Tasks

@Suite struct CheckerJumpingTests {
    let family = CheckerJumpingFamily()

    @Test func paperExampleForOneChecker() throws {
        let instance = family.generate(seed: 0, difficulty: try family.difficulty(["checkers": "1"]), index: 0)
        #expect(instance.answer == #"moves = [["R",0,1],["B",2,0],["R",1,2]]"#)
        #expect(family.grade(response: "moves = [['R',0,1],['B',2,0],['R',1,2]]", instance: instance).kind == .correct)
    }

    @Test func propertyReferenceCorrectAndPerturbationsIncorrect() throws {
        var mix = PuzzleTestSupport.SplitMix(state: 11)
        for seed in 0..<UInt64(PuzzleTestSupport.propertySeeds) {
            let n = 1 + Int(seed % 6)
            let instance = family.generate(seed: seed, difficulty: try family.difficulty(["checkers": String(n)]), index: Int(seed % 3))
            let moves = PuzzleTestSupport.referenceMoves(instance)
            #expect(moves.count == (n + 1) * (n + 1) - 1, "seed \(seed)")
            let v = family.grade(response: instance.answer, instance: instance)
            #expect(v.kind == .correct && v.metrics["optimal"] == 1, "seed \(seed): \(v)")
            var dropped = moves
            dropped.remove(at: mix.below(moves.count))
            #expect(family.grade(response: PuzzleTestSupport.respond(dropped), instance: instance).kind == .incorrect, "seed \(seed) drop")
            var changed = moves
            let j = mix.below(moves.count)
            if case .list(let m) = changed[j], let t = m[2].intValue { changed[j] = .list([m[0], m[1], .int(t + 1)]) }
            #expect(family.grade(response: PuzzleTestSupport.respond(changed), instance: instance).kind == .incorrect, "seed \(seed) change")
        }
    }

    @Test func mirrorSolutionIsAlsoCorrect() throws {
        for n in 1...12 {
            let instance = family.generate(seed: 5, difficulty: try family.difficulty(["checkers": String(n)]), index: 0)
            let mirror = CheckerJumpingPuzzle(checkers: n).solution(startingWith: .blue).map(\.literal)
            #expect(mirror != PuzzleTestSupport.referenceMoves(instance))
            let v = family.grade(response: PuzzleTestSupport.respond(mirror), instance: instance)
            #expect(v.kind == .correct, "n \(n): \(v)")
        }
    }

    /// Exhaustive search over all legal play for small N: every solution has exactly (N+1)² − 1 moves,
    /// and the number of solutions is 2 (the two mirror images).
    @Test func allSolutionsHaveTheSameLength() {
        for n in 1...4 {
            let puzzle = CheckerJumpingPuzzle(checkers: n)
            var lengths: [Int: Int] = [:]
            func explore(_ board: [CheckerJumpingPuzzle.Cell], _ depth: Int) {
                if board == puzzle.goalBoard() { lengths[depth, default: 0] += 1; return }
                for from in board.indices where board[from] != .empty {
                    let dir = board[from] == .red ? 1 : -1
                    for to in [from + dir, from + 2 * dir] where board.indices.contains(to) {
                        var b = board
                        if case .success = puzzle.apply(.init(colour: board[from], from: from, to: to), to: &b) { explore(b, depth + 1) }
                    }
                }
            }
            explore(puzzle.initialBoard(), 0)
            #expect(lengths == [(n + 1) * (n + 1) - 1: 2], "n \(n): \(lengths)")
        }
    }

    @Test func illegalMovesAreExplained() throws {
        let instance = family.generate(seed: 0, difficulty: try family.difficulty(["checkers": "2"]), index: 0)
        #expect(family.grade(response: "moves = [['R',1,0]]", instance: instance).detail
                == "move 1 invalid: R checkers cannot move backwards (1 → 0)")
        #expect(family.grade(response: "moves = [['R',0,2]]", instance: instance).detail
                == "move 1 invalid: R at 0 can only jump over a checker of the other colour (position 1 holds R)")
        #expect(family.grade(response: "moves = [['X',1,2]]", instance: instance).metrics["first_invalid_move"] == 1)
    }
}
