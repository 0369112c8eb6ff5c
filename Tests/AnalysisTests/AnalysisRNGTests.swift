import Random
import Testing
@testable import Analysis

@Suite struct AnalysisRNGTests {
    /// The generator itself is checked against the Python reference in Tests/RandomTests; here: that AnalysisRNG is
    /// exactly that generator.
    @Test func isTheSharedGenerator() {
        var rng = AnalysisRNG(seed: 42)
        var shared = Xoshiro256StarStar(seed: 42)
        #expect((0..<5).map { _ in rng.next() } == (0..<5).map { _ in shared.next() })
    }

    /// Golden values printed by Scripts/oracle/analysis_reference.py (Python Lemire bounded draw).
    @Test func boundedDrawsMatchReference() {
        var rng = AnalysisRNG(seed: 99)
        #expect((0..<3).map { _ in rng.next() } == [6432450796990294708, 10403964113915512446, 6976827202264503747])
        #expect((0..<5).map { _ in rng.index(below: 10) } == [8, 7, 2, 2, 0])
    }

    @Test func boundedDrawsAreRoughlyUniform() {
        var rng = AnalysisRNG(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[rng.index(below: 7)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
        var unit = AnalysisRNG(seed: 4)
        #expect((0..<1000).allSatisfy { _ in let u = unit.unitDouble(); return u >= 0 && u < 1 })
    }
}
