/// Uniform draws for stochastic rounding of quantised integers and codes.
///
/// A value `t` between the representable neighbours `lo < t < hi` rounds up with probability `(t − lo)/(hi − lo)`,
/// so the expected result is `t` (unbiased) unless clamping intervenes. For integer grids this is `⌊t + u⌋` with
/// `u ~ U[0, 1)`.
enum StochasticRounding {
    /// A uniform `Float` in [0, 1) with 24 random bits (one `UInt64` drawn).
    @inline(__always)
    static func uniform<G: RandomNumberGenerator>(_ generator: inout G) -> Float {
        Float(generator.next() >> 40) * 0x1p-24
    }

    /// `⌊t + u⌋` for a fresh uniform `u`: `t` rounded down or up, up with probability `t − ⌊t⌋`.
    @inline(__always)
    static func round<G: RandomNumberGenerator>(_ t: Float, using generator: inout G) -> Float {
        let floor = t.rounded(.down)
        return uniform(&generator) < t - floor ? floor + 1 : floor
    }
}
