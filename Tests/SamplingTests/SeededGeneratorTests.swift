import Random
import Testing
@testable import Sampling

@Suite struct SeededGeneratorTests {
    /// The generator itself is checked against the Python reference in Tests/RandomTests; here: that the sampler's
    /// generator is exactly that generator, unit doubles included.
    @Test func isTheSharedGenerator() {
        var sampler = SeededGenerator(seed: 42)
        var shared = Xoshiro256StarStar(seed: 42)
        #expect((0..<5).map { _ in sampler.next() } == (0..<5).map { _ in shared.next() })
        #expect((0..<5).map { _ in sampler.nextUnit() } == (0..<5).map { _ in shared.unitDouble() })
    }

    @Test func unitIsInHalfOpenInterval() {
        var g = SeededGenerator(seed: 7)
        var total = 0.0
        for _ in 0..<100_000 {
            let u = g.nextUnit()
            #expect(u >= 0 && u < 1)
            total += u
        }
        // Mean of 1e5 uniforms: σ = sqrt(1/12/1e5) ≈ 0.00091; allow 5σ.
        #expect(abs(total / 100_000 - 0.5) < 0.0046)
    }
}
