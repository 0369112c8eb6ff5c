/// Blocks World with lettered blocks on a fixed number of stacks (0-indexed, each listed bottom → top).
/// A move `[block, from, to]` takes the top block of stack `from` (which must be `block`) and puts it on top of stack
/// `to` (empty or not). Goal: the stacks equal `goal` exactly. The shortest solution is found by breadth-first search.
public struct BlocksWorldPuzzle: MovePuzzle, Equatable {
    public let initial: [[Int]]
    public let goal: [[Int]]
    public let blockCount: Int
    /// A shortest solution (moves as (block, from, to)); nil when the goal is unreachable.
    public let shortestSolution: [Move]?

    public struct Move: Sendable, Equatable {
        public var block: Int, from: Int, to: Int
        public init(block: Int, from: Int, to: Int) { self.block = block; self.from = from; self.to = to }
    }

    /// - Precondition: `initial` and `goal` have the same number (≤ 3) of stacks and hold blocks 0..<n exactly once each (n ≤ 12).
    /// Solves the instance by breadth-first search (N! · C(N+2, 2) states for 3 stacks; fine for N ≤ 7).
    public init(initial: [[Int]], goal: [[Int]]) {
        self.init(initial: initial, goal: goal, solve: true, knownOptimal: 0)
    }

    /// An instance whose shortest-solution length is already known (skips the search; `shortestSolution` is nil).
    public init(initial: [[Int]], goal: [[Int]], knownOptimalMoveCount: Int) {
        self.init(initial: initial, goal: goal, solve: false, knownOptimal: knownOptimalMoveCount)
    }

    private init(initial: [[Int]], goal: [[Int]], solve: Bool, knownOptimal: Int) {
        let n = initial.joined().count
        precondition(n <= 12 && initial.count == goal.count && initial.count <= 3 && initial.joined().sorted() == Array(0..<n)
                     && goal.joined().sorted() == Array(0..<n))
        self.initial = initial; self.goal = goal; self.blockCount = n
        self.shortestSolution = solve ? Self.breadthFirstSolution(initial: initial, goal: goal) : nil
        self.optimalMoveCount = solve ? shortestSolution?.count ?? 0 : knownOptimal
    }

    /// Length of a shortest solution.
    public let optimalMoveCount: Int

    public static func letter(_ block: Int) -> String { String(UnicodeScalar(UInt8(65 + block))) }
    func block(named raw: String) -> Int? {
        let s = raw.puzzleTrimmed().uppercased()
        guard s.count == 1, let a = s.unicodeScalars.first?.value, a >= 65, Int(a) - 65 < blockCount else { return nil }
        return Int(a) - 65
    }

    public func literal(of move: Move) -> PuzzleLiteral { .list([.text(Self.letter(move.block)), .int(move.from), .int(move.to)]) }
    public static func render(_ stacks: [[Int]]) -> String {
        "[" + stacks.map { "[" + $0.map { "\"\(letter($0))\"" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// Packed key of a state: 4 bits per entry, each stack's blocks (bottom first) followed by the separator 15.
    /// Unique for up to 12 blocks on 3 stacks (15 entries · 4 bits ≤ 60 bits).
    static func key(_ stacks: [[Int]]) -> UInt64 {
        var k: UInt64 = 0
        for s in stacks {
            for b in s { k = k << 4 | UInt64(b) }
            k = k << 4 | 15
        }
        return k
    }

    /// Breadth-first search over packed states (no allocation per state: stacks are unpacked into registers).
    static func breadthFirstSolution(initial: [[Int]], goal: [[Int]]) -> [Move]? {
        let stackCount = initial.count
        let entries = initial.joined().count + stackCount
        let goalKey = key(goal), startKey = key(initial)
        // parent[key] = (previous key, move packed as block << 8 | from << 4 | to)
        var parent: [UInt64: (UInt64, UInt16)] = [startKey: (startKey, UInt16.max)]
        var queue: [UInt64] = [startKey]
        var head = 0
        var found = startKey == goalKey
        search: while !found, head < queue.count {
            let stateKey = queue[head]; head += 1
            // Unpack: nibbles from most significant; 15 closes a stack.
            var vals = SIMD4<UInt64>(repeating: 0), counts = SIMD4<Int>(repeating: 0)
            var s = 0
            for i in stride(from: entries - 1, through: 0, by: -1) {
                let nib = stateKey >> UInt64(4 * i) & 15
                if nib == 15 { s += 1 } else { vals[s] = vals[s] << 4 | nib; counts[s] += 1 }
            }
            for from in 0..<stackCount where counts[from] > 0 {
                let b = vals[from] & 15
                for to in 0..<stackCount where to != from {
                    var nv = vals, nc = counts
                    nv[from] >>= 4; nc[from] -= 1
                    nv[to] = nv[to] << 4 | b; nc[to] += 1
                    var nextKey: UInt64 = 0
                    for t in 0..<stackCount { nextKey = (nextKey << UInt64(4 * nc[t]) | nv[t]) << 4 | 15 }
                    if parent[nextKey] != nil { continue }
                    parent[nextKey] = (stateKey, UInt16(Int(b) << 8 | from << 4 | to))
                    if nextKey == goalKey { found = true; break search }
                    queue.append(nextKey)
                }
            }
        }
        guard found else { return nil }
        var moves: [Move] = []
        var k = goalKey
        while let (prev, packed) = parent[k], packed != UInt16.max {
            moves.append(Move(block: Int(packed >> 8), from: Int(packed >> 4 & 15), to: Int(packed & 15)))
            k = prev
        }
        return moves.reversed()
    }

    public func replay(_ moves: [PuzzleLiteral]) -> PuzzleReplay {
        var stacks = initial
        for (i, literal) in moves.enumerated() {
            if let reason = step(literal, &stacks) {
                return PuzzleReplay(submitted: moves.count, validMoves: i, firstInvalid: (i + 1, reason), goalReached: false)
            }
        }
        return PuzzleReplay(submitted: moves.count, validMoves: moves.count, firstInvalid: nil, goalReached: stacks == goal)
    }

    /// Applies one move; returns the reason when it is illegal.
    func step(_ literal: PuzzleLiteral, _ stacks: inout [[Int]]) -> String? {
        guard let items = literal.listValue, items.count == 3 else { return "expected [block, from stack, to stack], found \(literal)" }
        guard let raw = items[0].textValue, let b = block(named: raw) else {
            return "unknown block \(items[0]) (blocks are A…\(Self.letter(blockCount - 1)))"
        }
        guard let from = items[1].intValue, let to = items[2].intValue else { return "expected integer stacks in \(literal)" }
        for s in [from, to] where !stacks.indices.contains(s) { return "stack \(s) does not exist (stacks are 0…\(stacks.count - 1))" }
        guard from != to else { return "from and to are the same stack \(from)" }
        guard let top = stacks[from].last else { return "stack \(from) is empty" }
        guard top == b else { return "block \(Self.letter(b)) is not on top of stack \(from) (top is \(Self.letter(top)))" }
        stacks[from].removeLast()
        stacks[to].append(b)
        return nil
    }
}
