/// Sudoku 4×4 (2×2 boxes), 6×6 (2×3 boxes) and 9×9 (3×3 boxes), optionally with the diagonal rule (both main
/// diagonals hold every digit once). BeyondBench `sudoku_solving`, fixed: the diagonal rule is checked, and any
/// valid completion consistent with the givens is accepted (puzzles need not have a unique solution).
///
/// Parameters: `size` (4, 6, 9; default 9), `difficulty` (easy/medium/hard/extreme removes 1/3, 1/2, 3/5, 2/3 of
/// the cells), `constraint` (standard, diagonal). Answer: n lines of n digits separated by spaces.
/// data: `size`, `constraint`, `puzzle` (rows separated by `/`, `0` for blanks).
struct SudokuFamily: TaskFamily {
    var id: String { "sudoku" }
    var version: Int { 1 }
    var summary: String { "complete a Sudoku grid (4×4, 6×6 or 9×9, optional diagonal rule); any valid completion accepted" }
    var parameters: [DifficultyParameter] {
        [
            .choice("size", ["4", "6", "9"], default: "9", "grid side n (boxes 2×2, 2×3, 3×3)"),
            .choice("difficulty", ["easy", "medium", "hard", "extreme"], default: "medium",
                    "share of blank cells: 1/3, 1/2, 3/5, 2/3"),
            .choice("constraint", ["standard", "diagonal"], default: "standard",
                    "diagonal: both main diagonals also hold each digit once"),
        ]
    }

    /// Box height and width for a side.
    static func box(_ n: Int) -> (rows: Int, cols: Int) { n == 4 ? (2, 2) : n == 6 ? (2, 3) : (3, 3) }

    /// ``units(_:diagonal:)`` for every supported grid, computed once (key: `n * 2 + (diagonal ? 1 : 0)`).
    static let unitTable: [Int: [[Int]]] = {
        var table: [Int: [[Int]]] = [:]
        for n in [4, 6, 9] { for d in [false, true] { table[n * 2 + (d ? 1 : 0)] = units(n, diagonal: d) } }
        return table
    }()

    /// The cells of every unit (rows, columns, boxes, and diagonals when `diagonal`), as flat indices.
    static func units(_ n: Int, diagonal: Bool) -> [[Int]] {
        let (bh, bw) = box(n)
        var units: [[Int]] = []
        for r in 0..<n { units.append((0..<n).map { r * n + $0 }) }
        for c in 0..<n { units.append((0..<n).map { $0 * n + c }) }
        for br in stride(from: 0, to: n, by: bh) {
            for bc in stride(from: 0, to: n, by: bw) {
                units.append((0..<bh).flatMap { r in (0..<bw).map { c in (br + r) * n + bc + c } })
            }
        }
        if diagonal {
            units.append((0..<n).map { $0 * n + $0 })
            units.append((0..<n).map { $0 * n + (n - 1 - $0) })
        }
        return units
    }

    /// A random full grid: backtracking with minimum-remaining-values and shuffled digit order.
    static func randomGrid(_ n: Int, diagonal: Bool, _ rng: inout TaskRNG) -> [Int] {
        let units = unitTable[n * 2 + (diagonal ? 1 : 0)]!
        var unitsOf = [[Int]](repeating: [], count: n * n)
        for (u, cells) in units.enumerated() { for c in cells { unitsOf[c].append(u) } }
        var used = [Int](repeating: 0, count: units.count)  // bitmask of digits used per unit
        var grid = [Int](repeating: 0, count: n * n)
        let full = (1 << (n + 1)) - 2
        var order = Array(1...n)
        func fill(_ remaining: Int) -> Bool {
            if remaining == 0 { return true }
            var best = -1, bestMask = 0, bestCount = n + 1
            for cell in 0..<(n * n) where grid[cell] == 0 {
                var m = 0
                for u in unitsOf[cell] { m |= used[u] }
                let free = full & ~m
                let count = free.nonzeroBitCount
                if count < bestCount { (best, bestMask, bestCount) = (cell, free, count) }
                if count == 0 { return false }
            }
            rng.shuffle(&order)
            for d in order where bestMask & (1 << d) != 0 {
                grid[best] = d
                for u in unitsOf[best] { used[u] |= 1 << d }
                if fill(remaining - 1) { return true }
                for u in unitsOf[best] { used[u] &= ~(1 << d) }
                grid[best] = 0
            }
            return false
        }
        _ = fill(n * n)
        return grid
    }

    static func blanks(_ difficulty: String, _ cells: Int) -> Int {
        switch difficulty {
        case "easy": return cells / 3
        case "hard": return cells * 3 / 5
        case "extreme": return cells * 2 / 3
        default: return cells / 2
        }
    }

