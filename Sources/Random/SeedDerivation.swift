/// Seeds derived from a base seed and a label, so that independent streams (one per task instance, say) can be
/// opened in any order without drawing from a shared generator. Frozen; reference: `Scripts/oracle/random_reference.py`.
public enum SeedDerivation {
    /// The seed of stream `index` under `label`:
    /// `mix(seed ⊕ mix(fnv1a64(label) ⊕ mix(UInt64(bitPattern: index))))`, where `mix` is ``SplitMix64/mix(_:)``.
    /// Used for task instances (`label` is the family id).
    @inlinable
    public static func labelledIndex(seed: UInt64, label: String, index: Int) -> UInt64 {
        let labelHash = fnv1a64(label)
        let indexMix = SplitMix64.mix(UInt64(bitPattern: Int64(index)))
        return SplitMix64.mix(seed ^ SplitMix64.mix(labelHash ^ indexMix))
    }

    /// The seed of sample `sample` of problem `problem` in a run seeded `runSeed`:
    ///
    ///     s₀ = splitmix(runSeed);  s₁ = splitmix(s₀ ⊕ problem);  seed = splitmix(s₁ ⊕ sample)
    ///
    /// where splitmix(x) is the first ``SplitMix64`` output from counter x (that is, `mix(x + gamma)`) and ⊕ is XOR
    /// with the index as a UInt64 (two's complement for negative indices). Used for the sampler seeds of a run.
    @inlinable
    public static func runSample(runSeed: UInt64, problem: Int, sample: Int) -> UInt64 {
        let s0 = firstOutput(runSeed)
        let s1 = firstOutput(s0 ^ UInt64(bitPattern: Int64(problem)))
        return firstOutput(s1 ^ UInt64(bitPattern: Int64(sample)))
    }

    /// The first SplitMix64 output from counter `state`: `mix(state + gamma)`.
    @inlinable
    public static func firstOutput(_ state: UInt64) -> UInt64 {
        var mixer = SplitMix64(state: state)
        return mixer.next()
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text` (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`).
    @inlinable
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
