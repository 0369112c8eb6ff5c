/// Logic grid puzzles (BeyondBench `logic_grid_puzzles`): people, a house number each, and further attributes; clues
/// are added at random until exactly one solution remains (checked by an exhaustive solver), so cell-by-cell comparison
/// with that solution is exact. Difficulty: easy = direct, negative and link clues; medium adds negative links and house
/// comparisons; hard additionally drops every clue not needed for uniqueness.
///
/// Parameters: `people` (3...5, default 4), `categories` (attribute categories including the house number, 2...4,
/// default 3), `difficulty` (easy, medium, hard; default medium).
/// Answer: `Alice: house 1, dog, tea; Bob: …` (a line per person or a table is read too).
/// data: `people`, `categories`, `solution` (per category from the house on, each person's value index: "0,2,1|…"),
/// `clues` ("kind:c1:v1:c2:v2,…"; kind 0 same person, 1 different people, 2 lower house, 3 house one less;
/// category 0 is the name, 1 the house).
struct LogicGridFamily: TaskFamily {
    var id: String { "logic-grid" }
    var version: Int { 1 }
    var summary: String { "logic grid puzzle with a unique solution: who has which attribute" }
    var parameters: [DifficultyParameter] {
        [
            .integer("people", 3...5, default: 4, "number of people (and values per category)"),
            .integer("categories", 2...4, default: 3, "attribute categories, the house number included"),
            .choice("difficulty", ["easy", "medium", "hard"], default: "medium", "clue kinds and redundancy"),
        ]
    }

    static let names = ["Alice", "Bob", "Carol", "David", "Emma"]
    /// Category 1 is the house number; categories 2... use these words.
    static let words: [[String]] = [
        ["cat", "dog", "bird", "fish", "horse"], ["tea", "coffee", "milk", "juice", "water"],
        ["red", "green", "blue", "yellow", "white"],
    ]
    static let verbs = ["owns the", "drinks", "wears"]
    static let negativeVerbs = ["does not own the", "does not drink", "does not wear"]
    static let categoryNames = ["house", "pet", "drink", "colour"]

    enum Kind: Int { case link, notLink, before, nextTo }
    /// A clue over (category, value) pairs; category 0 is the person's name.
    struct Clue: Equatable {
        var kind: Kind
        var c1: Int, v1: Int, c2: Int, v2: Int
        var depth: Int { max(c1, c2, kind == .before || kind == .nextTo ? 1 : 0) }
    }

    /// `valueOf[c][p]`: value index of person p in category c (category 0 is the identity).
    typealias Assignment = [[Int]]

    static func holds(_ clue: Clue, _ valueOf: Assignment, _ personOf: [[Int]]) -> Bool {
        let a = personOf[clue.c1][clue.v1], b = personOf[clue.c2][clue.v2]
        switch clue.kind {
        case .link: return a == b
        case .notLink: return a != b
        case .before: return valueOf[1][a] < valueOf[1][b]
        case .nextTo: return valueOf[1][a] + 1 == valueOf[1][b]
        }
    }

    static func permutations(_ n: Int) -> [[Int]] {
        if n == 0 { return [[]] }
        return permutations(n - 1).flatMap { p in (0...p.count).map { i in var q = p; q.insert(n - 1, at: i); return q } }
    }

    /// Permutations of 0..<n for n = 0...5, computed once.
    static let permutationTable: [[[Int]]] = (0...5).map(permutations)

    /// Number of solutions, stopping at `limit`: depth-first over one permutation per category, checking each clue
    /// as soon as its categories are assigned (flat arrays, iterative, so it stays fast).
    static func countSolutions(_ clues: [Clue], people n: Int, categories: Int, limit: Int = 2) -> Int {
        let perms = permutationTable[n].flatMap { $0 }
        let permCount = perms.count / max(1, n)
        var valueOf = [Int](repeating: 0, count: (categories + 1) * n)  // [c * n + person] → value
        var personOf = valueOf  // [c * n + value] → person
        for p in 0..<n { valueOf[p] = p; personOf[p] = p }
        let byDepth = (0...categories).map { d in clues.filter { $0.depth == d } }
        func holds(_ clue: Clue) -> Bool {
            let a = personOf[clue.c1 * n + clue.v1], b = personOf[clue.c2 * n + clue.v2]
            switch clue.kind {
            case .link: return a == b
            case .notLink: return a != b
            case .before: return valueOf[n + a] < valueOf[n + b]
            case .nextTo: return valueOf[n + a] + 1 == valueOf[n + b]
            }
        }
        if !byDepth[0].allSatisfy(holds) { return 0 }
        var choice = [Int](repeating: -1, count: categories + 1)
        var found = 0
        var c = 1
        while c >= 1 {
            choice[c] += 1
            if choice[c] == permCount {
                choice[c] = -1
                c -= 1
                continue
            }
            let base = choice[c] * n
            for p in 0..<n {
                let v = perms[base + p]
                valueOf[c * n + p] = v
                personOf[c * n + v] = p
            }
            var ok = true
            for clue in byDepth[c] where !holds(clue) {
                ok = false
                break
            }
            guard ok else { continue }
            if c == categories {
                found += 1
                if found >= limit { return found }
            } else {
                c += 1
            }
        }
        return found
    }

