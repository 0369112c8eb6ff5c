/// A two-sided confidence interval for a statistic.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The statistic on the original (not resampled) data.
    public let estimate: Double
    /// Lower bound.
    public let lower: Double
    /// Upper bound.
    public let upper: Double
    /// Nominal coverage, e.g. 0.95.
    public let level: Double

    public init(estimate: Double, lower: Double, upper: Double, level: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// True when lower ≤ value ≤ upper.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

/// Nonparametric percentile bootstrap over problems (Efron): draw `resamples` datasets of the same size with
/// replacement, compute the statistic on each, and report the (1−level)/2 and (1+level)/2 quantiles (linear
/// interpolation between order statistics, as NumPy's default `percentile`).
///
/// Deterministic per seed: resample r draws its n indices in order from one `AnalysisRNG(seed:)` stream,
/// resample after resample. Cost O(resamples · n) plus the statistic.
public struct Bootstrap: Sendable, Hashable {
    /// Number of bootstrap datasets B ≥ 2.
    public let resamples: Int
    /// Nominal coverage in (0, 1).
    public let level: Double
    /// Seed of the resampling stream.
    public let seed: UInt64

    /// - Throws: `.invalidCount` for resamples < 2; `.invalidValue` unless 0 < level < 1.
    public init(resamples: Int = 2000, level: Double = 0.95, seed: UInt64) throws(AnalysisError) {
        guard resamples >= 2 else { throw .invalidCount(name: "bootstrap resamples", value: resamples, requirement: "≥ 2") }
        guard level.isFinite, level > 0, level < 1 else {
            throw .invalidValue(name: "confidence level", value: level, requirement: "in (0, 1), e.g. 0.95")
        }
        self.resamples = resamples
        self.level = level
        self.seed = seed
    }

    /// Percentile interval of an arbitrary statistic of the data (e.g. mean maj@k over problems).
    /// - Throws: `AnalysisError.emptyInput` for no data, or whatever `statistic` throws.
    public func interval<Element>(of data: [Element], statistic: ([Element]) throws -> Double) throws -> ConfidenceInterval {
        guard !data.isEmpty else { throw AnalysisError.emptyInput(what: "data point to resample") }
        var rng = AnalysisRNG(seed: seed)
        var replicates = [Double](repeating: 0, count: resamples)
        var buffer = data
        for r in 0..<resamples {
            for i in 0..<data.count { buffer[i] = data[rng.index(below: data.count)] }
            replicates[r] = try statistic(buffer)
        }
        return summarise(estimate: try statistic(data), replicates: &replicates)
    }

    /// Percentile interval of the mean of `values` (fast path; same resampling stream as `interval(of:statistic:)`).
    /// - Throws: `.emptyInput` for no values.
    public func meanInterval(_ values: [Double]) throws(AnalysisError) -> ConfidenceInterval {
        guard !values.isEmpty else { throw .emptyInput(what: "value to resample") }
        var rng = AnalysisRNG(seed: seed)
        var replicates = [Double](repeating: 0, count: resamples)
        let n = values.count
        for r in 0..<resamples {
            var sum = 0.0
            for _ in 0..<n { sum += values[rng.index(below: n)] }
            replicates[r] = sum / Double(n)
        }
        return summarise(estimate: values.reduce(0, +) / Double(n), replicates: &replicates)
    }

    private func summarise(estimate: Double, replicates: inout [Double]) -> ConfidenceInterval {
        replicates.sort()
        let tail = (1 - level) / 2
        return ConfidenceInterval(
            estimate: estimate, lower: Self.quantile(replicates, tail), upper: Self.quantile(replicates, 1 - tail), level: level)
    }

    /// Quantile q of sorted values with linear interpolation at position (count − 1)·q.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * q
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
}

extension Bootstrap {
    /// The intervals Reckon reports on every accuracy (CLI summary and HTML report alike): 95 % percentile intervals
    /// over problems from 2,000 resamples of a fixed seed (0x5EED), so the same outcomes always give the same
    /// interval.
    public static let accuracy = Bootstrap(validResamples: 2000, level: 0.95, seed: 0x5EED)

    /// For constants known to be valid (resamples ≥ 2, 0 < level < 1).
    private init(validResamples resamples: Int, level: Double, seed: UInt64) {
        self.resamples = resamples
        self.level = level
        self.seed = seed
    }
}
