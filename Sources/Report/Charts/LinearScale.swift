import Foundation

/// A linear mapping from a data domain to a pixel range, with ticks at 1/2/5·10ⁿ steps.
struct LinearScale: Sendable, Equatable {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double

    /// The fraction axis 0…1 with ticks every 0.2.
    static func unit(start: Double, end: Double) -> LinearScale {
        LinearScale(lower: 0, upper: 1, start: start, end: end)
    }

    func position(_ value: Double) -> Double {
        guard upper > lower else { return start }
        return start + (end - start) * (value - lower) / (upper - lower)
    }

    /// About five ticks at a 1, 2 or 5 × 10ⁿ step, inside the domain.
    var ticks: [Double] {
        guard upper > lower else { return [lower] }
        let raw = (upper - lower) / 5
        let magnitude = pow(10, log10(raw).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-9) } ?? magnitude * 10
        var values: [Double] = []
        var index = (lower / step - 1e-9).rounded(.up)
        while index * step <= upper * (1 + 1e-12) + 1e-12 {
            values.append(index * step)
            index += 1
        }
        return values
    }

    static func label(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%g", rounded)
    }
}