    static func describe(_ c: Int, _ v: Int, subject: Bool) -> String {
        if c == 0 { return names[v] }
        if c == 1 { return (subject ? "The person" : "the person") + " in house \(v + 1)" }
        return (subject ? "The person who " : "the person who ") + "\(verbs[c - 2]) \(words[c - 2][v])"
    }

    static func predicate(_ c: Int, _ v: Int, negative: Bool) -> String {
        if c == 1 { return (negative ? "does not live" : "lives") + " in house \(v + 1)" }
        if c == 0 { return (negative ? "is not " : "is ") + names[v] }
        return (negative ? negativeVerbs[c - 2] : verbs[c - 2]) + " " + words[c - 2][v]
    }

    static func text(_ clue: Clue) -> String {
        let subject = describe(clue.c1, clue.v1, subject: true)
        switch clue.kind {
        case .link: return subject + " " + predicate(clue.c2, clue.v2, negative: false) + "."
        case .notLink: return subject + " " + predicate(clue.c2, clue.v2, negative: true) + "."
        case .before:
            return subject + " lives in a lower-numbered house than " + describe(clue.c2, clue.v2, subject: false) + "."
        case .nextTo:
            return subject + " lives in the house numbered exactly one less than the house of "
                + describe(clue.c2, clue.v2, subject: false) + "."
        }
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("people"), categories = difficulty.int("categories"), level = difficulty.string("difficulty")
        var valueOf: Assignment = [Array(0..<n)]
        for _ in 0..<categories {
            var perm = Array(0..<n)
            rng.shuffle(&perm)
            valueOf.append(perm)
        }
        var personOf = valueOf.map { _ in [Int](repeating: 0, count: n) }
        for c in 0...categories { for p in 0..<n { personOf[c][valueOf[c][p]] = p } }
        let kinds: [Kind] = level == "easy" ? [.link, .link, .notLink] : [.link, .notLink, .notLink, .before, .nextTo]
        func randomTrueClue() -> Clue {
            while true {
                let kind = rng.pick(kinds)
                let c1 = rng.int(in: 0...categories)
                var c2 = rng.int(in: 0...categories)
                if kind == .link || kind == .notLink { while c2 == c1 { c2 = rng.int(in: 0...categories) } }
                let p1 = rng.int(in: 0...(n - 1))
                let p2: Int
                switch kind {
                case .link: p2 = p1
                case .notLink, .before: p2 = RandomDraws.value(in: 0...(n - 1), &rng) { $0 != p1 }!
                case .nextTo:
                    guard valueOf[1][p1] < n - 1 else { continue }
                    p2 = personOf[1][valueOf[1][p1] + 1]
                }
                var clue = Clue(kind: kind, c1: c1, v1: valueOf[c1][p1], c2: c2, v2: valueOf[c2][p2])
                if kind == .before, valueOf[1][p1] > valueOf[1][p2] { clue = Clue(kind: kind, c1: c2, v1: clue.v2, c2: c1, v2: clue.v1) }
                if kind == .link || kind == .notLink, clue.c1 > clue.c2 { clue = Clue(kind: kind, c1: clue.c2, v1: clue.v2, c2: clue.c1, v2: clue.v1) }
                // house comparisons name people by a non-house attribute ("the person in house 2 lives before…" is silly)
                if (kind == .before || kind == .nextTo) && (clue.c1 == 1 || clue.c2 == 1) { continue }
                return clue
            }
        }
        var clues: [Clue] = []
        while Self.countSolutions(clues, people: n, categories: categories) > 1 {
            let clue = randomTrueClue()
            if !clues.contains(clue) { clues.append(clue) }
        }
        if level == "hard" {
            var i = clues.count - 1
            while i >= 0 {
                var fewer = clues
                fewer.remove(at: i)
                if Self.countSolutions(fewer, people: n, categories: categories) == 1 { clues = fewer }
                i -= 1
            }
        }
        let people = Array(Self.names.prefix(n))
        var question = "There are \(n) people: \(people.joined(separator: ", ")). They live in houses numbered 1 to \(n), one per house"
        for c in 2..<(categories + 1) {
            question += "; each \(Self.verbs[c - 2].replacingOccurrences(of: " the", with: "")) a different one of: "
                + Self.words[c - 2].prefix(n).joined(separator: ", ")
        }
        question += ".\nClues:\n" + clues.enumerated().map { "\($0 + 1). " + Self.text($1) }.joined(separator: "\n")
        var format = "Name: house k"
        var example = "\(people[0]): house 1"
        for c in 2..<(categories + 1) {
            format += ", " + Self.categoryNames[c - 1]
            example += ", " + Self.words[c - 2][0]
        }
        question += "\n\nWork out the unique arrangement. Give one entry per person in the form " + format
        question += ", entries separated by semicolons, e.g. " + example + "; …"
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: Self.answerText(valueOf, n: n, categories: categories),
            data: [
                "people": String(n), "categories": String(categories),
                "solution": valueOf.dropFirst().map { $0.map(String.init).joined(separator: ",") }.joined(separator: "|"),
                "clues": clues.map { "\($0.kind.rawValue):\($0.c1):\($0.v1):\($0.c2):\($0.v2)" }.joined(separator: ","),
            ])
    }

    static func answerText(_ valueOf: Assignment, n: Int, categories: Int) -> String {
        var entries: [String] = []
        for p in 0..<n {
            var entry = names[p] + ": house \(valueOf[1][p] + 1)"
            for c in 2..<(categories + 1) { entry += ", " + words[c - 2][valueOf[c][p]] }
            entries.append(entry)
        }
        return entries.joined(separator: "; ")
    }

    /// Whole-word, case-insensitive search.
    static func containsWord(_ haystack: [UInt8], _ word: [UInt8]) -> Bool {
        guard word.count <= haystack.count else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 65 && b <= 90) }
        for i in 0...(haystack.count - word.count) where haystack[i] == word[0] {
            if Array(haystack[i..<(i + word.count)]) == word, i == 0 || !isLetter(haystack[i - 1]),
                i + word.count == haystack.count || !isLetter(haystack[i + word.count])
            {
                return true
            }
        }
        return false
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        let n = Int(instance.data["people"] ?? "") ?? 0, categories = Int(instance.data["categories"] ?? "") ?? 0
        let solution = (instance.data["solution"] ?? "").split(separator: "|").map { $0.split(separator: ",").compactMap { Int($0) } }
        // n people (at most the names and words there are), one row of n value indices per category.
        guard (1...Self.names.count).contains(n), Self.words.allSatisfy({ $0.count >= n }),
              (2...(Self.words.count + 1)).contains(categories), solution.count >= categories,
              solution.prefix(categories).allSatisfy({ $0.count == n && $0.allSatisfy { (0..<n).contains($0) } })
        else { return missingDataVerdict("solution") }
        let region = ResponseScanner.region(response)
        var read = [[Int?]](repeating: [Int?](repeating: nil, count: n), count: categories)  // read[c-1][p]
        var seenPeople = Set<Int>()
        for segment in region.text.split(whereSeparator: { $0 == "\n" || $0 == ";" }) {
            let bytes = Array(segment.lowercased().utf8)
            let persons = (0..<n).filter { Self.containsWord(bytes, Array(Self.names[$0].lowercased().utf8)) }
            guard persons.count == 1, let p = persons.first else { continue }
            seenPeople.insert(p)
            let numbers = ResponseScanner.numbers(in: String(segment), grouping: false).compactMap { $0.integerText.flatMap(Int.init) }
            read[0][p] = numbers.first.map { $0 - 1 }
            for c in 2..<(categories + 1) {
                let hits = (0..<n).filter { Self.containsWord(bytes, Array(Self.words[c - 2][$0].utf8)) }
                read[c - 1][p] = hits.count == 1 ? hits[0] : nil
            }
        }
        guard !seenPeople.isEmpty else { return .unparseable(detail: "no entry naming a person found") }
        var correct = 0
        var firstError: String? = nil
        for p in 0..<n {
            for c in 0..<categories {
                if read[c][p] == solution[c][p] { correct += 1; continue }
                let want = c == 0 ? "house \(solution[c][p] + 1)" : Self.words[c - 1][solution[c][p]]
                firstError = firstError ?? "\(Self.names[p]): expected \(want), read "
                    + (read[c][p].map { c == 0 ? "house \($0 + 1)" : Self.words[c - 1][$0] } ?? "nothing clear")
            }
        }
        var entries: [String] = []
        for p in 0..<n {
            var cells: [String] = []
            for c in 0..<categories {
                if let v = read[c][p] { cells.append(c == 0 ? "house \(v + 1)" : Self.words[c - 1][v]) } else { cells.append("?") }
            }
            entries.append(Self.names[p] + ": " + cells.joined(separator: ", "))
        }
        let shown = entries.joined(separator: "; ")
        let fraction = Double(correct) / Double(max(1, n * categories))
        if let firstError {
            return .incorrect(extracted: shown, score: fraction, detail: firstError, metrics: ["cell_match": fraction])
        }
        return .correct(extracted: shown, metrics: ["cell_match": 1])
    }
}
