#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Natural log of `numerator / denominator` for integers 0 < numerator ≤ denominator, accurate to a few ulps
/// in relative terms whether the ratio is close to 1 (uses `log1p`) or far from it (uses `log` of the ratio).
@inline(__always)
func logRatio(_ numerator: Int, _ denominator: Int) -> Double {
    let gap = Double(denominator - numerator) / Double(denominator)
    return gap < 0.5 ? log1p(-gap) : log(Double(numerator) / Double(denominator))
}

/// Table of ln(i!) for i = 0...n, built by summing ln(i) (error ≲ n·ulp of the value).
struct LogFactorials {
    private let table: [Double]

    init(upTo n: Int) {
        var table = [Double](repeating: 0, count: n + 1)
        var running = 0.0
        if n >= 2 {
            for i in 2...n {
                running += log(Double(i))
                table[i] = running
            }
        }
        self.table = table
    }

    /// ln C(n, r); −∞ when r < 0 or r > n.
    @inline(__always)
    func logChoose(_ n: Int, _ r: Int) -> Double {
        guard r >= 0, r <= n else { return -.infinity }
        return table[n] - table[r] - table[n - r]
    }
}
