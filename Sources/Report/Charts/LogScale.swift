import Foundation

/// A base-10 logarithmic mapping from a positive data domain to a pixel range, with ticks at powers of ten
/// (plus 2·10ⁿ and 5·10ⁿ when the domain spans at most two decades).
struct LogScale: Sendable, Equatable {
    /// Data domain, lower > 0.
    let lower: Double
    let upper: Double
    /// Pixel positions of `lower` and `upper`.
    let start: Double
    let end: Double

    /// A scale over the data range `lower…upper` (lower > 0); a single value becomes the decade above it.
    static func fitting(lower: Double, upper: Double, start: Double, end: Double) -> LogScale {
        let low = max(lower, Double.leastNormalMagnitude)
        let high = upper > low * (1 + 1e-9) ? upper : low * 10
        return LogScale(lower: low, upper: high, start: start, end: end)
    }

    /// Pixel position of `value` (> 0): start + (end − start) · (log v − log lower) / (log upper − log lower).
    func position(_ value: Double) -> Double {
        let span = log10(upper) - log10(lower)
        return start + (end - start) * (log10(value) - log10(lower)) / span
    }

    /// Labelled tick values inside the domain: powers of ten, plus 2·10ⁿ and 5·10ⁿ when the domain spans at
    /// most two decades (upper/lower ≤ 100).
    var ticks: [Double] {
        let first = Int((log10(lower) - 1e-9).rounded(.down))
        let last = Int((log10(upper) + 1e-9).rounded(.up))
        let multiples: [Double] = upper / lower <= 100 * (1 + 1e-9) ? [1, 2, 5] : [1]
        var values: [Double] = []
        for exponent in first...last {
            for multiple in multiples {
                let value = multiple * pow(10, Double(exponent))
                if value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) { values.append(value) }
            }
        }
        return values
    }

    /// Short label: 1, 20, 500, 1k, 20k, 1M, 0.1.
    static func label(_ value: Double) -> String {
        func trimmed(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%g", x) }
        switch abs(value) {
        case 1e9...: return trimmed(value / 1e9) + "G"
        case 1e6...: return trimmed(value / 1e6) + "M"
        case 1e3...: return trimmed(value / 1e3) + "k"
        default: return trimmed(value)
        }
    }
}
