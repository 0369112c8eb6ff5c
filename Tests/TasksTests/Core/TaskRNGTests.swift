import Testing
@testable import Tasks

@Suite struct TaskRNGTests {
    /// Reference outputs of SplitMix64 from seed 1234567, computed by an independent Python implementation of the published algorithm,
    /// Scripts/tasks/rng_reference.py.
    @Test func splitMixMatchesPythonReference() throws {
        var state: UInt64 = 1_234_567
        let got = (0..<3).map { _ in TaskRNG.splitMix(&state) }
        #expect(got == RNGReference.splitMix1234567)
    }

    @Test func xoshiroMatchesPythonReference() {
        var rng = TaskRNG(seed: 42)
        let got = (0..<5).map { _ in rng.next() }
        #expect(got == RNGReference.xoshiroSeed42)
    }

    @Test func fnvMatchesPublishedVectors() {
        // FNV-1a 64 test vectors from the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
        #expect(TaskRNG.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(TaskRNG.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(TaskRNG.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
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
