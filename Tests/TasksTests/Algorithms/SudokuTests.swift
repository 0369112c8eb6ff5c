import Testing

@testable import Tasks

struct SudokuTests {
    /// Independent validity check: rows, columns, boxes (and diagonals) hold 1...n.
    static func valid(_ g: [Int], _ n: Int, diagonal: Bool) -> Bool {
        let (bh, bw) = n == 4 ? (2, 2) : n == 6 ? (2, 3) : (3, 3)
        let all = (1 << (n + 1)) - 2
        guard g.count == n * n, g.allSatisfy({ $0 >= 1 && $0 <= n }) else { return false }
        for i in 0..<n {
            var row = 0, column = 0, box = 0
            let br = i / (n / bw) * bh, bc = i % (n / bw) * bw
            for k in 0..<n {
                row |= 1 << g[i * n + k]
                column |= 1 << g[k * n + i]
                box |= 1 << g[(br + k / bw) * n + bc + k % bw]
            }
            if row != all || column != all || box != all { return false }
        }
        if diagonal {
            var main = 0, anti = 0
            for k in 0..<n { main |= 1 << g[k * n + k]; anti |= 1 << g[k * n + n - 1 - k] }
            if main != all || anti != all { return false }
        }
        return true
    }

    static func puzzle(_ i: TaskInstance) -> [Int] { grid(i.data["puzzle"] ?? "") }
    static func grid(_ text: String) -> [Int] { text.utf8.compactMap { $0 >= 48 && $0 <= 57 ? Int($0 - 48) : nil } }
    static func text(_ g: [Int], _ n: Int) -> String {
        (0..<n).map { r in (0..<n).map { String(g[r * n + $0]) }.joined(separator: " ") }.joined(separator: "\n")
    }

    @Test func referenceValidAndChangedCellsRejected() {
        algoForEachSeed("sudoku") { seed, instance in
            let g = Self.grid(instance.answer), p = Self.puzzle(instance)
            guard g.count == 81, Self.valid(g, 9, diagonal: false), p.indices.allSatisfy({ p[$0] == 0 || p[$0] == g[$0] }),
                p.filter({ $0 == 0 }).count == 40
            else { Issue.record("seed \(seed): bad instance"); return false }
            let blank = p.indices.filter { p[$0] == 0 }[seed % 40]
            var changed = g
            changed[blank] = g[blank] % 9 + 1
            let given = p.indices.filter { p[$0] != 0 }[seed % 41]
            var swapped = g  // swap a given with its row neighbour: still a permutation per row, but givens change
            let neighbour = given % 9 == 8 ? given - 1 : given + 1
            swapped.swapAt(given, neighbour)
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && (seed % 5 != 0 || algoExpectGrade(instance, "Solved grid:\n\\boxed{\\begin{matrix}" + Self.text(g, 9).replacingOccurrences(of: "\n", with: " \\\\ ") + "\\end{matrix}}", .correct, seed: seed))
                && algoExpectGrade(instance, Self.text(seed % 2 == 0 ? changed : swapped, 9), .incorrect, seed: seed)
        }
    }

    /// All completions of a 4×4 puzzle by brute force.
    static func completions(_ p: [Int], _ n: Int, diagonal: Bool) -> [[Int]] {
        var out: [[Int]] = []
        var g = p
        func go(_ i: Int) {
            if i == n * n { if valid(g, n, diagonal: diagonal) { out.append(g) }; return }
            if g[i] != 0 { go(i + 1); return }
            for d in 1...n {
                let r = i / n, c = i % n
                if (0..<n).contains(where: { g[r * n + $0] == d || g[$0 * n + c] == d }) { continue }
                g[i] = d
                go(i + 1)
                g[i] = 0
            }
        }
        go(0)
        return out
    }

    @Test func everyValidCompletionAccepted() {
        var alternatives = 0
        for diagonal in [false, true] {
            algoForEachSeed("sudoku", ["size": "4", "difficulty": "extreme", "constraint": diagonal ? "diagonal" : "standard"], seeds: 400) { seed, instance in
                let all = Self.completions(Self.puzzle(instance), 4, diagonal: diagonal)
                guard all.contains(Self.grid(instance.answer)) else { Issue.record("seed \(seed): reference not a completion"); return false }
                for g in all where g != Self.grid(instance.answer) {
                    alternatives += 1
                    if !algoExpectGrade(instance, Self.text(g, 4), .correct, seed: seed) { return false }
                }
                return true
            }
        }
        #expect(alternatives > 50)
    }

    @Test func diagonalRuleIsChecked() {
        // A standard-valid grid that breaks the diagonal rule must be rejected for a diagonal puzzle with no givens.
        let standardOnly = [1, 2, 3, 4, 3, 4, 1, 2, 2, 1, 4, 3, 4, 3, 2, 1]
        #expect(Self.valid(standardOnly, 4, diagonal: false) && !Self.valid(standardOnly, 4, diagonal: true))
        var instance = AlgorithmTestSupport.instance("sudoku", seed: 3, ["size": "4", "constraint": "diagonal"])
        instance.data["puzzle"] = "0000/0000/0000/0000"
        let v = AlgorithmTestSupport.grade(instance, Self.text(standardOnly, 4))
        #expect(v.kind == .incorrect && v.detail == "main diagonal repeats a digit")
    }

    @Test func sizeDifficultyAndConstraintKnobs() {
        for (size, blanks) in [(4, [5, 8, 9, 10]), (6, [12, 18, 21, 24]), (9, [27, 40, 48, 54])] {
            for (d, level) in ["easy", "medium", "hard", "extreme"].enumerated() {
                for constraint in ["standard", "diagonal"] {
                    for seed in 0..<25 {
                        let instance = AlgorithmTestSupport.instance(
                            "sudoku", seed: seed, ["size": String(size), "difficulty": level, "constraint": constraint])
                        let g = Self.grid(instance.answer), p = Self.puzzle(instance)
                        #expect(g.count == size * size && Self.valid(g, size, diagonal: constraint == "diagonal"), "\(size) \(constraint) seed \(seed)")
                        #expect(p.filter { $0 == 0 }.count == blanks[d])
                        #expect(AlgorithmTestSupport.grade(instance, instance.answer).kind == .correct)
                    }
                }
            }
        }
    }
}
