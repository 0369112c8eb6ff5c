import Testing

@testable import Tasks

struct LogicGridTests {
    /// Clue semantics re-implemented: owner(c, v) is the person holding value v of category c (category 0 = name).
    static func satisfies(_ clues: [[Int]], _ table: [[Int]]) -> Bool {
        func owner(_ c: Int, _ v: Int) -> Int { c == 0 ? v : table[c - 1].firstIndex(of: v)! }
        return clues.allSatisfy { k in
            let a = owner(k[1], k[2]), b = owner(k[3], k[4])
            switch k[0] {
            case 0: return a == b
            case 1: return a != b
            case 2: return table[0][a] < table[0][b]
            default: return table[0][a] + 1 == table[0][b]
            }
        }
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        if items.count <= 1 { return [items] }
        return items.indices.flatMap { i in
            var rest = items
            let x = rest.remove(at: i)
            return permutations(rest).map { [x] + $0 }
        }
    }

    /// Number of tables (one permutation per category) satisfying every clue — full enumeration.
    static func solutionCount(_ clues: [[Int]], people: Int, categories: Int) -> Int {
        let perms = permutations(Array(0..<people))
        var count = 0
        var table: [[Int]] = []
        func go() {
            if table.count == categories { if satisfies(clues, table) { count += 1 }; return }
            for p in perms { table.append(p); go(); table.removeLast() }
        }
        go()
        return count
    }

    static func clues(_ i: TaskInstance) -> [[Int]] {
        i.data["clues"]!.split(separator: ",").map { $0.split(separator: ":").map { Int($0)! } }
    }

    static func table(_ i: TaskInstance) -> [[Int]] {
        i.data["solution"]!.split(separator: "|").map { $0.split(separator: ",").map { Int($0)! } }
    }

    @Test func referenceSatisfiesCluesAndSwapsRejected() {
        algoForEachSeed("logic-grid") { seed, instance in
            let t = Self.table(instance)
            guard t.count == 3, Self.satisfies(Self.clues(instance), t) else {
                Issue.record("seed \(seed): reference breaks a clue")
                return false
            }
            let names = ["Alice", "Bob", "Carol", "David"]
            let entries = instance.answer.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let a = seed % 4, b = (seed + 1 + seed % 3) % 4
            // swap everything except the names between two people, in one category's words
            var swappedEntries = entries
            swappedEntries[a] = names[a] + entries[b].drop(while: { $0 != ":" })
            swappedEntries[b] = names[b] + entries[a].drop(while: { $0 != ":" })
            let table = "| Name | House | Pet | Drink |\n|---|---|---|---|\n" + entries.map { e in
                let parts = e.split(separator: ":")
                return "| \(parts[0]) | " + parts[1].replacingOccurrences(of: "house ", with: "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ") + " |"
            }.joined(separator: "\n")
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && (seed % 5 != 0 || algoExpectGrade(instance, "Final arrangement:\n" + entries.reversed().joined(separator: "\n"), .correct, seed: seed))
                && (seed % 5 != 1 || algoExpectGrade(instance, table, .correct, seed: seed))
                && algoExpectGrade(instance, "\\boxed{" + swappedEntries.joined(separator: "; ") + "}", .incorrect, seed: seed)
        }
    }

    @Test func solutionIsUniqueByFullEnumeration() {
        for level in ["easy", "medium", "hard"] {
            algoForEachSeed("logic-grid", ["difficulty": level, "people": "3"], seeds: 150) { seed, instance in
                let n = Self.solutionCount(Self.clues(instance), people: 3, categories: 3)
                if n != 1 { Issue.record("seed \(seed) \(level): \(n) solutions") }
                return n == 1
            }
        }
        algoForEachSeed("logic-grid", ["difficulty": "hard"], seeds: 10) { seed, instance in
            let n = Self.solutionCount(Self.clues(instance), people: 4, categories: 3)
            if n != 1 { Issue.record("seed \(seed): \(n) solutions") }
            return n == 1
        }
    }

    @Test func hardDropsRedundantClues() {
        var easyClues = 0, hardClues = 0
        for seed in 0..<100 {
            easyClues += Self.clues(AlgorithmTestSupport.instance("logic-grid", seed: seed, ["difficulty": "medium"])).count
            let hard = AlgorithmTestSupport.instance("logic-grid", seed: seed, ["difficulty": "hard"])
            hardClues += Self.clues(hard).count
            let c = Self.clues(hard)
            if seed < 3 {  // minimal: removing any clue admits another solution
                for k in c.indices {
                    var fewer = c
                    fewer.remove(at: k)
                    #expect(Self.solutionCount(fewer, people: 4, categories: 3) > 1, "seed \(seed) clue \(k) redundant")
                }
            }
        }
        #expect(hardClues < easyClues)
    }

    @Test func peopleAndCategoryKnobs() {
        for people in 3...5 {
            for categories in 2...4 {
                for seed in 0..<4 {
                    let i = AlgorithmTestSupport.instance("logic-grid", seed: seed, ["people": String(people), "categories": String(categories)])
                    let t = Self.table(i)
                    #expect(t.count == categories && t.allSatisfy { $0.sorted() == Array(0..<people) })
                    #expect(Self.satisfies(Self.clues(i), t))
                    #expect(AlgorithmTestSupport.grade(i, i.answer).kind == .correct)
                }
            }
        }
    }
}
