/// `blocks-world`: Blocks World (Illusion of Thinking). Complexity knob: N blocks on 3 stacks. Start: a random order of
/// the blocks split over stacks 0 and 1; goal: all blocks on stack 2 in a random order (the paper's goal is one
/// interleaved tower on stack 2). The reference answer is a shortest plan (breadth-first search).
public struct BlocksWorldFamily: TaskFamily {
    public init() {}
    public let id = "blocks-world"
    public let version = 1
    public let summary = "Blocks World: restack N lettered blocks into a goal tower (simulator-checked; optimum by BFS)."
    public let parameters: [DifficultyParameter] = [
        DifficultyParameter(name: "blocks", summary: "number of blocks N (3 stacks)", domain: .integer(2...7), defaultValue: "4"),
    ]

    /// The random start/goal pair for an instance (exposed for tests).
    public static func layout(blocks n: Int, rng: inout TaskRNG) -> (initial: [[Int]], goal: [[Int]]) {
        var order = Array(0..<n)
        rng.shuffle(&order)
        let cut = rng.int(in: 1...(n - 1))
        var tower = Array(0..<n)
        rng.shuffle(&tower)
        return ([Array(order[..<cut]), Array(order[cut...]), []], [[], [], tower])
    }

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("blocks")
        let (initial, goal) = Self.layout(blocks: n, rng: &rng)
        let puzzle = BlocksWorldPuzzle(initial: initial, goal: goal)
        let first = initial[0].last ?? 0
        let body = """
        Blocks World. There are \(n) blocks (\((0..<n).map(BlocksWorldPuzzle.letter).joined(separator: ", "))) on 3 stacks \
        numbered 0, 1 and 2. Each stack is listed from bottom to top.
        start: \(BlocksWorldPuzzle.render(initial))
        goal:  \(BlocksWorldPuzzle.render(goal))
        Rules: only the top block of a stack can be moved; it is placed on top of another stack, which may be empty. \
        One block moves at a time.
        Write each move as [block, from stack, to stack]; for example, ["\(BlocksWorldPuzzle.letter(first))", 0, 2] moves \
        block \(BlocksWorldPuzzle.letter(first)) from the top of stack 0 onto stack 2.
        """
        let answer = PuzzleGrading.render((puzzle.shortestSolution ?? []).map(puzzle.literal(of:)))
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: body,
                            plainSuffix: PuzzleGrading.plainSuffix,
                            boxedSuffix: PuzzleGrading.boxedSuffix(example: "[[\"\(BlocksWorldPuzzle.letter(first))\", 0, 2], ...]"),
                            answer: answer,
                            data: ["initial": Self.encode(initial), "goal": Self.encode(goal),
                                   "optimal_moves": String(puzzle.optimalMoveCount)])
    }

    /// Stacks as letters, stacks separated by `|`, bottom first: `"CA|BD|"`.
    static func encode(_ stacks: [[Int]]) -> String {
        stacks.map { $0.map(BlocksWorldPuzzle.letter).joined() }.joined(separator: "|")
    }
    static func decode(_ text: String) -> [[Int]]? {
        var result: [[Int]] = []
        for part in text.split(separator: "|", omittingEmptySubsequences: false) {
            var stack: [Int] = []
            for u in part.unicodeScalars {
                guard u.value >= 65, u.value < 91 else { return nil }
                stack.append(Int(u.value) - 65)
            }
            result.append(stack)
        }
        return result
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let initial = instance.data["initial"].flatMap(Self.decode), let goal = instance.data["goal"].flatMap(Self.decode),
              initial.count == goal.count, initial.count <= 3, initial.joined().count <= 12,
              initial.joined().sorted() == Array(0..<initial.joined().count),
              goal.joined().sorted() == initial.joined().sorted() else { return missingDataVerdict("initial/goal") }
        guard let optimal = instance.data.intValue("optimal_moves") else { return missingDataVerdict("optimal_moves") }
        return PuzzleGrading.grade(response: response,
                                   puzzle: BlocksWorldPuzzle(initial: initial, goal: goal, knownOptimalMoveCount: optimal))
    }
}
