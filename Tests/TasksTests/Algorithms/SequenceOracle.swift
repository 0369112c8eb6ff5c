import Foundation

/// Independent next-term oracle for the sequence families: derives the next term from the SHOWN terms and the type's
/// defining property (and, where the rule is index-based, the start index read from the rule text).
enum SequenceOracle {
    /// Integers in `text`, in order (no signs: rule texts use "−" only as an operator).
    static func numbers(_ text: String) -> [Int] {
        var out: [Int] = [], current = "", pendingMinus = false
        for ch in text + " " {
            if ch.isASCII, ch.isNumber { current.append(ch) } else {
                if !current.isEmpty { out.append(pendingMinus ? -Int(current)! : Int(current)!); current = "" }
                pendingMinus = ch == "-"
            }
        }
        return out
    }

    /// The first integer after `marker` in `text`.
    static func after(_ marker: String, in text: String) -> Int? {
        guard let r = text.range(of: marker, options: .backwards) else { return nil }
        return numbers(String(text[r.upperBound...])).first
    }

    static func isPrime(_ n: Int) -> Bool { n >= 2 && !(2..<max(2, Int(Double(n).squareRoot()) + 1)).contains { n % $0 == 0 && $0 != n } }
    static func primes(_ count: Int) -> [Int] {
        var out: [Int] = [], n = 2
        while out.count < count { if isPrime(n) { out.append(n) }; n += 1 }
        return out
    }
    static func isqrt(_ n: Int) -> Int { var r = Int(Double(n).squareRoot()); while r * r > n { r -= 1 }; while (r + 1) * (r + 1) <= n { r += 1 }; return r }

    /// Decimal string × small non-negative integer.
    static func times(_ s: String, _ k: Int) -> String {
        if s == "0" || k == 0 { return "0" }
        var digits = s.reversed().map { $0.wholeNumberValue! }, carry = 0
        for i in digits.indices { let t = digits[i] * k + carry; digits[i] = t % 10; carry = t / 10 }
        while carry > 0 { digits.append(carry % 10); carry /= 10 }
        return String(digits.reversed().map { Character(String($0)) })
    }
    static func powerOfTwo(_ e: Int) -> String { (0..<e).reduce("1") { s, _ in times(s, 2) } }
    static func minusOne(_ s: String) -> String {
        var d = Array(s)
        var i = d.count - 1
        while d[i] == "0" { d[i] = "9"; i -= 1 }
        d[i] = Character(String(d[i].wholeNumberValue! - 1))
        let out = String(d).drop(while: { $0 == "0" })
        return out.isEmpty ? "0" : String(out)
    }

