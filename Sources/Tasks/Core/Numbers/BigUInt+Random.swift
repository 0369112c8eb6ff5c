import BigInt

extension BigUInt {
    /// A uniform random number with exactly `digits` decimal digits (`digits == 1` → `0...9`), drawn in
    /// chunks of at most 18 digits from `rng`: the leading chunk of `k` digits via `rng.digits(k)` when it is the
    /// only chunk, else `rng.int(in: 10^(k−1)...10^k−1)`; then `rng.int(in: 0...10^18−1)` per further chunk.
    public static func random(digits: Int, using rng: inout TaskRNG) -> BigUInt {
        precondition(digits >= 1, "digits must be positive")
        let lead = (digits - 1) % 18 + 1
        let leading: Int
        if digits == lead {
            leading = rng.digits(lead)
        } else {
            var low = 1
            for _ in 1..<lead { low *= 10 }
            leading = rng.int(in: low...(low * 10 - 1))
        }
        var value = BigUInt(leading)
        var remaining = digits - lead
        let chunkScale = BigUInt(1_000_000_000_000_000_000 as UInt64)
        while remaining > 0 {
            let chunk = rng.int(in: 0...999_999_999_999_999_999)
            value = value * chunkScale + BigUInt(chunk)
            remaining -= 18
        }
        return value
    }

    /// A uniform random number in `0..<bound` (bound > 0), by rejection on `bitWidth` random bits: each
    /// candidate takes ⌈bits/32⌉ draws, the top 32 bits of each forming one little-endian 32-bit digit, with the
    /// most significant digit masked to the bound's width.
    public static func random(below bound: BigUInt, using rng: inout TaskRNG) -> BigUInt {
        precondition(!bound.isZero, "empty range")
        let bits = bound.bitWidth
        let digitCount = (bits + 31) / 32
        let topMask: UInt64 = bits % 32 == 0 ? 0xFFFF_FFFF : (1 << UInt64(bits % 32)) - 1
        while true {
            var words = [UInt](repeating: 0, count: (digitCount + 1) / 2)
            for i in 0..<digitCount {
                var digit = rng.next() >> 32
                if i == digitCount - 1 { digit &= topMask }
                words[i / 2] |= UInt(digit << (32 * UInt64(i % 2)))
            }
            let candidate = BigUInt(words: words)
            if candidate < bound { return candidate }
        }
    }
}