    static func rowsText(_ grid: [Int], _ n: Int, blank: String) -> [String] {
        (0..<n).map { r in (0..<n).map { grid[r * n + $0] == 0 ? blank : String(grid[r * n + $0]) }.joined(separator: " ") }
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = Int(difficulty.string("size"))!, diagonal = difficulty.string("constraint") == "diagonal"
        let solution = Self.randomGrid(n, diagonal: diagonal, &rng)
        var cells = Array(0..<(n * n))
        rng.shuffle(&cells)
        var puzzle = solution
        for c in cells.prefix(Self.blanks(difficulty.string("difficulty"), n * n)) { puzzle[c] = 0 }
        let (bh, bw) = Self.box(n)
        let question = "Solve this \(n)×\(n) Sudoku. Fill every empty cell (shown as .) with a digit from 1 to \(n) so that "
            + "every row, every column and every \(bh)×\(bw) box contains each digit exactly once"
            + (diagonal ? ", and so do both main diagonals" : "") + ". Keep the given digits.\n\n"
            + Self.rowsText(puzzle, n, blank: ".").joined(separator: "\n")
            + "\n\nGive the completed grid as \(n) lines of \(n) digits separated by spaces."
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: Self.rowsText(solution, n, blank: "0").joined(separator: "\n"),
            data: [
                "size": String(n), "constraint": diagonal ? "diagonal" : "standard",
                "puzzle": (0..<n).map { r in (0..<n).map { String(puzzle[r * n + $0]) }.joined() }.joined(separator: "/"),
            ])
    }

    /// Reads an n×n grid: all digits of the answer region when there are exactly n², otherwise the last n lines that
    /// hold exactly n digits each (after dropping a `Row k:` style prefix).
    static func readGrid(_ response: String, _ n: Int) -> [Int]? {
        let region = ResponseScanner.region(response)
        let bytes = Array(region.text.utf8)
        func digits(_ slice: ArraySlice<UInt8>) -> [Int] { slice.compactMap { $0 >= 48 && $0 <= 57 ? Int($0 - 48) : nil } }
        let all = digits(bytes[...])
        if all.count == n * n { return all }
        var rows: [[Int]] = []
        let separators: Set<UInt8> = region.source == .boxed ? [10, UInt8(ascii: "\\")] : [10]
        for line in bytes.split(whereSeparator: { separators.contains($0) }) {
            var body = line
            if let colon = body.lastIndex(of: UInt8(ascii: ":")) { body = body[(colon + 1)...] }
            let d = digits(body)
            if d.count == n { rows.append(d) }
        }
        guard rows.count >= n else { return nil }
        return Array(rows.suffix(n).joined())
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        // The sizes the family offers, a known rule set, and a puzzle of n × n cells (rows separated by '/').
        guard let n = instance.data.intValue("size"), [4, 6, 9].contains(n) else { return missingDataVerdict("size") }
        guard let rule = instance.data["constraint"], ["standard", "diagonal"].contains(rule) else {
            return missingDataVerdict("constraint")
        }
        let diagonal = rule == "diagonal"
        let puzzleText = instance.data["puzzle"] ?? ""
        let puzzle = puzzleText.utf8.compactMap { $0 >= 48 && $0 <= 57 ? Int($0 - 48) : nil }
        guard puzzle.count == n * n, puzzle.allSatisfy({ $0 <= n }), puzzleText.utf8.count < 2 * n * n else {
            return missingDataVerdict("puzzle")
        }
        guard let grid = Self.readGrid(response, n) else {
            return .unparseable(detail: "no \(n)×\(n) grid of digits found")
        }
        let shown = Self.rowsText(grid, n, blank: "0").joined(separator: "\n")
        if let bad = grid.firstIndex(where: { !(1...n).contains($0) }) {
            return .incorrect(extracted: shown, detail: "row \(bad / n), column \(bad % n): \(grid[bad]) is not a digit 1...\(n)")
        }
        if let changed = puzzle.indices.first(where: { puzzle[$0] != 0 && puzzle[$0] != grid[$0] }) {
            return .incorrect(
                extracted: shown,
                detail: "row \(changed / n), column \(changed % n): given \(puzzle[changed]) was changed to \(grid[changed])")
        }
        let units = Self.unitTable[n * 2 + (diagonal ? 1 : 0)] ?? Self.units(n, diagonal: diagonal)
        var validUnits = 0
        var firstError: String? = nil
        for (u, cells) in units.enumerated() {
            if Set(cells.map { grid[$0] }).count == n { validUnits += 1; continue }
            let kind = u < n ? "row \(u)" : u < 2 * n ? "column \(u - n)" : u < 3 * n ? "box \(u - 2 * n)"
                : u == 3 * n ? "main diagonal" : "anti-diagonal"
            firstError = firstError ?? "\(kind) repeats a digit"
        }
        let score = Double(validUnits) / Double(units.count)
        if let firstError { return .incorrect(extracted: shown, score: score, detail: firstError, metrics: ["valid_units": score]) }
        return .correct(extracted: shown, metrics: ["valid_units": 1])
    }
}
