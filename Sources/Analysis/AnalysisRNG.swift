import Random

/// The analysis layer's seeded generator: Reckon's one generator (``Xoshiro256StarStar``, seeded through SplitMix64)
/// with the bounded draw the bootstrap uses. Deterministic across platforms and Swift versions: it never touches
/// system randomness, and `index(below:)` is defined here rather than delegated to the standard library.
public struct AnalysisRNG: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var generator: Xoshiro256StarStar

    /// Seeds the four state words with successive SplitMix64 outputs of `seed`.
    @inlinable
    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 { generator.next() }

    /// A uniform integer in 0..<bound (bound ≥ 1), by Lemire's multiply-and-reject method (no modulo bias).
    public mutating func index(below bound: Int) -> Int {
        precondition(bound >= 1, "index(below:) needs bound ≥ 1")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func unitDouble() -> Double { generator.unitDouble() }
}
