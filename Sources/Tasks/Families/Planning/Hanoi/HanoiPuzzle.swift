/// Tower of Hanoi with three pegs (0, 1, 2) and disks 1 (smallest) … `disks` (largest).
/// All disks start on `source`; the goal is all disks on `target`. A move `[disk, from, to]` moves the top disk of
/// peg `from` (which must be `disk`) onto peg `to`, never onto a smaller disk. Shortest solution: 2^disks − 1 moves (unique).
public struct HanoiPuzzle: MovePuzzle, Equatable {
    public let disks: Int
    public let source: Int
    public let target: Int

    /// - Precondition: `disks ≥ 1`, `source ≠ target`, both in 0...2.
    public init(disks: Int, source: Int = 0, target: Int = 2) {
        precondition(disks >= 1 && disks <= 62 && (0...2).contains(source) && (0...2).contains(target) && source != target)
        self.disks = disks; self.source = source; self.target = target
    }

    public struct Move: Sendable, Equatable {
        public var disk: Int, from: Int, to: Int
        public init(disk: Int, from: Int, to: Int) { self.disk = disk; self.from = from; self.to = to }
        public var literal: PuzzleLiteral { .list([.int(disk), .int(from), .int(to)]) }
    }

    public var optimalMoveCount: Int { (1 << disks) - 1 }

    /// The unique shortest solution (recursive construction).
    public func optimalSolution() -> [Move] {
        var moves: [Move] = []
        moves.reserveCapacity(optimalMoveCount)
        func solve(_ n: Int, _ from: Int, _ to: Int, _ via: Int) {
            guard n > 0 else { return }
            solve(n - 1, from, via, to)
            moves.append(Move(disk: n, from: from, to: to))
            solve(n - 1, via, to, from)
        }
        solve(disks, source, target, 3 - source - target)
        return moves
    }

    public func initialPegs() -> [[Int]] {
        var pegs: [[Int]] = [[], [], []]
        pegs[source] = Array((1...disks).reversed())
        return pegs
    }

    public func replay(_ moves: [PuzzleLiteral]) -> PuzzleReplay {
        var pegs = initialPegs()
        for (i, literal) in moves.enumerated() {
            let outcome = Self.decode(literal).flatMap { apply($0, to: &pegs) }
            if case .failure(let reason) = outcome {
                return PuzzleReplay(submitted: moves.count, validMoves: i, firstInvalid: (i + 1, reason.text), goalReached: false)
            }
        }
        return PuzzleReplay(submitted: moves.count, validMoves: moves.count, firstInvalid: nil,
                            goalReached: pegs[target].count == disks)
    }

    static func decode(_ literal: PuzzleLiteral) -> Result<Move, MoveRejection> {
        guard let items = literal.listValue else { return .failure("expected [disk, from peg, to peg], found \(literal)") }
        guard items.count == 3 else { return .failure("expected 3 numbers [disk, from peg, to peg], found \(items.count) in \(literal)") }
        guard let d = items[0].intValue, let f = items[1].intValue, let t = items[2].intValue else {
            return .failure("expected integers in \(literal)")
        }
        return .success(Move(disk: d, from: f, to: t))
    }

    func apply(_ m: Move, to pegs: inout [[Int]]) -> Result<Void, MoveRejection> {
        for p in [m.from, m.to] where !(0...2).contains(p) { return .failure("peg \(p) does not exist (pegs are 0, 1, 2)") }
        guard (1...disks).contains(m.disk) else { return .failure("disk \(m.disk) does not exist (disks are 1…\(disks))") }
        guard m.from != m.to else { return .failure("from and to are the same peg \(m.from)") }
        guard let top = pegs[m.from].last else { return .failure("peg \(m.from) is empty") }
        guard top == m.disk else { return .failure("disk \(m.disk) is not on top of peg \(m.from) (top disk is \(top))") }
        if let below = pegs[m.to].last, below < m.disk {
            return .failure("disk \(m.disk) cannot be placed on smaller disk \(below) on peg \(m.to)")
        }
        pegs[m.from].removeLast()
        pegs[m.to].append(m.disk)
        return .success(())
    }
}
