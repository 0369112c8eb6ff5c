import Testing

@testable import Tasks

struct NQueensTests {
    static func valid(_ cols: [Int]) -> Bool {
        for a in cols.indices {
            for b in cols.indices where b > a {
                if cols[a] == cols[b] || abs(cols[a] - cols[b]) == b - a { return false }
            }
        }
        return true
    }

    static func given(_ instance: TaskInstance) -> [(Int, Int)] {
        (instance.data["given"] ?? "").split(separator: ",").map { p in
            let v = p.split(separator: ":").map { Int($0)! }
            return (v[0], v[1])
        }
    }

    /// Every solution consistent with the givens, by plain backtracking (independent of the family's solver).
    static func allSolutions(_ n: Int, given: [(Int, Int)]) -> [[Int]] {
        var out: [[Int]] = []
        var cols: [Int] = []
        func go() {
            if cols.count == n { out.append(cols); return }
            let row = cols.count
            for c in 0..<n {
                if let g = given.first(where: { $0.0 == row }), g.1 != c { continue }
                cols.append(c)
                if valid(cols) { go() }
                cols.removeLast()
            }
        }
        go()
        return out
    }

    @Test func referenceValidAndMovedQueenRejected() {
        algoForEachSeed("n-queens") { seed, instance in
            let cols = AlgorithmTestSupport.ints(instance.answer)
            guard cols.count == 8, Self.valid(cols), Self.given(instance).count == 2,
                Self.given(instance).allSatisfy({ cols[$0.0] == $0.1 })
            else {
                Issue.record("seed \(seed): bad reference \(instance.answer)")
                return false
            }
            var moved = cols
            moved[seed % 8] = (moved[seed % 8] + 1 + seed % 7) % 8
            var swapped = cols
            swapped.swapAt(seed % 8, (seed + 3) % 8)
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && algoExpectGrade(instance, "Here it is: \\boxed{\(AlgorithmTestSupport.list(cols))}", .correct, seed: seed)
                && algoExpectGrade(instance, AlgorithmTestSupport.list(moved), .incorrect, seed: seed)
                && (Self.valid(swapped) || algoExpectGrade(instance, AlgorithmTestSupport.list(swapped), .incorrect, seed: seed))
                && algoExpectGrade(instance, AlgorithmTestSupport.list(Array(cols.dropLast())), .incorrect, seed: seed)
        }
    }

    @Test func everyValidCompletionAccepted() {
        var alternatives = 0
        algoForEachSeed("n-queens", seeds: 300) { seed, instance in
            let all = Self.allSolutions(8, given: Self.given(instance))
            #expect(!all.isEmpty)
            for s in all where AlgorithmTestSupport.list(s) != instance.answer {
                alternatives += 1
                if !algoExpectGrade(instance, "\\boxed{\(AlgorithmTestSupport.list(s))}", .correct, seed: seed) { return false }
            }
            return true
        }
        #expect(alternatives > 100)
        // No givens: the mirror image of the reference is another valid board.
        algoForEachSeed("n-queens", ["given": "0", "size": "6"], seeds: 200) { seed, instance in
            let mirrored = AlgorithmTestSupport.ints(instance.answer).map { 5 - $0 }
            return algoExpectGrade(instance, AlgorithmTestSupport.list(mirrored), .correct, seed: seed)
        }
    }

    @Test func sizeAndGivenKnobs() {
        for n in 4...12 {
            for seed in 0..<30 {
                let instance = AlgorithmTestSupport.instance("n-queens", seed: seed, ["size": String(n), "given": "6"])
                let cols = AlgorithmTestSupport.ints(instance.answer)
                #expect(cols.count == n && Self.valid(cols), "n \(n) seed \(seed)")
                #expect(Self.given(instance).count == min(6, n - 2))
                for (row, col) in Self.given(instance) { #expect(instance.prompt.contains("row \(row), column \(col)")) }
            }
        }
    }

    @Test func detailNamesTheConflict() {
        let instance = AlgorithmTestSupport.instance("n-queens", seed: 1, ["given": "0", "size": "4"])
        let v = AlgorithmTestSupport.grade(instance, "[0, 1, 2, 3]")
        #expect(v.kind == .incorrect)
        #expect(v.detail == "queens in rows 0 and 1 share a diagonal")
        #expect(AlgorithmTestSupport.grade(instance, "no idea").kind == .unparseable)
    }
}
