/// SplitMix64 (Steele, Lea & Flood, 2014): a 64-bit counter advanced by the golden gamma `0x9E3779B97F4A7C15` and
/// passed through a bijective finaliser. Reckon uses it to fill xoshiro256**'s state from one seed and to mix seeds
/// into derived seeds; it is not used as a stream generator on its own.
///
/// Frozen: every seeded stream in Reckon (samplers, task instances, bootstrap resamples) depends on these constants.
/// Reference: `Scripts/oracle/random_reference.py`.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var counter: UInt64

    /// The counter: the last value returned by ``next()`` is `mix(state)`.
    public var state: UInt64 { counter }

    /// The golden gamma added to the counter before each output.
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inlinable
    public init(state: UInt64) { counter = state }

    /// Advances the counter by ``gamma`` and returns the mixed counter.
    @inlinable
    public mutating func next() -> UInt64 {
        counter &+= Self.gamma
        return Self.mix(counter)
    }

    /// The SplitMix64 finaliser: a bijection on 64-bit words that spreads every input bit over the output.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
