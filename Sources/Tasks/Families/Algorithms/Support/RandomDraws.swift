/// Sampling helpers over ``TaskRNG`` (frozen: changing them changes determinism goldens).
enum RandomDraws {
    /// `count` uniform integers in `range` (repeats allowed).
    static func integers(_ count: Int, _ range: ClosedRange<Int>, _ rng: inout TaskRNG) -> [Int] {
        (0..<count).map { _ in rng.int(in: range) }
    }

    /// `count` distinct integers in `range` in random order when the range is wide enough, otherwise with repeats
    /// (as BeyondBench does). Rejection sampling for sparse draws, a shuffled prefix of the range for dense ones.
    static func distinct(_ count: Int, _ range: ClosedRange<Int>, _ rng: inout TaskRNG) -> [Int] {
        let width = range.upperBound - range.lowerBound + 1
        if width < count { return integers(count, range, &rng) }
        if width <= 4 * count {
            var all = Array(range)
            // partial Fisher–Yates from the front
            for i in 0..<count {
                let j = rng.int(in: i...(all.count - 1))
                if i != j { all.swapAt(i, j) }
            }
            return Array(all[0..<count])
        }
        var seen = Set<Int>()
        var out: [Int] = []
        while out.count < count {
            let v = rng.int(in: range)
            if seen.insert(v).inserted { out.append(v) }
        }
        return out
    }

    /// A value in `range` that satisfies `accept`, by rejection (at most `tries`), else nil.
    static func value(in range: ClosedRange<Int>, _ rng: inout TaskRNG, tries: Int = 1000, where accept: (Int) -> Bool)
        -> Int?
    {
        for _ in 0..<tries {
            let v = rng.int(in: range)
            if accept(v) { return v }
        }
        return nil
    }
}

enum IntegerMath {
    static func isqrt(_ n: Int) -> Int {
        guard n > 0 else { return 0 }
        var r = Int(Double(n).squareRoot())
        while r * r > n { r -= 1 }
        while (r + 1) * (r + 1) <= n { r += 1 }
        return r
    }

    static func isPalindrome(_ n: Int) -> Bool {
        let s = Array(String(n))
        return s == s.reversed()
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// `numerator / denominator` rounded half away from zero to `places` decimals, trailing zeros trimmed ("2.5", "-3", "0.33").
    static func decimalText(_ numerator: Int, _ denominator: Int, places: Int = 2) -> String {
        precondition(denominator != 0)
        var n = numerator, d = denominator
        if d < 0 { n = -n; d = -d }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let negative = n < 0
        let m = abs(n) * scale
        let rounded = (2 * m + d) / (2 * d)  // half up on the magnitude
        var whole = String(rounded / scale)
        var fraction = String(rounded % scale)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { whole += "." + fraction }
        return (negative && rounded != 0 ? "-" : "") + whole
    }
}
