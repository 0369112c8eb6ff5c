import Random

/// Per-sample seeds, derived (never drawn) so that any subset of a run's samples can be regenerated identically.
public enum SampleSeed {
    /// The seed of sample `sample` of problem `problem` in a run seeded `runSeed`:
    ///
    ///     s₀ = splitmix(runSeed);  s₁ = splitmix(s₀ ⊕ problem);  seed = splitmix(s₁ ⊕ sample)
    ///
    /// where splitmix(x) is SplitMix64's output for state x + 0x9E3779B97F4A7C15 and ⊕ is XOR with the
    /// index as a UInt64 (two's complement for negative indices). See ``SeedDerivation/runSample(runSeed:problem:sample:)``.
    public static func derive(runSeed: UInt64, problem: Int, sample: Int) -> UInt64 {
        SeedDerivation.runSample(runSeed: runSeed, problem: problem, sample: sample)
    }
}
