/// N-Queens with some queens already placed (BeyondBench `n_queens`, fixed: ANY valid completion is accepted, and
/// given queens make instances differ between seeds).
///
/// Parameters: `size` (board n, 4...12, default 8), `given` (queens pre-placed from a planted solution, 0...6,
/// default 2; capped at n − 2). Answer: `[c0, c1, …]`, the 0-based column of the queen in each row.
/// data: `size`, `given` ("row:col,row:col").
struct NQueensFamily: TaskFamily {
    var id: String { "n-queens" }
    var version: Int { 1 }
    var summary: String { "place n non-attacking queens on an n×n board, some queens given (any valid board accepted)" }
    var parameters: [DifficultyParameter] {
        [
            .integer("size", 4...12, default: 8, "board size n (n queens)"),
            .integer("given", 0...6, default: 2, "queens already placed (capped at n − 2)"),
        ]
    }

    /// A random solution by backtracking with shuffled column order.
    static func randomSolution(_ n: Int, _ rng: inout TaskRNG) -> [Int] {
        var cols = [Int](repeating: -1, count: n)
        var orders: [[Int]] = (0..<n).map { _ in
            var o = Array(0..<n)
            rng.shuffle(&o)
            return o
        }
        func place(_ row: Int) -> Bool {
            if row == n { return true }
            for c in orders[row] where (0..<row).allSatisfy({ cols[$0] != c && abs(cols[$0] - c) != row - $0 }) {
                cols[row] = c
                if place(row + 1) { return true }
            }
            return false
        }
        _ = place(0)
        orders.removeAll()
        return cols
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("size"), k = min(difficulty.int("given"), n - 2)
        let solution = Self.randomSolution(n, &rng)
        var rows = Array(0..<n)
        rng.shuffle(&rows)
        let given = rows.prefix(k).sorted()
        let givenText = given.map { "\($0):\(solution[$0])" }.joined(separator: ",")
        var question = "Place \(n) queens on \(n == 8 || n == 11 ? "an" : "a") \(n)×\(n) chessboard so that no two queens attack each other "
            + "(no two queens share a row, a column or a diagonal). Rows and columns are numbered 0 to \(n - 1)."
        if !given.isEmpty {
            question += " These queens are already placed and must stay: "
                + given.map { "row \($0), column \(solution[$0])" }.joined(separator: "; ") + "."
        }
        question += " Give your answer as a list of \(n) column numbers, the column of the queen in row 0, row 1, …, row \(n - 1), "
            + "for example [" + (0..<min(n, 4)).map(String.init).joined(separator: ", ") + (n > 4 ? ", …]" : "]") + "."
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: InstanceBuilder.list(solution), data: ["size": String(n), "given": givenText])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        // A board of at most 64 rows (the parameter allows 4...12); every given queen "row:column" on it.
        guard let n = instance.data.intValue("size"), (1...64).contains(n) else { return missingDataVerdict("size") }
        guard let givenText = instance.data["given"], givenText.utf8.count <= 4096 else { return missingDataVerdict("given") }
        var given: [(Int, Int)] = []
        for pair in givenText.split(separator: ",", omittingEmptySubsequences: false) where !givenText.isEmpty {
            let p = pair.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard p.count == 2, let row = p[0], let column = p[1], (0..<n).contains(row), (0..<n).contains(column)
            else { return missingDataVerdict("given") }
            given.append((row, column))
        }
        guard let (values, _) = ShapeGrading.listValues(response) else {
            return .unparseable(detail: "no list of column numbers found")
        }
        let cols = values.map { $0.flatMap(Int.init) ?? -1 }
        let shown = InstanceBuilder.list(cols)
        guard cols.count == n else {
            return .incorrect(extracted: shown, detail: "expected \(n) column numbers, read \(cols.count)")
        }
        if let bad = cols.firstIndex(where: { !(0..<n).contains($0) }) {
            return .incorrect(extracted: shown, detail: "row \(bad): column \(cols[bad]) is outside 0...\(n - 1)")
        }
        var attacked = Set<Int>()
        var firstError: String? = nil
        for (r, c) in given where cols[r] != c {
            firstError = firstError ?? "row \(r) must keep its given queen in column \(c), read \(cols[r])"
            attacked.insert(r)
        }
        for a in 0..<n {
            for b in (a + 1)..<n where cols[a] == cols[b] || abs(cols[a] - cols[b]) == b - a {
                attacked.insert(a)
                attacked.insert(b)
                firstError = firstError
                    ?? "queens in rows \(a) and \(b) share a \(cols[a] == cols[b] ? "column" : "diagonal")"
            }
        }
        let ok = Double(n - attacked.count) / Double(n)
        if let firstError {
            return .incorrect(extracted: shown, score: ok, detail: firstError, metrics: ["safe_queens": ok])
        }
        return .correct(extracted: shown, metrics: ["safe_queens": 1])
    }
}
