/// `checker-jumping`: Checker Jumping (Illusion of Thinking). Complexity knob: N checkers per colour; every solution
/// has (N+1)² − 1 moves. Any legal move list reaching the goal is correct.
public struct CheckerJumpingFamily: TaskFamily {
    public init() {}
    public let id = "checker-jumping"
    public let version = 1
    public let summary = "Checker Jumping: swap N red and N blue checkers on a 2N+1 board by slides and jumps (simulator-checked)."
    public let parameters: [DifficultyParameter] = [
        DifficultyParameter(name: "checkers", summary: "checkers per colour N (every solution has (N+1)² − 1 moves)",
                            domain: .integer(1...12), defaultValue: "3"),
    ]

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        let n = difficulty.int("checkers")
        let puzzle = CheckerJumpingPuzzle(checkers: n)
        let body = """
        Checker Jumping. A row of \(puzzle.width) cells, numbered 0 to \(puzzle.width - 1) from left to right, holds \(n) red \
        checker\(n == 1 ? "" : "s") (R), one empty cell (_) and \(n) blue checker\(n == 1 ? "" : "s") (B):
        start: \(CheckerJumpingPuzzle.render(puzzle.initialBoard()))
        goal:  \(CheckerJumpingPuzzle.render(puzzle.goalBoard()))
        Rules: red checkers only move to the right and blue checkers only move to the left. A checker may slide one cell \
        into the empty cell next to it, or jump over exactly one checker of the other colour into the empty cell just \
        beyond it. Only one checker moves at a time.
        Write each move as [colour, from, to] with the colour 'R' or 'B' and 0-indexed cells; for example, \
        ['R', \(n - 1), \(n)] slides the red checker in cell \(n - 1) into cell \(n).
        """
        let answer = PuzzleGrading.render(puzzle.solution().map(\.literal))
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: body,
                            plainSuffix: PuzzleGrading.plainSuffix,
                            boxedSuffix: PuzzleGrading.boxedSuffix(example: "[['R', \(n - 1), \(n)], ...]"),
                            answer: answer, data: ["checkers": String(n)])
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let n = instance.data.intValue("checkers"), (1...1000).contains(n) else { return missingDataVerdict("checkers") }
        return PuzzleGrading.grade(response: response, puzzle: CheckerJumpingPuzzle(checkers: n))
    }
}
