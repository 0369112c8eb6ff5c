import Random

/// The task families' generator: Reckon's one generator (``Xoshiro256StarStar`` in Random, seeded through SplitMix64)
/// with the frozen draws below.
///
/// Every generated problem is a pure function of a seed, so the algorithm here is frozen: changing any
/// method changes every family's determinism golden. Never use the system RNG or the standard library's
/// `random(in:using:)` helpers (their algorithms are not guaranteed stable across Swift versions); use the
/// methods below, which are specified exactly:
///
/// - `next()`: xoshiro256** (Blackman & Vigna, 2018).
/// - `int(in:)`: rejection sampling — draw `r = next()`, reject while `r < (2^64 − width) mod width`, return
///   `lower + r mod width` (unbiased; consumes one or more draws).
/// - `unit()`: `Double(next() >> 11) · 2^−53`, in `[0, 1)`.
/// - `bool()`: the top bit of `next()`.
public struct TaskRNG: RandomNumberGenerator, Sendable {
    @usableFromInline var generator: Xoshiro256StarStar

    /// Seeds the four state words with four successive SplitMix64 outputs of `seed`.
    @inlinable
    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    /// An independent stream for one instance, derived from `(seed, family id, index)`:
    /// `mix(seed ⊕ mix(fnv1a64(family) ⊕ mix(UInt64(bitPattern: index))))`, where `mix` is the SplitMix64
    /// finaliser, then seeded as `init(seed:)` (``SeedDerivation/labelledIndex(seed:label:index:)``).
    public init(seed: UInt64, family: String, index: Int) {
        self.init(seed: SeedDerivation.labelledIndex(seed: seed, label: family, index: index))
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func next() -> UInt64 { generator.next() }

    /// A uniform integer in `range` (unbiased modulo rejection, ``Xoshiro256StarStar/intByModuloRejection(in:)``;
    /// stable forever).
    public mutating func int(in range: ClosedRange<Int>) -> Int { generator.intByModuloRejection(in: range) }

    /// A uniform integer with exactly `n` decimal digits (`n == 1` gives `0...9`); `1 <= n <= 18`.
    public mutating func digits(_ n: Int) -> Int {
        precondition(n >= 1 && n <= 18, "digits(\(n)): n must be in 1...18")
        if n == 1 { return int(in: 0...9) }
        var low = 1
        for _ in 1..<n { low *= 10 }
        return int(in: low...(low * 10 - 1))
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double { generator.unitDouble() }

    /// A fair coin (the top bit of one draw).
    public mutating func bool() -> Bool {
        next() >> 63 == 1
    }

    /// A uniformly chosen element; `items` must not be empty.
    public mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "pick from an empty array")
        return items[int(in: 0...(items.count - 1))]
    }

    /// Fisher–Yates shuffle: for `i` from `count − 1` down to 1, swap `i` with `int(in: 0...i)`.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        var i = items.count - 1
        while i > 0 {
            let j = int(in: 0...i)
            if i != j { items.swapAt(i, j) }
            i -= 1
        }
    }
}
