/// The seeded stream behind random-point comparison of expressions with variables: xoshiro256** seeded through
/// SplitMix64, integers drawn by rejection sampling. It is the same stream as `Tasks`' `TaskRNG(seed:)` with
/// `int(in:)`, so verdicts did not change when the checker moved out of `Tasks`.
///
/// Merge note: this is a deliberate, temporary second copy of the generator (Answers may not import Tasks).
/// When the shared `Random` target exists, delete this file and draw from its generator instead.
struct SamplePointGenerator {
    private var s0, s1, s2, s3: UInt64

    init(seed: UInt64) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 bits (xoshiro256**).
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `range`: reject draws below `(2^64 − width) mod width`, return `lower + r mod width`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if width == 0 { return Int(bitPattern: UInt(next())) }
        let threshold = (0 &- width) % width
        while true {
            let r = next()
            if r >= threshold { return range.lowerBound &+ Int(bitPattern: UInt(r % width)) }
        }
    }
}
