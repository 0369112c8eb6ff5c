import BigInt
import Foundation

/// BeyondBench `algebraic_sequence` (10 types), each with a random starting index (or start value).
enum AlgebraicSequences {
    private static func indexed(_ rng: inout TaskRNG, _ count: Int, _ f: (Int) -> Int) -> (Int, [BigInt]) {
        let start = rng.int(in: 1...20)
        return (start, (start..<(start + count)).map { BigInt(f($0)) })
    }

    static let all: [SequenceKind] = [
        SequenceKind(name: "radical-recurrence") { rng, count in
            let first = rng.int(in: 1...30)
            var terms = [first]
            while terms.count < count {
                let n = terms.count + 1
                terms.append(IntegerMath.isqrt(terms.last! + n * n))
            }
            return (SequenceTerms.big(terms), "each term is the floor of a square root involving the previous term and n",
                    "a(1) = \(first), a(n) = ⌊√(a(n−1) + n²)⌋")
        },
        SequenceKind(name: "transcendental-floor") { rng, count in
            let (s, t) = indexed(&rng, count) { Int((Double($0) * exp(1.0 / Double($0))).rounded(.down)) }
            return (t, "a floor of an expression in n involving e", "⌊n·e^(1/n)⌋ for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "nested-radical") { rng, count in
            let (s, t) = indexed(&rng, count) { n in
                let d = Double(n)
                return Int((d + (d + d.squareRoot()).squareRoot()).squareRoot().rounded(.down))
            }
            return (t, "a floor of nested square roots of n", "⌊√(n + √(n + √n))⌋ for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "algebraic-irrationals") { rng, count in
            let (s, t) = indexed(&rng, count) { n in
                let d = Double(n)
                return Int(((d + 5.0.squareRoot()) / (2 + 1 / d)).rounded(.down))
            }
            return (t, "a floor of an algebraic expression in n involving √5", "⌊(n + √5)/(2 + 1/n)⌋ for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "continued-fraction") { rng, count in
            let (s, t) = indexed(&rng, count) { n in
                var (p0, p1) = (1, 3)  // numerators of the convergents of √2: 1, 3, 7, 17, …
                for _ in 1..<n { (p0, p1) = (p1, 2 * p1 + p0) }
                return p0 % (n + 10)
            }
            return (t, "numerators of the continued-fraction convergents of √2, reduced modulo a number depending on n",
                    "p(n) mod (n + 10), where p(1) = 1, p(2) = 3, p(n) = 2·p(n−1) + p(n−2); n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "diophantine-solutions") { rng, count in
            let (s, t) = indexed(&rng, count) { n in
                var (x0, x1) = (3, 17)  // x of the solutions of x² − 2y² = 1
                for _ in 1..<n { (x0, x1) = (x1, (6 * x1 - x0 + 1000) % 100) }
                return x0 % 100
            }
            return (t, "the last two digits of successive solutions x of the Pell equation x² − 2y² = 1",
                    "x(n) mod 100 where x(1) = 3, x(2) = 17, x(n) = 6·x(n−1) − x(n−2); n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "modular-arithmetic") { rng, count in
            let (s, t) = indexed(&rng, count) { n in (n * n * n + SequenceTerms.fibonacci(n)) % (n + 7) }
            return (t, "a cube plus a Fibonacci number, reduced modulo a number depending on n",
                    "(n³ + F(n)) mod (n + 7), with F(1) = F(2) = 1; n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "catalan-like") { rng, count in
            let first = rng.int(in: 1...5)
            var a = [first]
            while a.count < count {
                let n = a.count
                a.append(((0..<n).reduce(0) { $0 + a[$1] * a[n - 1 - $1] } + n) % 1000)
            }
            return (SequenceTerms.big(a), "a Catalan-style convolution of earlier terms, reduced modulo 1000",
                    "a(0) = \(first), a(n) = (Σ_{i=0}^{n−1} a(i)·a(n−1−i) + n) mod 1000")
        },
        SequenceKind(name: "lambert-w") { rng, count in
            let (s, t) = indexed(&rng, count) { n in Int((Double(n) / log(Double(n) + exp(1.0))).rounded(.down)) }
            return (t, "a floor of n divided by a logarithm", "⌊n / ln(n + e)⌋ for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "hypergeometric-like") { rng, count in
            let (s, t) = indexed(&rng, count) { n in
                var doubleFactorial = BigInt(1)
                for k in stride(from: 1, through: 2 * n - 1, by: 2) { doubleFactorial *= BigInt(k) }
                var q = doubleFactorial
                for _ in 0..<(n - 1) { q = q / 2 }
                return Int(q % 1000)
            }
            return (t, "a double factorial divided by a power of two, floored, modulo 1000",
                    "⌊(2n−1)!! / 2^(n−1)⌋ mod 1000 for n = \(s), \(s + 1), …")
        },
    ]
}
