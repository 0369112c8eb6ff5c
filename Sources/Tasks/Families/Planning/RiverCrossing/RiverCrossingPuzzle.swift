/// River Crossing with N actor/agent pairs: actors `a_1…a_N`, agents `A_1…A_N`, all on the left bank with the boat.
/// The boat carries 1…`capacity` people and is never empty; crossings alternate left→right, right→left, …
/// Safety: no actor may be with another agent (in the boat, or on a bank after the crossing) unless the actor's own
/// agent is also there. Goal: everyone on the right bank. A move is the list of people in the boat, e.g. `["A_1", "a_1"]`.
///
/// State encoding: bit i (0 ≤ i < N) is actor a_{i+1}, bit N+i is agent A_{i+1}; a set bit means "on the right bank".
public struct RiverCrossingPuzzle: MovePuzzle, Equatable {
    public let pairs: Int
    public let capacity: Int
    /// Shortest solution length (number of crossings), or nil when the instance has no solution.
    public let shortestSolution: [[Int]]?

    /// Builds the puzzle and solves it by breadth-first search over (who is on the right bank, boat side).
    /// - Precondition: 1 ≤ pairs ≤ 10, capacity ≥ 1.
    public init(pairs: Int, capacity: Int) {
        precondition((1...10).contains(pairs) && capacity >= 1)
        self.pairs = pairs
        self.capacity = capacity
        self.shortestSolution = Self.breadthFirstSolution(pairs: pairs, capacity: capacity)
        self.optimalMoveCount = shortestSolution?.count ?? 0
    }

    /// A puzzle whose shortest-solution length is already known (no search; `shortestSolution` is nil).
    public init(pairs: Int, capacity: Int, knownOptimalMoveCount: Int) {
        precondition((1...10).contains(pairs) && capacity >= 1)
        self.pairs = pairs
        self.capacity = capacity
        self.shortestSolution = nil
        self.optimalMoveCount = knownOptimalMoveCount
    }

    /// Whether breadth-first search found a solution (only meaningful for the searching initialiser).
    public var isSolvable: Bool { shortestSolution != nil }
    /// Length of a shortest solution (0 when unsolvable).
    public let optimalMoveCount: Int

    public func name(of person: Int) -> String { person < pairs ? "a_\(person + 1)" : "A_\(person - pairs + 1)" }
    func person(named raw: String) -> Int? {
        let s = raw.puzzleTrimmed()
        guard s.count >= 3, let kind = s.first, s.dropFirst().first == "_", let k = Int(s.dropFirst(2)), (1...pairs).contains(k) else {
            return nil
        }
        switch kind {
        case "a": return k - 1
        case "A": return pairs + k - 1
        default: return nil
        }
    }

    /// True when the group (bit set) contains an actor without its own agent while some agent is present.
    static func isUnsafe(_ group: UInt32, pairs: Int) -> Bool {
        let mask: UInt32 = (1 << UInt32(pairs)) - 1
        let actors = group & mask, agents = (group >> UInt32(pairs)) & mask
        return agents != 0 && (actors & ~agents) != 0
    }

    /// First unsafe actor of a group, as (actor, an agent that threatens it), for error messages.
    func threat(in group: UInt32) -> (Int, Int)? {
        guard Self.isUnsafe(group, pairs: pairs) else { return nil }
        let mask: UInt32 = (1 << UInt32(pairs)) - 1
        let actors = group & mask, agents = (group >> UInt32(pairs)) & mask
        let actor = (actors & ~agents).trailingZeroBitCount
        let agent = agents.trailingZeroBitCount
        return (actor, pairs + agent)
    }

