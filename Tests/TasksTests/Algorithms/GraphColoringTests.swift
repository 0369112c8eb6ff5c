import Testing

@testable import Tasks

struct GraphColoringTests {
    static func edges(_ i: TaskInstance) -> [(Int, Int)] {
        (i.data["edges"] ?? "").split(separator: ",").map { e in
            let v = e.split(separator: "-").map { Int($0)! }
            return (v[0], v[1])
        }
    }

    static func proper(_ colors: [Int], _ edges: [(Int, Int)], k: Int) -> Bool {
        edges.allSatisfy { colors[$0.0] != colors[$0.1] } && Set(colors).count <= k
    }

    /// The first proper colouring with colours 0..<k in lexicographic order (plain backtracking).
    static func firstColoring(_ n: Int, _ edges: [(Int, Int)], k: Int) -> [Int]? {
        var colors: [Int] = []
        func go() -> Bool {
            if colors.count == n { return true }
            let v = colors.count
            for c in 0..<k where !edges.contains(where: { ($0.0 == v && $0.1 < v && colors[$0.1] == c) || ($0.1 == v && $0.0 < v && colors[$0.0] == c) }) {
                colors.append(c)
                if go() { return true }
                colors.removeLast()
            }
            return false
        }
        return go() ? colors : nil
    }

    @Test func referenceProperAndConflictsRejected() {
        algoForEachSeed("graph-coloring") { seed, instance in
            let colors = AlgorithmTestSupport.ints(instance.answer), e = Self.edges(instance), k = Int(instance.data["colors"]!)!
            guard colors.count == 10, Self.proper(colors, e, k: k), !e.isEmpty else {
                Issue.record("seed \(seed): bad reference \(instance.answer) for \(instance.data)")
                return false
            }
            let (a, b) = e[seed % e.count]
            var clash = colors
            clash[a] = colors[b]
            let relabelled = colors.map { (($0 + 1 + seed % max(1, k - 1)) % k) }  // a colour permutation (rotation)
            let dict = "{" + colors.enumerated().map { "\($0): \"\(["Red", "Blue", "Green", "Gold", "Pink", "Gray", "Teal", "Navy", "Plum", "Rose"][$1 % 10])\"" }.joined(separator: ", ") + "}"
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && algoExpectGrade(instance, AlgorithmTestSupport.list(relabelled), .correct, seed: seed)
                && (k > 10 || algoExpectGrade(instance, "<answer>\(dict)</answer>", .correct, seed: seed))
                && algoExpectGrade(instance, "\\boxed{\(AlgorithmTestSupport.list(clash))}", .incorrect, seed: seed)
                && algoExpectGrade(instance, AlgorithmTestSupport.list(Array(colors.dropLast())), .incorrect, seed: seed)
        }
    }

    @Test func independentlyFoundColouringAccepted() {
        var different = 0
        for type in GraphColoringFamily.types where type != "complete" {
            algoForEachSeed("graph-coloring", ["graph": type, "vertices": "9"], seeds: 60) { seed, instance in
                let k = Int(instance.data["colors"]!)!
                guard let other = Self.firstColoring(9, Self.edges(instance), k: k) else {
                    Issue.record("seed \(seed): \(type) has no \(k)-colouring")
                    return false
                }
                if AlgorithmTestSupport.list(other) != instance.answer { different += 1 }
                return algoExpectGrade(instance, AlgorithmTestSupport.list(other), .correct, seed: seed)
            }
        }
        #expect(different > 300)
    }

    @Test func tooManyColoursRejected() {
        let instance = AlgorithmTestSupport.instance("graph-coloring", seed: 5, ["graph": "cycle", "vertices": "8"])
        #expect(instance.data["colors"] == "2")
        let v = AlgorithmTestSupport.grade(instance, AlgorithmTestSupport.list(Array(0..<8)))
        #expect(v.kind == .incorrect && v.detail?.hasPrefix("uses 8 colours, at most 2 allowed") == true)
    }

    @Test func typeAndVertexKnobs() {
        let expectedK: [String: (Int) -> Int?] = [
            "complete": { $0 }, "cycle": { $0 % 2 == 0 ? 2 : 3 }, "tree": { _ in 2 }, "bipartite": { _ in 2 },
            "wheel": { ($0 - 1) % 2 == 0 ? 3 : 4 }, "grid": { _ in 2 }, "planar": { _ in 3 }, "petersen": { _ in 3 },
        ]
        for type in GraphColoringFamily.types {
            for n in [4, 5, 12, 17, 30] {
                for seed in 0..<12 {
                    let instance = AlgorithmTestSupport.instance("graph-coloring", seed: seed, ["graph": type, "vertices": String(n)])
                    let colors = AlgorithmTestSupport.ints(instance.answer), k = Int(instance.data["colors"]!)!
                    #expect(instance.data["graph"] == type && colors.count == n)
                    #expect(Self.proper(colors, Self.edges(instance), k: k), "\(type) n \(n) seed \(seed)")
                    if let want = expectedK[type] { #expect(k == want(n)!, "\(type) n \(n)") }
                    if type == "complete" { #expect(Self.edges(instance).count == n * (n - 1) / 2) }
                    if type == "cycle" || type == "wheel" { #expect(Self.edges(instance).count == (type == "cycle" ? n : 2 * (n - 1))) }
                    if type == "tree" { #expect(Self.edges(instance).count == n - 1) }
                }
            }
        }
    }
}
