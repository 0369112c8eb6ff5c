import Testing
@testable import Analysis

@Suite struct AnalysisRNGTests {
    /// Golden streams printed by Scripts/oracle/xoshiro_reference.py (an independent Python xoshiro256**).
    @Test func matchesReferenceStreams() {
        var zero = AnalysisRNG(seed: 0)
        #expect((0..<5).map { _ in zero.next() }
                == [11091344671253066420, 13793997310169335082, 1900383378846508768, 7684712102626143532, 13521403990117723737])
        var fortyTwo = AnalysisRNG(seed: 42)
        #expect((0..<5).map { _ in fortyTwo.next() }
                == [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193, 18295552978065317476])
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
