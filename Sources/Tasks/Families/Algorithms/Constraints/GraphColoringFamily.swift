/// Graph colouring with a colour budget (BeyondBench `graph_coloring`; 10 graph types). The budget k is the chromatic
/// number for types where it is known exactly (complete, cycle, tree, bipartite, wheel, grid) and the planted colour
/// count otherwise (planar ≤ 3 on a triangular-lattice subgraph, Petersen-like 3, ramsey 3–4, dense-random 3–5).
/// Any proper colouring with at most k colours is accepted. Vertices are relabelled at random.
///
/// Parameters: `graph` (type, or `mixed` to draw one per instance; default mixed), `vertices` (4...30, default 10).
/// Answer: `[c0, c1, …]`, the colour (0...k−1) of vertex 0, 1, …; `{0: 1, 1: 0, …}` with numbers or colour names is
/// read too. data: `vertices`, `colors` (k), `edges` ("u-v,u-v"), `graph`.
struct GraphColoringFamily: TaskFamily {
    static let types = ["complete", "cycle", "tree", "bipartite", "planar", "wheel", "grid", "petersen", "ramsey", "dense-random"]
    var id: String { "graph-coloring" }
    var version: Int { 1 }
    var summary: String { "colour a graph's vertices with at most k colours so adjacent vertices differ" }
    var parameters: [DifficultyParameter] {
        [
            .choice("graph", ["mixed"] + Self.types, default: "mixed", "graph type (mixed: drawn per instance)"),
            .integer("vertices", 4...30, default: 10, "number of vertices"),
        ]
    }

    /// Builds a graph of `type` on `n` vertices with a proper colouring; returns (edges, colouring, colour budget).
    static func build(_ type: String, _ n: Int, _ rng: inout TaskRNG) -> (Set<[Int]>, [Int], Int) {
        var edges = Set<[Int]>()
        func add(_ a: Int, _ b: Int) { if a != b { edges.insert([min(a, b), max(a, b)]) } }
        var color = [Int](repeating: 0, count: n)
        var k = 2
        switch type {
        case "complete":
            for a in 0..<n { for b in (a + 1)..<n { add(a, b) } }
            color = Array(0..<n)
            k = n
        case "cycle":
            for a in 0..<n { add(a, (a + 1) % n) }
            color = (0..<n).map { $0 % 2 }
            if n % 2 == 1 { color[n - 1] = 2; k = 3 }
        case "tree":
            for v in 1..<n {
                let parent = rng.int(in: 0...(v - 1))
                add(parent, v)
                color[v] = 1 - color[parent]
            }
        case "bipartite":
            let left = rng.int(in: 1...(n - 1))
            for v in 0..<n { color[v] = v < left ? 0 : 1 }
            for a in 0..<left { for b in left..<n where rng.int(in: 0...99) < 45 { add(a, b) } }
            add(0, n - 1)
        case "planar":
            // subgraph of a triangular lattice (grid plus one diagonal per cell); colour (r + 2c) mod 3
            let w = max(2, Int(Double(n).squareRoot().rounded(.up)))
            func rc(_ v: Int) -> (Int, Int) { (v / w, v % w) }
            for v in 0..<n {
                let (r, c) = rc(v)
                color[v] = (r + 2 * c) % 3
                for (dr, dc) in [(0, 1), (1, 0), (1, -1)] {
                    let (r2, c2) = (r + dr, c + dc)
                    guard c2 >= 0, c2 < w else { continue }
                    let u = r2 * w + c2
                    if u < n, rng.int(in: 0...99) < 80 { add(v, u) }
                }
            }
            if edges.isEmpty { add(0, 1) }
            k = 3
        case "wheel":
            let rim = n - 1
            for a in 0..<rim { add(a, (a + 1) % rim); add(a, rim) }
            color = (0..<n).map { $0 % 2 }
            color[rim] = 2
            k = 3
            if rim % 2 == 1 { color[rim - 1] = 3; k = 4 }
        case "grid":
            let w = max(2, Int(Double(n).squareRoot().rounded(.down)))
            for v in 0..<n {
                color[v] = (v / w + v % w) % 2
                if v % w + 1 < w, v + 1 < n { add(v, v + 1) }
                if v + w < n { add(v, v + w) }
            }
        case "petersen":
            // generalised Petersen graph GP(m, j) on 2m vertices (+1 pendant vertex when n is odd); 3-colourable
            let m = n / 2, j = m >= 5 ? rng.int(in: 1...((m - 1) / 2)) : 1
            for i in 0..<m {
                add(i, (i + 1) % m)
                add(i, m + i)
                add(m + i, m + (i + j) % m)
            }
            if n % 2 == 1 { add(n - 1, 0); add(n - 1, m) }
            color = greedyThreeColoring(n, edges, &rng) ?? color
            k = 3
        default:  // ramsey, dense-random: planted k-partite graphs
            k = type == "ramsey" ? rng.int(in: 3...4) : rng.int(in: 3...5)
            k = min(k, n)
            color = (0..<n).map { $0 < k ? $0 : rng.int(in: 0...(k - 1)) }
            let density = type == "ramsey" ? 50 : 75
            for a in 0..<n { for b in (a + 1)..<n where color[a] != color[b] && rng.int(in: 0...99) < density { add(a, b) } }
            // keep every colour class adjacent to every other so k colours are needed at least on one clique
            for a in 0..<k { for b in (a + 1)..<k { add(a, b) } }
        }
        return (edges, color, k)
    }

