/// Tower of Hanoi move lists for `hanoi`: one step per move, `Move disk 2 from peg 0 to peg 1.`
///
/// A step is right when the move is legal and brings the goal exactly one move closer (it stays on a shortest
/// solution); the clean solution is the shortest one. Errors: an illegal move (a disk that is not on top of the
/// peg named, or named on the wrong peg; the solver then carries on as if the intended move was made) and a
/// useless legal move (the solver then carries on optimally from where it is).
public struct HanoiSteps: StepFamily {
    public init() {}
    public var id: String { "hanoi" }
    public var taskFamily: any TaskFamily { HanoiFamily() }
    public var errorKinds: [StepErrorKind] { [.illegalMove, .uselessMove] }

    static let moveSkeleton = "Move disk # from peg # to peg #."
    /// Most disks the checker accepts (the task family's own range is 1...12).
    static let maxDisks = 20

    public func problem(from instance: TaskInstance) -> StepProblem {
        let n = instance.data["disks"] ?? "1", s = instance.data["source"] ?? "0", t = instance.data["target"] ?? "2"
        return StepProblem(
            statement: "Tower of Hanoi: pegs 0, 1 and 2; disks 1 (smallest) to \(n) (largest) start stacked on peg \(s). "
                + "Move one top disk at a time, never onto a smaller disk, until all disks are on peg \(t). "
                + "Use as few moves as possible.",
            data: ["disks": n, "source": s, "target": t])
    }

    /// A position: `peg[d]` is the peg of disk d (index 0 unused).
    struct Position: Equatable {
        var peg: [Int]
        var disks: Int { peg.count - 1 }

        /// The top (smallest) disk on `p`, if any.
        func top(_ p: Int) -> Int? { (1...disks).first { peg[$0] == p } }

        func isLegal(disk d: Int, from p: Int, to q: Int) -> Bool {
            guard (1...disks).contains(d), (0...2).contains(p), (0...2).contains(q), p != q, peg[d] == p else { return false }
            return top(p) == d && (top(q).map { $0 > d } ?? true)
        }

        /// Fewest moves to stack every disk on `target`: the largest disk not yet on its goal peg must move once,
        /// after the smaller disks gather on the third peg (2^(d−1) moves in all for disks 1…d).
        func distance(to target: Int) -> Int {
            var goal = target, total = 0
            for d in stride(from: disks, through: 1, by: -1) where peg[d] != goal {
                total += 1 << (d - 1)
                goal = 3 - peg[d] - goal
            }
            return total
        }

        /// Legal moves as (disk, from, to).
        var legalMoves: [(Int, Int, Int)] {
            var moves: [(Int, Int, Int)] = []
            for p in 0...2 { for q in 0...2 where p != q { if let d = top(p), isLegal(disk: d, from: p, to: q) { moves.append((d, p, q)) } } }
            return moves
        }
    }

    static func readData(_ data: [String: String], family: String) throws(TasksError) -> (Int, Int, Int) {
        guard let n = data["disks"].flatMap({ Int($0) }), (1...maxDisks).contains(n),
              let s = data["source"].flatMap({ Int($0) }), let t = data["target"].flatMap({ Int($0) }),
              (0...2).contains(s), (0...2).contains(t), s != t
        else {
            throw .invalidStepData(family: family, reason: "expected \"disks\" in 1...\(maxDisks) and distinct pegs \"source\" and \"target\" in 0...2")
        }
        return (n, s, t)
    }

    public func solve(_ problem: StepProblem, fault: StepFault?) -> [String]? {
        guard let read = try? Self.readData(problem.data, family: id) else { return nil }
        let (n, s, t) = read
        var position = Position(peg: Array(repeating: s, count: n + 1))
        var steps: [String] = []
        var applied = false
        func say(_ d: Int, _ p: Int, _ q: Int) { steps.append("Move disk \(d) from peg \(p) to peg \(q).") }
        while position.distance(to: t) > 0 && steps.count <= 2 << n {
            let distance = position.distance(to: t)
            let moves = position.legalMoves
            guard let best = moves.first(where: { m in
                var next = position
                next.peg[m.0] = m.2
                return next.distance(to: t) == distance - 1
            }) else { return nil }
            if let fault, fault.step == steps.count {
                applied = true
                var rng = TaskRNG(seed: fault.draw)
                switch fault.kind {
                case .illegalMove:
                    let (d, p, q) = best
                    if n >= 2 && rng.bool() {
                        say(rng.pick(Array(1...n).filter { $0 != d }), p, q)   // names a disk that is not on top
                    } else {
                        say(d, 3 - p - q, q)                                   // names the wrong peg
                    }
                    position.peg[d] = q
                case .uselessMove:
                    let useless = moves.filter { m in
                        var next = position
                        next.peg[m.0] = m.2
                        return next.distance(to: t) != distance - 1
                    }
                    guard !useless.isEmpty else { return nil }
                    let (d, p, q) = rng.pick(useless)
                    say(d, p, q)
                    position.peg[d] = q
                default:
                    return nil
                }
                continue
            }
            say(best.0, best.1, best.2)
            position.peg[best.0] = best.2
        }
        guard fault == nil || applied else { return nil }
        return steps
    }

    public func firstWrongStep(_ steps: [String], data: [String: String]) throws(TasksError) -> Int {
        let (n, s, t) = try Self.readData(data, family: id)
        var position = Position(peg: Array(repeating: s, count: n + 1))
        for (index, step) in steps.enumerated() {
            guard let numbers = StepText.integers(in: step, skeleton: Self.moveSkeleton, maxDigits: 4), numbers.count == 3
            else { return index }
            let d = Int(numbers[0]), p = Int(numbers[1]), q = Int(numbers[2])
            guard position.isLegal(disk: d, from: p, to: q) else { return index }
            let before = position.distance(to: t)
            position.peg[d] = q
            guard position.distance(to: t) == before - 1 else { return index }
        }
        return position.distance(to: t) == 0 ? -1 : steps.count
    }
}
