import Random

/// The sampler's pseudo-random generator: Reckon's one seeded generator (``Xoshiro256StarStar``, seeded through
/// SplitMix64) under the name the sampler chain uses.
///
/// The stream depends only on the seed: the same seed gives the same numbers on every machine and Swift version,
/// which is what makes sampling reproducible. Not cryptographically secure.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline var generator: Xoshiro256StarStar

    @inlinable
    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    @inlinable
    public mutating func next() -> UInt64 { generator.next() }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnit() -> Double { generator.unitDouble() }
}
