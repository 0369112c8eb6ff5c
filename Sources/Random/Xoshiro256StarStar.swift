/// xoshiro256** (Blackman & Vigna, 2018), its 256-bit state filled by four successive ``SplitMix64`` outputs of the
/// seed: the one pseudo-random generator behind every seeded stream in Reckon.
///
/// The stream depends only on the seed: the same seed gives the same numbers on every machine and Swift version,
/// which is what makes sampling, task instances and bootstrap resamples reproducible. Frozen: changing anything here
/// changes every golden that depends on a seed. Not cryptographically secure. Reference:
/// `Scripts/oracle/random_reference.py`.
///
/// Bounded draws are not offered here on purpose: each user keeps its own frozen method (tasks: modulo rejection,
/// analysis: Lemire's multiply-and-reject), because their streams are part of existing goldens.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Seeds the four state words with four successive SplitMix64 outputs, starting from counter `seed`.
    @inlinable
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in `[0, 1)` from the top 53 bits of one draw: `Double(next() >> 11) · 2⁻⁵³`.
    @inlinable
    public mutating func unitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    @inlinable @inline(__always)
    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
