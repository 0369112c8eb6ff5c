/// Checker Jumping on a one-row board of 2N+1 cells (0-indexed): N red checkers `R` on the left, one empty cell,
/// N blue checkers `B` on the right; goal: the mirror image (blues left, reds right).
/// Red moves only rightwards, blue only leftwards. A move `[colour, from, to]` either slides a checker into the
/// adjacent empty cell or jumps it over exactly one checker of the other colour into the empty cell.
/// Every solution has exactly (N+1)² − 1 moves (N² jumps and 2N slides), so all solutions are optimal.
public struct CheckerJumpingPuzzle: MovePuzzle, Equatable {
    public let checkers: Int

    public init(checkers: Int) {
        precondition(checkers >= 1)
        self.checkers = checkers
    }

    public enum Cell: Character, Sendable { case red = "R", blue = "B", empty = "_" }

    public struct Move: Sendable, Equatable {
        public var colour: Cell, from: Int, to: Int
        public init(colour: Cell, from: Int, to: Int) { self.colour = colour; self.from = from; self.to = to }
        public var literal: PuzzleLiteral { .list([.text(String(colour.rawValue)), .int(from), .int(to)]) }
    }

    public var optimalMoveCount: Int { (checkers + 1) * (checkers + 1) - 1 }
    public var width: Int { 2 * checkers + 1 }

    public func initialBoard() -> [Cell] {
        Array(repeating: .red, count: checkers) + [.empty] + Array(repeating: .blue, count: checkers)
    }
    public func goalBoard() -> [Cell] {
        Array(repeating: .blue, count: checkers) + [.empty] + Array(repeating: .red, count: checkers)
    }
    public static func render(_ board: [Cell]) -> String { board.map { String($0.rawValue) }.joined(separator: " ") }

    /// A solution starting with a red move: phases i = 1…2N+1 alternate colours (red first) and make
    /// min(i, N, 2N+2−i) moves each; within a phase the moving colour jumps when it can, else slides.
    /// `startingWith: .blue` gives the mirror-image solution.
    public func solution(startingWith first: Cell = .red) -> [Move] {
        var board = initialBoard()
        var moves: [Move] = []
        var empty = checkers
        var colour = first
        for phase in 1...(2 * checkers + 1) {
            let count = min(phase, checkers, 2 * checkers + 2 - phase)
            for _ in 0..<count {
                let dir = colour == .red ? 1 : -1
                let jumpFrom = empty - 2 * dir, slideFrom = empty - dir
                let from: Int
                if jumpFrom >= 0, jumpFrom < width, board[jumpFrom] == colour, board[empty - dir] != colour, board[empty - dir] != .empty {
                    from = jumpFrom
                } else {
                    from = slideFrom
                }
                moves.append(Move(colour: colour, from: from, to: empty))
                board[empty] = colour
                board[from] = .empty
                empty = from
            }
            colour = colour == .red ? .blue : .red
        }
        return moves
    }

    public func replay(_ moves: [PuzzleLiteral]) -> PuzzleReplay {
        var board = initialBoard()
        for (i, literal) in moves.enumerated() {
            let outcome = Self.decode(literal).flatMap { apply($0, to: &board) }
            if case .failure(let reason) = outcome {
                return PuzzleReplay(submitted: moves.count, validMoves: i, firstInvalid: (i + 1, reason.text), goalReached: false)
            }
        }
        return PuzzleReplay(submitted: moves.count, validMoves: moves.count, firstInvalid: nil, goalReached: board == goalBoard())
    }

    static func decode(_ literal: PuzzleLiteral) -> Result<Move, MoveRejection> {
        guard let items = literal.listValue, items.count == 3 else {
            return .failure("expected [colour, from, to], found \(literal)")
        }
        guard let name = items[0].textValue?.uppercased(), let colour = Cell(rawValue: name.first ?? "?"),
              colour != .empty, name == "R" || name == "B" || name == "RED" || name == "BLUE" else {
            return .failure("colour must be 'R' or 'B', found \(items[0])")
        }
        guard let f = items[1].intValue, let t = items[2].intValue else { return .failure("expected integer positions in \(literal)") }
        return .success(Move(colour: colour, from: f, to: t))
    }

    func apply(_ m: Move, to board: inout [Cell]) -> Result<Void, MoveRejection> {
        for p in [m.from, m.to] where !(0..<width).contains(p) {
            return .failure("position \(p) is off the board (positions 0…\(width - 1))")
        }
        guard board[m.from] == m.colour else {
            return .failure("position \(m.from) holds \(board[m.from] == .empty ? "no checker" : String(board[m.from].rawValue)), not \(m.colour.rawValue)")
        }
        let step = m.to - m.from
        let forward = m.colour == .red ? 1 : -1
        if step.signum() == -forward {
            return .failure("\(m.colour.rawValue) checkers cannot move backwards (\(m.from) → \(m.to))")
        }
        guard board[m.to] == .empty else { return .failure("target position \(m.to) is not empty") }
        if step == forward {
            // slide
        } else if step == 2 * forward {
            let middle = m.from + forward
            guard board[middle] != .empty, board[middle] != m.colour else {
                return .failure("\(m.colour.rawValue) at \(m.from) can only jump over a checker of the other colour (position \(middle) holds \(board[middle].rawValue))")
            }
        } else {
            return .failure("a move is a slide of 1 or a jump of 2 cells, not \(abs(step))")
        }
        board[m.to] = m.colour
        board[m.from] = .empty
        return .success(())
    }
}