    /// Coefficients c1…c_order of a rule written "a(n) = 2·a(n−1) − a(n−3)".
    static func coefficients(_ rule: String, order: Int) -> [Int] {
        let body = rule.components(separatedBy: "a(n) = ").last!
        return (1...order).map { j in
            guard let r = body.range(of: "a(n−\(j))") else { return 0 }
            var prefix = String(body[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            var k = 1
            if prefix.hasSuffix("·") {
                prefix.removeLast()
                let digits = String(prefix.reversed().prefix(while: { $0.isNumber }).reversed())
                k = Int(digits)!
                prefix.removeLast(digits.count)
                prefix = prefix.trimmingCharacters(in: .whitespaces)
            }
            return prefix.hasSuffix("−") ? -k : k
        }
    }

    static func applyLinear(_ v: [Int], _ c: [Int]) -> Int {
        var x = 0
        for k in c.indices { x += c[k] * v[v.count - 1 - k] }
        return x
    }

    static func next(kind: String, terms t: [String], rule: String) -> String? {
        let v = t.compactMap { Int($0) }
        let L = t.count
        let start = after("n = ", in: rule)
        let ordinal = numbers(rule.components(separatedBy: "starting with the").last ?? "").first
        func s(_ x: Int) -> String { String(x) }
        switch kind {
        case "fibonacci", "lucas", "scaled-fibonacci": return s(v[L - 1] + v[L - 2])
        case "tribonacci": return s(v[L - 1] + v[L - 2] + v[L - 3])
        case "modified-recursive":
            return s(applyLinear(v, coefficients(rule, order: 2)))
        case "alternating-fibonacci":
            let magnitude = abs(v[L - 1]) + abs(v[L - 2])
            return s((L + 1) % 2 == 1 ? magnitude : -magnitude)
        case "radical-recurrence": return s(isqrt(v[L - 1] + (L + 1) * (L + 1)))
        case "transcendental-floor": let n = Double(start! + L); return s(Int(floor(n * exp(1 / n))))
        case "nested-radical": let n = Double(start! + L); return s(Int(floor(sqrt(n + sqrt(n + sqrt(n))))))
        case "algebraic-irrationals": let n = Double(start! + L); return s(Int(floor(n * (n + sqrt(5)) / (2 * n + 1))))
        case "lambert-w": let n = Double(start! + L); return s(Int(floor(n / log(n + M_E))))
        case "continued-fraction":
            let n = start! + L
            var p = [0, 1, 3]  // p[1] = 1, p[2] = 3
            while p.count <= n { p.append(2 * p[p.count - 1] + p[p.count - 2]) }
            return s(p[n] % (n + 10))
        case "diophantine-solutions":
            var (x, y) = (3, 2)  // (3 + 2√2)^n, reduced mod 100
            for _ in 1..<(start! + L) { (x, y) = ((3 * x + 4 * y) % 100, (2 * x + 3 * y) % 100) }
            return s(x)
        case "modular-arithmetic":
            let n = start! + L
            var (a, b) = (0, 1)
            for _ in 0..<n { (a, b) = (b, a + b) }
            return s((n * n * n + a) % (n + 7))
        case "catalan-like": return s(((0..<L).reduce(0) { $0 + v[$1] * v[L - 1 - $1] } + L) % 1000)
        case "hypergeometric-like":
            let n = start! + L, modulus = 1000 << (n - 1)
            var x = 1
            for k in stride(from: 1, through: 2 * n - 1, by: 2) { x = x * k % modulus }
            return s(x >> (n - 1) % 1000 == 0 ? (x >> (n - 1)) % 1000 : (x >> (n - 1)) % 1000)
        case "geometric", "exponential", "alternating-geometric", "prime-powers": return s(v[L - 1] * (v[1] / v[0]))
        case "power-squares": let r = isqrt(v[L - 1]); return s((r + 1) * (r + 1))
        case "power-cubes":
            var r = Int(cbrt(Double(v[L - 1])).rounded())
            while r * r * r > v[L - 1] { r -= 1 }
            return s((r + 1) * (r + 1) * (r + 1))
        case "factorial": return times(t[L - 1], start! + L)
        case "exponential-squares":
            let n = start! + L - 1
            return (0..<(2 * n + 1)).reduce(t[L - 1]) { x, _ in times(x, 2) }
        case "compound-growth":
            var fits: [Int] = []
            for p in [5, 10, 20, 25, 50] {
                var ok = true
                for i in 1..<L where v[i] != v[i - 1] + v[i - 1] * p / 100 { ok = false }
                if ok { fits.append(p) }
            }
            return fits.count == 1 ? s(v[L - 1] + v[L - 1] * fits[0] / 100) : nil
        case "triangular": return s(v[L - 1] + (v[L - 1] - v[L - 2]) + 1)
        case "pentagonal": return s(v[L - 1] + (v[L - 1] - v[L - 2]) + 3)
        case "primes": return s(((v[L - 1] + 1)...).first(where: isPrime)!)
        case "twin-primes": return s(((v[L - 1] + 1)...).first { isPrime($0) && isPrime($0 + 2) }!)
        case "sophie-germain": return s(((v[L - 1] + 1)...).first { isPrime($0) && isPrime(2 * $0 + 1) }!)
        case "semiprimes":
            return s(((v[L - 1] + 1)...).first { n in
                var m = n, factors = 0, d = 2
                while m > 1 { if m % d == 0 { m /= d; factors += 1 } else { d += 1 } }
                return factors == 2
            }!)
        case "prime-gaps":
            let n = start! + L  // gap p(n+1) − p(n)
            let p = primes(n + 1)
            return s(p[n] - p[n - 1])
        case "mersenne": return minusOne(powerOfTwo(primes(ordinal! + L)[ordinal! + L - 1]))
        case "euler-totient":
            var n = start! + L, result = n, d = 2
            while d * d <= n { if n % d == 0 { while n % d == 0 { n /= d }; result -= result / d }; d += 1 }
            if n > 1 { result -= result / n }
            return s(result)
        case "sum-of-divisors":
            let n = start! + L
            var total = 0, d = 1
            while d * d <= n { if n % d == 0 { total += d + (d * d == n ? 0 : n / d) }; d += 1 }
            return s(total)
        case "catalan-numbers": let n = start! + L - 1; return s(v[L - 1] * 2 * (2 * n + 1) / (n + 2))
        case "fibonacci-mod-prime":
            let p = after("mod ", in: rule)!
            var (a, b) = (0, 1)
            for _ in 0..<(start! + L) { (a, b) = (b, (a + b) % p) }
            return s(a)
        case "nested-arithmetic-geometric":
            let r = (v[2] - v[1]) / (v[1] - v[0]), d = v[1] - r * v[0]
            return s(r * v[L - 1] + d)
        case "polynomial-quadratic", "polynomial-cubic":
            var rows = [v]
            while rows.last!.count > 1 { let r = rows.last!; rows.append((1..<r.count).map { r[$0] - r[$0 - 1] }) }
            let depth = kind == "polynomial-quadratic" ? 2 : 3
            return s((0...depth).reduce(0) { $0 + rows[$1].last! })
        case "interleaved": return s(v[L - 2] + (v[L % 2 + 2] - v[L % 2]))
        case "conditional": return s(v[L - 1] % 2 == 0 ? v[L - 1] / 2 : 3 * v[L - 1] + 1)
        case "multi-recursive":
            return s(applyLinear(v, coefficients(rule, order: 3)))
        case "pattern-transformation": return s(2 * v[L - 1])
        case "modular-linear":
            let k = numbers(rule)  // a(n) = (a n + b) mod m
            return s((k[0] * (L + 1) + k[1]) % k[2])
        case "alternating-operations":
            let p = after("add ", in: rule)!, q = after("multiply by ", in: rule)!
            return s((L + 1) % 2 == 0 ? v[L - 1] + p : v[L - 1] * q)
        case "layered-differences":
            let d1 = v[L - 1] - v[L - 2], d0 = v[L - 2] - v[L - 3]
            return s(v[L - 1] + d1 * (d1 / d0))
        case "position-dependent":
            let d1 = v[L - 1] - v[L - 2], d0 = v[L - 2] - v[L - 3]
            return s(v[L - 1] + d1 + (d1 - d0))
        case "spiral":
            var corners = [1]
            var ring = 1
            while corners.count < 80 {
                for i in 1...4 { corners.append((2 * ring - 1) * (2 * ring - 1) + 2 * ring * i) }
                ring += 1
            }
            return s(corners[ordinal! - 1 + L])
        default: return nil
        }
    }
}
