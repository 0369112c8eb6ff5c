extension BigUInt {
    /// Parses a string of ASCII decimal digits (leading zeros allowed, no sign, no separators).
    public init?<S: StringProtocol>(decimal text: S) {
        var value = BigUInt.zero
        var chunk: UInt32 = 0
        var chunkDigits = 0
        var any = false
        for byte in text.utf8 {
            guard byte >= 48 && byte <= 57 else { return nil }
            any = true
            chunk = chunk * 10 + UInt32(byte - 48)
            chunkDigits += 1
            if chunkDigits == 9 {
                value = value.multipliedAdding(factor: 1_000_000_000, addend: chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        guard any else { return nil }
        if chunkDigits > 0 {
            var scale: UInt32 = 1
            for _ in 0..<chunkDigits { scale *= 10 }
            value = value.multipliedAdding(factor: scale, addend: chunk)
        }
        self = value
    }

    /// Decimal digits, most significant first ("0" for zero).
    public var description: String { decimalString }

    public var decimalString: String {
        if isZero { return "0" }
        if let small = uint64 { return String(small) }
        var chunks: [UInt32] = []
        var rest = self
        while !rest.isZero {
            let (q, r) = rest.quotientAndRemainder(dividingBySmall: 1_000_000_000)
            chunks.append(r)
            rest = q
        }
        var text = String(chunks.last!)
        for chunk in chunks.dropLast().reversed() {
            let part = String(chunk)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// Number of decimal digits (1 for zero).
    public var decimalDigitCount: Int { decimalString.count }

    /// The nearest `Double` (correct to within one unit in the last place; `.infinity` beyond range).
    public var doubleValue: Double {
        if let small = uint64 { return Double(small) }
        let width = bitWidth
        let shift = width - 64
        let top = BigUInt(limbs: BigUInt.shiftedRight(Array(limbs[(shift / 32)...]), by: shift % 32))
        let significand = Double(top.uint64 ?? UInt64.max)
        return significand * pow2(shift)
    }

    private func pow2(_ n: Int) -> Double {
        if n > 1100 { return .infinity }
        return Double(sign: .plus, exponent: n, significand: 1)
    }

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
        var value = BigUInt(UInt64(leading))
        var remaining = digits - lead
        let chunkScale = BigUInt(UInt64(1_000_000_000_000_000_000))
        while remaining > 0 {
            let chunk = rng.int(in: 0...999_999_999_999_999_999)
            value = value * chunkScale + BigUInt(UInt64(chunk))
            remaining -= 18
        }
        return value
    }

    /// A uniform random number in `0..<bound` (bound > 0), by rejection on `bitWidth` random bits.
    public static func random(below bound: BigUInt, using rng: inout TaskRNG) -> BigUInt {
        precondition(!bound.isZero, "empty range")
        let bits = bound.bitWidth
        let limbCount = (bits + 31) / 32
        let topMask: UInt32 = bits % 32 == 0 ? .max : (1 << UInt32(bits % 32)) - 1
        while true {
            var limbs = [UInt32](repeating: 0, count: limbCount)
            for i in 0..<limbCount { limbs[i] = UInt32(truncatingIfNeeded: rng.next() >> 32) }
            limbs[limbCount - 1] &= topMask
            let candidate = BigUInt(limbs: limbs)
            if candidate < bound { return candidate }
        }
    }
}
