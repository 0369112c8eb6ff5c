/// The result of replaying a move list on a puzzle simulator.
public struct PuzzleReplay: Sendable, Equatable {
    /// Number of moves submitted.
    public var submitted: Int
    /// Number of leading moves that were legal (equals `submitted` when all were).
    public var validMoves: Int
    /// The first illegal move: 1-based index and a reason, or nil when every move was legal.
    public var firstInvalid: (index: Int, reason: String)?
    /// Whether the state after the last legal move equals the goal (only meaningful when all moves were legal).
    public var goalReached: Bool

    public init(submitted: Int, validMoves: Int, firstInvalid: (index: Int, reason: String)?, goalReached: Bool) {
        self.submitted = submitted; self.validMoves = validMoves; self.firstInvalid = firstInvalid; self.goalReached = goalReached
    }

    public static func == (a: PuzzleReplay, b: PuzzleReplay) -> Bool {
        a.submitted == b.submitted && a.validMoves == b.validMoves && a.goalReached == b.goalReached
            && a.firstInvalid?.index == b.firstInvalid?.index && a.firstInvalid?.reason == b.firstInvalid?.reason
    }

    /// True when every move was legal and the goal was reached.
    public var solved: Bool { firstInvalid == nil && goalReached }
}

/// A move-based puzzle: replays a parsed move list from its initial state.
public protocol MovePuzzle: Sendable {
    /// Length of a shortest solution.
    var optimalMoveCount: Int { get }
    /// Replays moves (already parsed as literals) and reports the first illegal move and whether the goal is reached.
    func replay(_ moves: [PuzzleLiteral]) -> PuzzleReplay
}

enum PuzzleGrading {
    /// Grades a response against a puzzle: extraction, replay, verdict with metrics
    /// `moves`, `valid_moves`, `optimal_moves`, `goal_reached`, `optimal`, `excess_moves` and,
    /// when a move is illegal, `first_invalid_move` (1-based).
    static func grade(response: String, puzzle: some MovePuzzle) -> Verdict {
        let optimal = Double(puzzle.optimalMoveCount)
        switch MoveListExtractor.extract(from: response) {
        case .notFound(let reason):
            return Verdict(kind: .unparseable, score: 0, extracted: nil, detail: reason,
                           metrics: ["optimal_moves": optimal])
        case .found(let items, let text):
            let replay = puzzle.replay(items)
            var metrics: [String: Double] = [
                "moves": Double(replay.submitted),
                "valid_moves": Double(replay.validMoves),
                "optimal_moves": optimal,
                "goal_reached": replay.firstInvalid == nil && replay.goalReached ? 1 : 0,
            ]
            if let bad = replay.firstInvalid {
                metrics["first_invalid_move"] = Double(bad.index)
                metrics["optimal"] = 0
                return Verdict(kind: .incorrect, score: 0, extracted: text,
                               detail: "move \(bad.index) invalid: \(bad.reason)", metrics: metrics)
            }
            if !replay.goalReached {
                metrics["optimal"] = 0
                return Verdict(kind: .incorrect, score: 0, extracted: text,
                               detail: "all \(replay.submitted) moves valid but the goal is not reached", metrics: metrics)
            }
            let isOptimal = replay.submitted == puzzle.optimalMoveCount
            metrics["optimal"] = isOptimal ? 1 : 0
            metrics["excess_moves"] = Double(replay.submitted - puzzle.optimalMoveCount)
            return Verdict(kind: .correct, score: 1, extracted: text,
                           detail: "solved in \(replay.submitted) moves (optimal \(puzzle.optimalMoveCount))", metrics: metrics)
        }
    }

    /// Renders moves in the canonical `moves = [[…],[…]]` form used for reference answers.
    static func render(_ moves: [PuzzleLiteral]) -> String {
        "moves = " + PuzzleLiteral.list(moves).description
    }

    static let plainSuffix = "Give the complete list of moves in your final answer, in the format `moves = [...]`."
    static func boxedSuffix(example: String) -> String {
        "Put the complete final list of moves inside \\boxed{}, in the format \\boxed{moves = [...]}, e.g. \\boxed{moves = \(example)}."
    }
}