    /// A proper 3-colouring by backtracking (graphs here are small and 3-colourable).
    static func greedyThreeColoring(_ n: Int, _ edges: Set<[Int]>, _ rng: inout TaskRNG) -> [Int]? {
        var adjacency = [[Int]](repeating: [], count: n)
        for e in edges { adjacency[e[0]].append(e[1]); adjacency[e[1]].append(e[0]) }
        var color = [Int](repeating: -1, count: n)
        func go(_ v: Int) -> Bool {
            if v == n { return true }
            for c in 0..<3 where adjacency[v].allSatisfy({ color[$0] != c }) {
                color[v] = c
                if go(v + 1) { return true }
            }
            color[v] = -1
            return false
        }
        return go(0) ? color : nil
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("vertices")
        var type = difficulty.string("graph")
        if type == "mixed" { type = rng.pick(Self.types) }
        let (rawEdges, rawColor, k) = Self.build(type, n, &rng)
        var relabel = Array(0..<n)
        rng.shuffle(&relabel)
        var color = [Int](repeating: 0, count: n)
        for v in 0..<n { color[relabel[v]] = rawColor[v] }
        var edges: [[Int]] = rawEdges.map { e in
            let a = relabel[e[0]], b = relabel[e[1]]
            return [min(a, b), max(a, b)]
        }
        edges.sort { (x: [Int], y: [Int]) -> Bool in x[0] != y[0] ? x[0] < y[0] : x[1] < y[1] }
        let edgeText: String = edges.map { (e: [Int]) -> String in "(\(e[0]), \(e[1]))" }.joined(separator: ", ")
        var question = "Colour the vertices of this undirected graph using at most \(k) colours so that no edge joins two "
        question += "vertices of the same colour. The graph has \(n) vertices, numbered 0 to \(n - 1), and these "
        question += "\(edges.count) edges:\n" + edgeText
        question += "\n\nNumber the colours 0 to \(k - 1) and give your answer as a list of \(n) colours, the colour of "
        question += "vertex 0, vertex 1, …, vertex \(n - 1), for example [0, 1, 0, 2, …]."
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: question,
            answer: InstanceBuilder.list(color),
            data: [
                "vertices": String(n), "colors": String(k), "graph": type,
                "edges": edges.map { "\($0[0])-\($0[1])" }.joined(separator: ","),
            ])
    }

    /// Reads a colouring: `{vertex: colour}` pairs (colour a number or a word) when present, otherwise a list.
    static func readColoring(_ response: String, _ n: Int) -> [String]? {
        let (text, _) = ResponseScanner.listText(response)
        let region = ResponseScanner.region(response)
        let pairs = AssignmentPairs.read(region.source == .whole ? response : region.text, keyIsNumber: true)
        if pairs.count >= n {
            var out = [String](repeating: "", count: n)
            for (key, value) in pairs { if let v = Int(key), v >= 0, v < n { out[v] = value.lowercased() } }
            if !out.contains("") { return out }
        }
        let values = ResponseScanner.numbers(in: text, grouping: false)
        if values.isEmpty { return nil }
        return values.map { $0.integerText ?? $0.text }
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let n = instance.data.intValue("vertices"), (1...1000).contains(n) else { return missingDataVerdict("vertices") }
        guard let k = instance.data.intValue("colors"), (1...1000).contains(k) else { return missingDataVerdict("colors") }
        guard let edgeText = instance.data["edges"] else { return missingDataVerdict("edges") }
        let parsed = edgeText.split(separator: ",").map { $0.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) } }
        // At most a few dozen vertices (the parameter allows 4...30), and every edge joins two of them.
        guard parsed.allSatisfy({ $0.count == 2 && $0.allSatisfy { v in v.map { (0..<n).contains($0) } == true } })
        else { return missingDataVerdict("edges") }
        let edges = parsed.map { $0.map { $0! } }
        guard let colors = Self.readColoring(response, n) else { return .unparseable(detail: "no colouring found") }
        let shown = "[" + colors.joined(separator: ", ") + "]"
        guard colors.count == n else {
            return .incorrect(extracted: shown, detail: "expected colours for \(n) vertices, read \(colors.count)")
        }
        let used = Set(colors).count
        var bad = 0
        var firstError: String? = nil
        for e in edges where colors[e[0]] == colors[e[1]] {
            bad += 1
            firstError = firstError ?? "edge (\(e[0]), \(e[1])) joins two vertices of colour \(colors[e[0]])"
        }
        let proper = edges.isEmpty ? 1 : Double(edges.count - bad) / Double(edges.count)
        let metrics = ["proper_edges": proper, "colors_used": Double(used)]
        if used > k {
            return .incorrect(
                extracted: shown, score: 0, detail: "uses \(used) colours, at most \(k) allowed" + (firstError.map { "; " + $0 } ?? ""),
                metrics: metrics)
        }
        if let firstError { return .incorrect(extracted: shown, score: proper, detail: firstError, metrics: metrics) }
        return .correct(extracted: shown, metrics: metrics)
    }
}
