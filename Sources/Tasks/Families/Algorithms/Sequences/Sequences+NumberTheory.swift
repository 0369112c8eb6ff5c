import BigInt

/// BeyondBench `prime_sequence` (11 types), each starting at a random position.
enum NumberTheorySequences {
    private static func totient(_ n: Int) -> Int { (1...n).filter { IntegerMath.gcd($0, n) == 1 }.count }
    private static func sigma(_ n: Int) -> Int { (1...n).filter { n % $0 == 0 }.reduce(0, +) }
    private static func isSemiprime(_ n: Int) -> Bool {
        guard n >= 4 else { return false }
        var d = 2
        while d * d <= n {
            if n % d == 0 { return SequenceTerms.isPrime(n / d) }
            d += 1
        }
        return false
    }

    /// `count` terms from position `skip` (0-based) of the integers satisfying `accept`.
    private static func sequence(_ skip: Int, _ count: Int, _ accept: (Int) -> Bool) -> [BigInt] {
        SequenceTerms.big(Array(SequenceTerms.matching(from: 0, count: skip + count, accept).suffix(count)))
    }

    static let all: [SequenceKind] = [
        SequenceKind(name: "primes") { rng, count in
            let k = rng.int(in: 0...20)
            return (sequence(k, count, SequenceTerms.isPrime), "consecutive prime numbers",
                    "the primes in increasing order, starting with the \(SequenceTerms.ordinal(k + 1)) prime")
        },
        SequenceKind(name: "twin-primes") { rng, count in
            let k = rng.int(in: 0...10)
            return (sequence(k, count) { SequenceTerms.isPrime($0) && SequenceTerms.isPrime($0 + 2) },
                    "the smaller members of twin-prime pairs (p and p + 2 both prime)",
                    "primes p such that p + 2 is also prime, in increasing order, starting with the \(SequenceTerms.ordinal(k + 1)) one")
        },
        SequenceKind(name: "prime-gaps") { rng, count in
            let k = rng.int(in: 0...20)
            let primes = SequenceTerms.matching(from: 2, count: k + count + 1, SequenceTerms.isPrime)
            return (SequenceTerms.big((k..<(k + count)).map { primes[$0 + 1] - primes[$0] }), "differences between consecutive primes",
                    "p(n+1) − p(n) where p(n) is the n-th prime, starting at n = \(k + 1)")
        },
        SequenceKind(name: "mersenne") { rng, count in
            let k = rng.int(in: 0...4)
            let exponents = SequenceTerms.matching(from: 2, count: k + count, SequenceTerms.isPrime).suffix(count)
            return (exponents.map { BigInt(2).power($0) - BigInt(1) }, "numbers 2^p − 1 for consecutive primes p",
                    "2^p − 1 for the primes p in increasing order, starting with the \(SequenceTerms.ordinal(k + 1)) prime")
        },
        SequenceKind(name: "euler-totient") { rng, count in
            let s = rng.int(in: 1...30)
            return (SequenceTerms.big((s..<(s + count)).map(totient)), "Euler's totient function of consecutive integers",
                    "φ(n), the count of 1 ≤ k ≤ n coprime to n, for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "sum-of-divisors") { rng, count in
            let s = rng.int(in: 1...30)
            return (SequenceTerms.big((s..<(s + count)).map(sigma)), "the sum of the divisors of consecutive integers",
                    "σ(n), the sum of all positive divisors of n, for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "catalan-numbers") { rng, count in
            let s = rng.int(in: 0...5)
            var c = [BigInt(1)]
            while c.count < s + count {
                let n = c.count
                c.append((0..<n).reduce(BigInt(0)) { $0 + c[$1] * c[n - 1 - $1] })
            }
            return (Array(c.suffix(count)), "consecutive Catalan numbers",
                    "C(n) with C(0) = 1, C(n) = Σ_{i=0}^{n−1} C(i)·C(n−1−i), for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "fibonacci-mod-prime") { rng, count in
            let p = rng.pick([3, 5, 7, 11]), s = rng.int(in: 0...10)
            return (SequenceTerms.big((s..<(s + count)).map { SequenceTerms.fibonacci($0) % p }), "Fibonacci numbers reduced modulo a prime",
                    "F(n) mod \(p), with F(0) = 0, F(1) = 1, for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "prime-powers") { rng, count in
            let p = rng.pick([2, 3, 5]), s = rng.int(in: 1...4)
            return ((s..<(s + count)).map { BigInt(p).power($0) }, "consecutive powers of a prime",
                    "\(p)^n for n = \(s), \(s + 1), …")
        },
        SequenceKind(name: "semiprimes") { rng, count in
            let k = rng.int(in: 0...20)
            return (sequence(k, count, isSemiprime), "numbers that are the product of exactly two primes",
                    "semiprimes (products of two primes, not necessarily distinct) in increasing order, starting with the \(SequenceTerms.ordinal(k + 1)) one")
        },
        SequenceKind(name: "sophie-germain") { rng, count in
            let k = rng.int(in: 0...8)
            return (sequence(k, count) { SequenceTerms.isPrime($0) && SequenceTerms.isPrime(2 * $0 + 1) },
                    "Sophie Germain primes (p and 2p + 1 both prime)",
                    "primes p such that 2p + 1 is also prime, in increasing order, starting with the \(SequenceTerms.ordinal(k + 1)) one")
        },
    ]
}
