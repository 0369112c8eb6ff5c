/// `hanoi`: Tower of Hanoi (Illusion of Thinking §3.2 of the research notes). Complexity knob: number of disks N;
/// the shortest solution has 2^N − 1 moves. Any legal move list that reaches the goal is correct; optimality is a metric.
public struct HanoiFamily: TaskFamily {
    public init() {}
    public let id = "hanoi"
    public let version = 1
    public let summary = "Tower of Hanoi: list the moves that transfer N disks between pegs (simulator-checked)."
    public let parameters: [DifficultyParameter] = [
        DifficultyParameter(name: "disks", summary: "number of disks N (shortest solution 2^N − 1 moves)",
                            domain: .integer(1...12), defaultValue: "4"),
        DifficultyParameter(name: "pegs", summary: "standard: from peg 0 to peg 2; random: random distinct start and goal pegs",
                            domain: .choice(["standard", "random"]), defaultValue: "standard"),
    ]

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("disks")
        var source = 0, target = 2
        if difficulty.string("pegs") == "random" {
            source = rng.int(in: 0...2)
            target = (source + rng.int(in: 1...2)) % 3
        }
        let puzzle = HanoiPuzzle(disks: n, source: source, target: target)
        let body = """
        Tower of Hanoi. There are three pegs, numbered 0, 1 and 2, and \(n) disk\(n == 1 ? "" : "s") of different sizes, \
        numbered 1 (smallest) to \(n) (largest). At the start all disks are stacked on peg \(source), largest at the bottom \
        and smallest on top. Rules: move one disk at a time; only the top disk of a peg may be moved; a disk may never be \
        placed on a smaller disk. Goal: all \(n) disks stacked on peg \(target).
        Write each move as [disk, from peg, to peg]; for example, [1, \(source), \(3 - source - target)] moves disk 1 from \
        peg \(source) to peg \(3 - source - target).
        """
        let answer = PuzzleGrading.render(puzzle.optimalSolution().map(\.literal))
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: body,
                            plainSuffix: PuzzleGrading.plainSuffix,
                            boxedSuffix: PuzzleGrading.boxedSuffix(example: "[[1, \(source), \(target)], ...]"),
                            answer: answer,
                            data: ["disks": String(n), "source": String(source), "target": String(target)])
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let n = instance.data.intValue("disks"), (1...62).contains(n) else { return missingDataVerdict("disks") }
        guard let s = instance.data.intValue("source"), let t = instance.data.intValue("target"),
              (0...2).contains(s), (0...2).contains(t), s != t else { return missingDataVerdict("source/target") }
        return PuzzleGrading.grade(response: response, puzzle: HanoiPuzzle(disks: n, source: s, target: t))
    }
}
