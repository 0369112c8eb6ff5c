import Testing
@testable import Report

/// Tick positions are hand-computed: on a log scale from L to U over pixels s…e, x(v) = s + (e − s)·log(v/L)/log(U/L).
@Suite struct ScaleTests {
    @Test func threeDecadesGetTicksAtPowersOfTenEvenlySpaced() {
        let scale = LogScale.fitting(lower: 1, upper: 1000, start: 50, end: 350)
        #expect(scale.ticks == [1, 10, 100, 1000])
        let positions = scale.ticks.map(scale.position)
        for (position, expected) in zip(positions, [50.0, 150, 250, 350]) {
            #expect(abs(position - expected) < 1e-9)
        }
        // √10 ≈ 3.1623 is half a decade: 50 + 100/2.
        #expect(abs(scale.position(10.0.squareRoot()) - 100) < 1e-9)
    }

    @Test func aNarrowDomainGetsOneTwoFiveTicks() {
        // 1…32 is five doublings: 2, 4, 8, 16 sit at 1/5, 2/5, 3/5, 4/5 of 500 px.
        let scale = LogScale.fitting(lower: 1, upper: 32, start: 0, end: 500)
        #expect(scale.ticks == [1, 2, 5, 10, 20])
        for (value, expected) in [(2.0, 100.0), (4, 200), (8, 300), (16, 400), (32, 500)] {
            #expect(abs(scale.position(value) - expected) < 1e-9, "x(\(value))")
        }
        // 10 = 32^(1/log10 32): 500 / log10(32) = 500 / 1.505150 = 332.193
        #expect(abs(scale.position(10) - 332.193) < 1e-3)
    }

    @Test func tokenRangesUseOneTwoFiveTicksAndShortLabels() {
        let scale = LogScale.fitting(lower: 80, upper: 2565.8, start: 0, end: 1)
        #expect(scale.ticks == [100, 200, 500, 1000, 2000])
        #expect(scale.ticks.map(LogScale.label) == ["100", "200", "500", "1k", "2k"])
        #expect(LogScale.label(1_000_000) == "1M")
        #expect(LogScale.label(0.5) == "0.5")
        #expect(LogScale.label(2.5e9) == "2.5G")
    }

    @Test func aSingleValueBecomesTheDecadeAboveIt() {
        let scale = LogScale.fitting(lower: 5, upper: 5, start: 0, end: 100)
        #expect(scale.lower == 5 && scale.upper == 50)
        #expect(scale.ticks == [5, 10, 20, 50])
    }

    @Test func wideDomainsKeepOnlyPowersOfTen() {
        let scale = LogScale.fitting(lower: 3, upper: 40_000, start: 0, end: 1)
        #expect(scale.ticks == [10, 100, 1000, 10_000])
    }

    @Test func unitScaleTicksEveryFifthAndFlipsForSVG() {
        let scale = LinearScale.unit(start: 364, end: 40)
        #expect(scale.ticks.count == 6)
        #expect(scale.ticks.map(LinearScale.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(scale.position(0) == 364)
        #expect(scale.position(1) == 40)
        #expect(abs(scale.position(0.25) - 283) < 1e-9)
    }
}
