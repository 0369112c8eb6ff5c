import BigInt

/// BeyondBench `fibonacci_sequence` (6 types) as ``SequenceKind``s.
enum RecursiveSequences {
    static let all: [SequenceKind] = [
        SequenceKind(name: "fibonacci") { rng, count in
            let a = rng.int(in: 1...9), b = rng.int(in: 1...9)
            return (SequenceTerms.linear([a, b], [1, 1], count: count), "each term is the sum of the two before it",
                    "a(1) = \(a), a(2) = \(b), a(n) = a(n−1) + a(n−2)")
        },
        SequenceKind(name: "lucas") { rng, count in
            let skip = rng.int(in: 0...10)
            return (SequenceTerms.linear([2, 1], [1, 1], skip: skip, count: count),
                    "these are consecutive Lucas numbers (L(0) = 2, L(1) = 1, each the sum of the two before)",
                    "L(n) = L(n−1) + L(n−2) with L(0) = 2, L(1) = 1; the terms shown start at L(\(skip))")
        },
        SequenceKind(name: "tribonacci") { rng, count in
            let s = [rng.int(in: 0...4), rng.int(in: 0...4), rng.int(in: 1...5)]
            return (SequenceTerms.linear(s, [1, 1, 1], count: count), "each term is the sum of the three before it",
                    "a(1) = \(s[0]), a(2) = \(s[1]), a(3) = \(s[2]), a(n) = a(n−1) + a(n−2) + a(n−3)")
        },
        SequenceKind(name: "modified-recursive") { rng, count in
            let (alpha, beta) = rng.pick([(1, 2), (2, 1), (1, -1), (2, -1)])
            let a = rng.int(in: 1...9), b = rng.int(in: 1...9)
            let betaText = beta < 0 ? "− \(-beta == 1 ? "" : "\(-beta)·")a(n−2)" : "+ \(beta == 1 ? "" : "\(beta)·")a(n−2)"
            return (SequenceTerms.linear([a, b], [alpha, beta], count: count),
                    "each term is a fixed linear combination of the two terms before it",
                    "a(1) = \(a), a(2) = \(b), a(n) = \(alpha == 1 ? "" : "\(alpha)·")a(n−1) \(betaText)")
        },
        SequenceKind(name: "alternating-fibonacci") { rng, count in
            let a = rng.int(in: 1...9), b = rng.int(in: 1...9)
            let base = SequenceTerms.linear([a, b], [1, 1], count: count)
            let terms = base.enumerated().map { $0 % 2 == 0 ? $1 : -$1 }
            return (terms, "the absolute values follow a Fibonacci-style rule and the signs alternate",
                    "b(1) = \(a), b(2) = \(b), b(n) = b(n−1) + b(n−2); the n-th term is b(n) for odd n and −b(n) for even n")
        },
        SequenceKind(name: "scaled-fibonacci") { rng, count in
            let c = rng.pick([2, 3, 5]), skip = rng.int(in: 0...10)
            let terms = SequenceTerms.linear([0, 1], [1, 1], skip: skip, count: count).map { BigInt(c) * $0 }
            return (terms, "each term is a fixed multiple of consecutive Fibonacci numbers",
                    "\(c)·F(n) where F(0) = 0, F(1) = 1, F(n) = F(n−1) + F(n−2); the terms shown start at n = \(skip)")
        },
    ]
}