    static func breadthFirstSolution(pairs: Int, capacity: Int) -> [[Int]]? {
        let people = 2 * pairs
        let all: UInt32 = (1 << UInt32(people)) - 1
        let stateCount = 1 << (people + 1)       // bit `people` = boat on the right
        let boatBit: UInt32 = 1 << UInt32(people)
        // Candidate boat loads: non-empty subsets of size ≤ capacity that are safe in the boat.
        var loads: [UInt32] = []
        for s in 1...all where s.nonzeroBitCount <= capacity && !isUnsafe(s, pairs: pairs) { loads.append(s) }
        var parent = [Int32](repeating: -1, count: stateCount)
        var via = [UInt32](repeating: 0, count: stateCount)
        let start = 0, goal = Int(all | boatBit)
        parent[start] = Int32(start)
        var queue = [start]
        var head = 0
        while head < queue.count {
            let state = queue[head]; head += 1
            if state == goal { break }
            let right = UInt32(state) & all
            let boatRight = UInt32(state) & boatBit != 0
            let here = boatRight ? right : (all & ~right)
            for load in loads where load & here == load {
                let newRight = boatRight ? right & ~load : right | load
                let left = all & ~newRight
                if isUnsafe(newRight, pairs: pairs) || isUnsafe(left, pairs: pairs) { continue }
                let next = Int(newRight | (boatRight ? 0 : boatBit))
                if parent[next] == -1 { parent[next] = Int32(state); via[next] = load; queue.append(next) }
            }
        }
        guard parent[goal] != -1 else { return nil }
        var moves: [[Int]] = []
        var s = goal
        while s != start {
            let load = via[s]
            moves.append((0..<people).filter { load & (1 << UInt32($0)) != 0 }.sorted { a, b in
                // agents first, then actors, by pair number: ["A_1", "a_1"]
                let ka = a >= pairs ? (a - pairs) * 2 : a * 2 + 1, kb = b >= pairs ? (b - pairs) * 2 : b * 2 + 1
                return ka < kb
            })
            s = Int(parent[s])
        }
        return moves.reversed()
    }

    public func literal(of move: [Int]) -> PuzzleLiteral { .list(move.map { .text(name(of: $0)) }) }

    public func replay(_ moves: [PuzzleLiteral]) -> PuzzleReplay {
        let all: UInt32 = (1 << UInt32(2 * pairs)) - 1
        var right: UInt32 = 0
        var boatRight = false
        for (i, literal) in moves.enumerated() {
            if let reason = step(literal, right: &right, boatRight: &boatRight, all: all) {
                return PuzzleReplay(submitted: moves.count, validMoves: i, firstInvalid: (i + 1, reason), goalReached: false)
            }
        }
        return PuzzleReplay(submitted: moves.count, validMoves: moves.count, firstInvalid: nil, goalReached: right == all)
    }

    private func step(_ literal: PuzzleLiteral, right: inout UInt32, boatRight: inout Bool, all: UInt32) -> String? {
        let items: [PuzzleLiteral]
        switch literal {
        case .list(let l): items = l
        case .text: items = [literal]
        case .int: return "expected a list of people such as [\"A_1\", \"a_1\"], found \(literal)"
        }
        guard !items.isEmpty else { return "the boat cannot cross empty" }
        guard items.count <= capacity else { return "the boat holds at most \(capacity) people, found \(items.count)" }
        var load: UInt32 = 0
        let bank = boatRight ? "right" : "left"
        for item in items {
            guard let raw = item.textValue, let p = person(named: raw) else {
                return "unknown person \(item) (expected a_1…a_\(pairs) or A_1…A_\(pairs))"
            }
            guard load & (1 << UInt32(p)) == 0 else { return "\(name(of: p)) is listed twice" }
            let onRight = right & (1 << UInt32(p)) != 0
            guard onRight == boatRight else { return "\(name(of: p)) is not on the \(bank) bank with the boat" }
            load |= 1 << UInt32(p)
        }
        if let (actor, agent) = threat(in: load) {
            return "in the boat, \(name(of: actor)) is with \(name(of: agent)) without \(name(of: actor + pairs))"
        }
        let newRight = boatRight ? right & ~load : right | load
        for (side, group) in [("left", all & ~newRight), ("right", newRight)] {
            if let (actor, agent) = threat(in: group) {
                return "on the \(side) bank, \(name(of: actor)) is with \(name(of: agent)) without \(name(of: actor + pairs))"
            }
        }
        right = newRight
        boatRight.toggle()
        return nil
    }
}
