/// `river-crossing`: actor/agent River Crossing (Illusion of Thinking). Complexity knob: N pairs; boat capacity k
/// ("auto": 2 for N ≤ 3, else 3, as in the paper). Only solvable instances are emitted: when breadth-first search
/// finds no solution for the requested capacity (e.g. N = 4, k = 2 or N ≥ 6, k = 3) the capacity is raised to the
/// smallest solvable one, and the prompt, `data["capacity"]` and the reference answer use that capacity.
public struct RiverCrossingFamily: TaskFamily {
    public init() {}
    public let id = "river-crossing"
    public let version = 1
    public let summary = "River Crossing: ferry N actor/agent pairs across a river under a safety rule (BFS-verified solvable)."
    public let parameters: [DifficultyParameter] = [
        DifficultyParameter(name: "pairs", summary: "number of actor/agent pairs N", domain: .integer(2...6), defaultValue: "3"),
        DifficultyParameter(name: "capacity", summary: "boat capacity k (auto: 2 if N ≤ 3 else 3; raised while unsolvable)",
                            domain: .choice(["auto", "2", "3", "4"]), defaultValue: "auto"),
    ]

    /// The smallest capacity ≥ the requested one for which the instance is solvable, with its solved puzzle.
    public static func solvablePuzzle(pairs: Int, requestedCapacity: Int) -> RiverCrossingPuzzle {
        var k = requestedCapacity
        while true {
            let puzzle = RiverCrossingPuzzle(pairs: pairs, capacity: k)
            if puzzle.isSolvable { return puzzle }
            k += 1     // with k ≥ 2·pairs everyone crosses at once, so this terminates
        }
    }

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        let n = difficulty.int("pairs")
        let requested = difficulty.string("capacity") == "auto" ? (n <= 3 ? 2 : 3) : Int(difficulty.string("capacity")) ?? 2
        let puzzle = Self.solvablePuzzle(pairs: n, requestedCapacity: requested)
        let k = puzzle.capacity
        let actors = (1...n).map { "a_\($0)" }.joined(separator: ", ")
        let agents = (1...n).map { "A_\($0)" }.joined(separator: ", ")
        let body = """
        River Crossing. \(n) actors (\(actors)) and their \(n) agents (\(agents)) stand on the left bank of a river with a \
        boat; agent A_i represents actor a_i. The boat carries at most \(k) people and cannot cross empty. Safety rule: an \
        actor may never be in the presence of another actor's agent unless the actor's own agent is also present — this \
        applies in the boat and on both banks (people arriving by boat join the bank they land on). Goal: everyone on the \
        right bank.
        Write each crossing as the list of people in the boat; crossings alternate, the first going from left to right, \
        the second back from right to left, and so on. For example, ["A_1", "a_1"] takes agent A_1 and actor a_1 across.
        """
        let answer = PuzzleGrading.render((puzzle.shortestSolution ?? []).map(puzzle.literal(of:)))
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: body,
                            plainSuffix: PuzzleGrading.plainSuffix,
                            boxedSuffix: PuzzleGrading.boxedSuffix(example: "[[\"A_1\", \"a_1\"], [\"A_1\"], ...]"),
                            answer: answer,
                            data: ["pairs": String(n), "capacity": String(k), "optimal_moves": String(puzzle.optimalMoveCount)])
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let n = instance.data.intValue("pairs"), (1...10).contains(n) else { return missingDataVerdict("pairs") }
        guard let k = instance.data.intValue("capacity"), k >= 1 else { return missingDataVerdict("capacity") }
        guard let optimal = instance.data.intValue("optimal_moves"), optimal > 0 else { return missingDataVerdict("optimal_moves") }
        return PuzzleGrading.grade(response: response, puzzle: RiverCrossingPuzzle(pairs: n, capacity: k, knownOptimalMoveCount: optimal))
    }
}
