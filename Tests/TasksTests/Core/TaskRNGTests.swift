import Random
import Testing
@testable import Tasks

@Suite struct TaskRNGTests {
    /// The generator itself, its seeding and the instance-seed derivation are checked against the Python reference
    /// in Tests/RandomTests; here: that TaskRNG is exactly that generator and derivation.
    @Test func isTheSharedGeneratorWithTheLabelledIndexDerivation() {
        var rng = TaskRNG(seed: 42)
        var shared = Xoshiro256StarStar(seed: 42)
        #expect((0..<5).map { _ in rng.next() } == (0..<5).map { _ in shared.next() })
        var instance = TaskRNG(seed: 1, family: "x", index: 3)
        var derived = Xoshiro256StarStar(seed: SeedDerivation.labelledIndex(seed: 1, label: "x", index: 3))
        #expect((0..<5).map { _ in instance.next() } == (0..<5).map { _ in derived.next() })
    }

    @Test func intInRangeStaysInRangeAndCoversIt() {
        var rng = TaskRNG(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<10_000 {
            let v = rng.int(in: -3...5)
            #expect((-3...5).contains(v))
            seen.insert(v)
        }
        #expect(seen.count == 9)
        #expect(rng.int(in: 4...4) == 4)
        _ = rng.int(in: Int.min...Int.max)
    }

    @Test func digitsHaveTheRequestedLength() {
        var rng = TaskRNG(seed: 9)
        for n in 1...18 {
            for _ in 0..<200 {
                let v = rng.digits(n)
                #expect(String(v).count == n, "n=\(n) v=\(v)")
            }
        }
    }

    @Test func unitIsInHalfOpenInterval() {
        var rng = TaskRNG(seed: 3)
        var sum = 0.0
        for _ in 0..<10_000 {
            let u = rng.unit()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 10_000 - 0.5) < 0.02)
    }

    @Test func shuffleIsAPermutationAndStreamsAreIndependent() {
        var rng = TaskRNG(seed: 11)
        var items = Array(0..<50)
        rng.shuffle(&items)
        #expect(items.sorted() == Array(0..<50))
        #expect(items != Array(0..<50))
        var a = TaskRNG(seed: 1, family: "x", index: 0)
        var b = TaskRNG(seed: 1, family: "x", index: 1)
        var c = TaskRNG(seed: 1, family: "y", index: 0)
        var a2 = TaskRNG(seed: 1, family: "x", index: 0)
        let va = a.next(), vb = b.next(), vc = c.next()
        #expect(va != vb && va != vc && vb != vc)
        #expect(a2.next() == va)
    }
}
