import Testing
@testable import Analysis

@Suite struct BootstrapTests {
    @Test func isDeterministicPerSeedAndDiffersAcrossSeeds() throws {
        let data = (0..<50).map { Double(($0 * 17) % 23) }
        let a = try Bootstrap(resamples: 300, seed: 5).meanInterval(data)
        let b = try Bootstrap(resamples: 300, seed: 5).meanInterval(data)
        let c = try Bootstrap(resamples: 300, seed: 6).meanInterval(data)
        #expect(a == b)
        #expect(a != c)
        #expect(a.lower < a.estimate && a.estimate < a.upper)
    }

    @Test func genericStatisticMatchesTheMeanFastPath() throws {
        let data = (0..<30).map { Double($0 * $0 % 11) / 11 }
        let bootstrap = try Bootstrap(resamples: 200, level: 0.8, seed: 9)
        let fast = try bootstrap.meanInterval(data)
        let generic = try bootstrap.interval(of: data) { $0.reduce(0, +) / Double($0.count) }
        #expect(fast == generic)
    }

    /// Percentile intervals for the mean of a skewed variable (x = u², true mean 1/3) should cover the truth
    /// about 95% of the time; n = 60 per dataset, so somewhat less is expected (loose bounds).
    @Test func coversTheTrueMeanAboutNinetyFivePercentOfTheTime() throws {
        let datasets = 400
        var covered = 0
        for seed in UInt64(0)..<UInt64(datasets) {
            var rng = AnalysisRNG(seed: 1_000_000 + seed)
            let data = (0..<60).map { _ in let u = rng.unitDouble(); return u * u }
            let interval = try Bootstrap(resamples: 1000, level: 0.95, seed: seed).meanInterval(data)
            if interval.contains(1.0 / 3) { covered += 1 }
        }
        let rate = Double(covered) / Double(datasets)
        #expect(rate >= 0.89 && rate <= 0.985, "coverage \(rate) over \(datasets) seeded datasets (seeds 0..<\(datasets))")
    }

    @Test func errors() throws {
        #expect(throws: AnalysisError.invalidCount(name: "bootstrap resamples", value: 1, requirement: "≥ 2")) {
            try Bootstrap(resamples: 1, seed: 0)
        }
        #expect(throws: AnalysisError.invalidValue(name: "confidence level", value: 95, requirement: "in (0, 1), e.g. 0.95")) {
            try Bootstrap(level: 95, seed: 0)
        }
        #expect(throws: AnalysisError.emptyInput(what: "value to resample")) { try Bootstrap(seed: 0).meanInterval([]) }
    }
}
