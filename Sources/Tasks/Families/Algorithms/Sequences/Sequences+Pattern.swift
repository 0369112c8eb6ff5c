import BigInt

/// BeyondBench `complex_pattern` (12 types), with random coefficients.
enum PatternSequences {
    private static func signed(_ v: Int, _ text: String) -> String {
        v == 0 ? "" : (v > 0 ? " + " : " − ") + (abs(v) == 1 && !text.isEmpty ? "" : "\(abs(v))") + text
    }

    static let all: [SequenceKind] = [
        SequenceKind(name: "nested-arithmetic-geometric") { rng, count in
            let r = rng.int(in: 2...3), a = rng.int(in: 1...9)
            let d = RandomDraws.value(in: -5...5, &rng) { $0 != 0 && a * (r - 1) + $0 != 0 }!  // never constant
            var terms = [BigInt(a)]
            while terms.count < count { terms.append(BigInt(r) * terms.last! + BigInt(d)) }
            return (terms, "each term is a fixed multiple of the previous one plus a constant",
                    "a(1) = \(a), a(n) = \(r)·a(n−1)" + signed(d, ""))
        },
        SequenceKind(name: "polynomial-quadratic") { rng, count in
            let a = rng.int(in: 1...3), b = rng.int(in: -2...3), c = rng.int(in: 0...5)
            return (SequenceTerms.big((1...count).map { a * $0 * $0 + b * $0 + c }), "a quadratic polynomial in the position n = 1, 2, …",
                    "a(n) = \(a == 1 ? "" : "\(a)")n²" + signed(b, "n") + signed(c, "") + " for n = 1, 2, …")
        },
        SequenceKind(name: "polynomial-cubic") { rng, count in
            let a = rng.int(in: 1...2), b = rng.int(in: -3...3), c = rng.int(in: -3...3), d = rng.int(in: 0...5)
            return (SequenceTerms.big((1...count).map { a * $0 * $0 * $0 + b * $0 * $0 + c * $0 + d }),
                    "a cubic polynomial in the position n = 1, 2, …",
                    "a(n) = \(a == 1 ? "" : "\(a)")n³" + signed(b, "n²") + signed(c, "n") + signed(d, "") + " for n = 1, 2, …")
        },
        SequenceKind(name: "interleaved") { rng, count in
            let s1 = rng.int(in: 1...20), d1 = rng.int(in: 1...6), s2 = rng.int(in: 1...50), d2 = rng.int(in: -6...(-1))
            return (SequenceTerms.big((0..<count).map { $0 % 2 == 0 ? s1 + d1 * ($0 / 2) : s2 + d2 * ($0 / 2) }),
                    "two arithmetic progressions interleaved (odd and even positions)",
                    "odd positions: \(s1), then +\(d1) each time; even positions: \(s2), then \(d2) each time")
        },
        SequenceKind(name: "conditional") { rng, count in
            var x = rng.int(in: 5...99)
            let start = x
            var terms: [Int] = []
            for _ in 0..<count {
                terms.append(x)
                x = x % 2 == 0 ? x / 2 : 3 * x + 1
            }
            return (SequenceTerms.big(terms), "the next term depends on whether the current term is even or odd",
                    "a(1) = \(start); if a(n−1) is even, a(n) = a(n−1)/2, otherwise a(n) = 3·a(n−1) + 1")
        },
        SequenceKind(name: "multi-recursive") { rng, count in
            let (x, y, z) = rng.pick([(1, 1, 1), (1, 0, 1), (2, 0, -1), (1, 1, -1)])
            let s = [rng.int(in: 1...5), rng.int(in: 1...5), rng.int(in: 1...5)]
            let rule = "a(n) = " + (x == 1 ? "" : "\(x)·") + "a(n−1)" + signed(y, "a(n−2)") + signed(z, "a(n−3)")
            return (SequenceTerms.linear(s, [x, y, z], count: count), "each term combines the three terms before it",
                    "a(1) = \(s[0]), a(2) = \(s[1]), a(3) = \(s[2]), " + rule)
        },
        SequenceKind(name: "pattern-transformation") { rng, count in
            let a = rng.int(in: 1...20), d = rng.int(in: 1...9), breakpoint = max(2, (count - 1) / 2)
            var terms = (0..<breakpoint).map { a + d * $0 }
            while terms.count < count { terms.append(terms.last! * 2) }
            return (SequenceTerms.big(terms), "the rule changes part-way: first adding a constant, then doubling",
                    "a(1) = \(a); add \(d) for the first \(breakpoint - 1) steps, then double every later term")
        },
        SequenceKind(name: "modular-linear") { rng, count in
            let m = rng.int(in: 7...13), a = rng.int(in: 2...(m - 1)), b = rng.int(in: 0...(m - 1))
            return (SequenceTerms.big((1...count).map { (a * $0 + b) % m }), "a linear function of the position reduced modulo a number",
                    "a(n) = (\(a)n + \(b)) mod \(m) for n = 1, 2, …")
        },
        SequenceKind(name: "alternating-operations") { rng, count in
            let p = rng.int(in: 1...9), q = rng.int(in: 2...3), a = rng.int(in: 1...9)
            var terms = [BigInt(a)]
            while terms.count < count {
                terms.append(terms.count % 2 == 1 ? terms.last! + BigInt(p) : terms.last! * BigInt(q))
            }
            return (terms, "two operations applied alternately", "a(1) = \(a); alternately add \(p) and multiply by \(q), adding first")
        },
        SequenceKind(name: "layered-differences") { rng, count in
            let r = rng.int(in: 2...3), d = rng.int(in: 1...5), a = rng.int(in: 1...20)
            var terms = [BigInt(a)]
            var step = BigInt(d)
            while terms.count < count {
                terms.append(terms.last! + step)
                step = step * BigInt(r)
            }
            return (terms, "the differences between consecutive terms form a geometric progression",
                    "a(1) = \(a), the differences are \(d), \(d * r), \(d * r * r), … (each \(r) times the previous)")
        },
        SequenceKind(name: "position-dependent") { rng, count in
            let k = rng.int(in: 1...5), a = rng.int(in: 0...20)
            var terms = [a]
            while terms.count < count { terms.append(terms.last! + k * (terms.count + 1)) }
            return (SequenceTerms.big(terms), "each step adds an amount proportional to the position",
                    "a(1) = \(a), a(n) = a(n−1) + \(k)n")
        },
        SequenceKind(name: "spiral") { rng, count in
            // corners of the square number spiral: 1, 3, 5, 7, 9, 13, 17, 21, 25, 31, …
            var corners = [1]
            var side = 2
            while corners.count < 60 {
                for _ in 0..<4 { corners.append(corners.last! + side) }
                side += 2
            }
            let s = rng.int(in: 0...20)
            return (SequenceTerms.big(Array(corners[s..<(s + count)])), "the corner numbers of a square number spiral",
                    "the diagonal (corner) numbers of the square spiral 1, 3, 5, 7, 9, 13, 17, … (each ring adds 4 corners, steps growing by 2), starting with the \(SequenceTerms.ordinal(s + 1)) one")
        },
    ]
}
