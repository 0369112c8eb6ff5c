/// Per-sample seeds, derived (never drawn) so that any subset of a run's samples can be regenerated identically.
public enum SampleSeed {
    /// SplitMix64's increment, ⌊2^64/φ⌋.
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64's output function (Steele, Lea & Flood 2014) applied to `state + γ`.
    @inline(__always) static func splitMix(_ state: UInt64) -> UInt64 {
        var z = state &+ gamma
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of sample `sample` of problem `problem` in a run seeded `runSeed`:
    ///
    ///     s₀ = splitmix(runSeed);  s₁ = splitmix(s₀ ⊕ problem);  seed = splitmix(s₁ ⊕ sample)
    ///
    /// where splitmix(x) is SplitMix64's output for state x + 0x9E3779B97F4A7C15 and ⊕ is XOR with the
    /// index as a UInt64 (two's complement for negative indices).
    public static func derive(runSeed: UInt64, problem: Int, sample: Int) -> UInt64 {
        let s0 = splitMix(runSeed)
        let s1 = splitMix(s0 ^ UInt64(bitPattern: Int64(problem)))
        return splitMix(s1 ^ UInt64(bitPattern: Int64(sample)))
    }
}
