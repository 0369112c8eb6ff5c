import BigInt

/// BeyondBench `geometric_sequence` (10 types). Ratios are integers so every term is exact; BeyondBench's
/// `double_exponential` (a^(2^n), unprintable beyond a few terms) is replaced by 2^(n²).
enum GeometricSequences {
    private static func indexed(_ start: Int, _ count: Int, _ f: (Int) -> BigInt) -> [BigInt] {
        (start..<(start + count)).map(f)
    }

    static let all: [SequenceKind] = [
        SequenceKind(name: "geometric") { rng, count in
            let a = rng.int(in: 1...10), r = rng.pick([2, 3, 4, 5, -2, -3])
            return (indexed(0, count) { BigInt(a) * BigInt(r).power($0) }, "a geometric progression",
                    "a(1) = \(a), each term is \(r) times the previous one")
        },
        SequenceKind(name: "power-squares") { rng, count in
            let s = rng.int(in: 1...20)
            return (indexed(s, count) { BigInt($0 * $0) }, "consecutive perfect squares", "n² for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "power-cubes") { rng, count in
            let s = rng.int(in: 1...20)
            return (indexed(s, count) { BigInt($0 * $0 * $0) }, "consecutive perfect cubes", "n³ for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "exponential") { rng, count in
            let b = rng.int(in: 2...5), s = rng.int(in: 0...5)
            return (indexed(s, count) { BigInt(b).power($0) }, "consecutive powers of one base",
                    "\(b)^n for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "factorial") { rng, count in
            let s = rng.int(in: 0...8)
            return (indexed(s, count) { n in (0..<n).reduce(BigInt(1)) { $0 * BigInt($1 + 1) } },
                    "consecutive factorials", "n! for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "exponential-squares") { rng, count in
            let s = rng.int(in: 0...2)
            return (indexed(s, count) { BigInt(2).power($0 * $0) }, "powers of two whose exponents are perfect squares",
                    "2^(n²) for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "alternating-geometric") { rng, count in
            let a = rng.int(in: 1...9), r = rng.int(in: 2...4)
            return (indexed(0, count) { BigInt(a) * BigInt(-r).power($0) },
                    "a geometric progression with a negative ratio (signs alternate)",
                    "a(1) = \(a), each term is −\(r) times the previous one")
        },
        SequenceKind(name: "compound-growth") { rng, count in
            let p = rng.pick([5, 10, 20, 25, 50]), a = rng.int(in: 100...1000)
            var terms = [a]
            while terms.count < count { terms.append(terms.last! + terms.last! * p / 100) }
            return (SequenceTerms.big(terms), "growth by a fixed percentage each step, rounded down",
                    "a(1) = \(a), a(n) = a(n−1) + ⌊a(n−1)·\(p)/100⌋")
        },
        SequenceKind(name: "triangular") { rng, count in
            let s = rng.int(in: 1...20)
            return (indexed(s, count) { BigInt($0 * ($0 + 1) / 2) }, "consecutive triangular numbers",
                    "n(n+1)/2 for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "pentagonal") { rng, count in
            let s = rng.int(in: 1...20)
            return (indexed(s, count) { BigInt($0 * (3 * $0 - 1) / 2) }, "consecutive pentagonal numbers",
                    "n(3n−1)/2 for n = \(s), \(s + 1), …")
        },
    ]
}
