/// What an encoder does with a value whose magnitude rounds beyond the largest finite code (and with ±infinity).
public enum OverflowPolicy: Sendable, Equatable, CaseIterable {
    /// Clamp to ±largest finite value (OCP "saturating" conversion; what MX and NVFP4 use). ±infinity also clamps.
    case saturate
    /// IEEE-style: overflow gives ±infinity where the format has it (fp16, bf16, fp8 e5m2), NaN where it has only
    /// NaN (fp8 e4m3, E8M0). fp6 and fp4 have neither, so they clamp to ±largest finite, as the OCP MX spec and
    /// ml-dtypes do.
    case nonSaturating
}

extension ElementFormat {
    /// The code nearest to `value`, ties to even (the code with an even mantissa field), as ml-dtypes and the OCP
    /// specs round.
    ///
    /// Rules beyond rounding:
    /// - A result past the largest finite value, and ±infinity, follow `overflow` (see ``OverflowPolicy``).
    /// - NaN gives the format's NaN (`S.1111.111` for e4m3, the quiet NaN `S.11111.10` for e5m2, the quiet NaN of
    ///   fp16/bf16, `0xFF` for E8M0). fp6 and fp4 have no NaN: NaN encodes as `+0` (ml-dtypes gives a zero of the
    ///   opposite sign); a caller that must keep NaN uses the MX/NVFP4 block encoders, which mark the block's scale.
    /// - ±0 keeps its sign; magnitudes below half the smallest subnormal round to ±0.
    /// - E8M0 has no sign and no zero: values in (0, 2^-127) give 2^-127 (code 0), zero, negatives and NaN give NaN
    ///   (`0xFF`), and the tie between 2^k and 2^(k+1) (1.5·2^k) rounds up, as ml-dtypes does (with no mantissa bit
    ///   there is no "even" neighbour).
    @inlinable
    public func encode(_ value: Float, overflow: OverflowPolicy) -> UInt16 {
        encode(value, overflow: overflow, rounding: .nearestEven)
    }

    /// Stochastic rounding: one of the two codes whose values bracket `value`, the upper one (in magnitude) with
    /// probability `(|value| − lower) / (upper − lower)`, so the expected decoded value is `value` (unbiased) as long as
    /// neither neighbour is past the largest finite value. Values that are exactly a code's value always give that
    /// code. Overflow, NaN, zero and E8M0 rules are those of ``encode(_:overflow:)``.
    ///
    /// One `UInt64` is drawn from `generator` per call (53 bits are used).
    @inlinable
    public func encodeStochastically<G: RandomNumberGenerator>(
        _ value: Float, overflow: OverflowPolicy, using generator: inout G
    ) -> UInt16 {
        let uniform = Double(generator.next() >> 11) * 0x1p-53
        return encode(value, overflow: overflow, rounding: .stochastic(uniform: uniform))
    }

    /// Shared encoder.
    @usableFromInline
    func encode(_ value: Float, overflow: OverflowPolicy, rounding: ElementRounding) -> UInt16 {
        let t = traits
        if t.specials == .exponentOnlyNaN { return encodeE8M0(value, overflow: overflow, rounding: rounding) }
        let sign: UInt16 = value.sign == .minus ? t.signMask : 0
        if value.isNaN {
            switch t.specials {
            case .infinityAndNaN: return sign | infinityCode | UInt16(1 << (t.mantissaBits - 1))
            case .nanOnly: return sign | t.magnitudeMask
            case .none, .exponentOnlyNaN: return 0
            }
        }
        if value.isInfinite { return sign | overflowCode(overflow) }
        let magnitude = Double(value.magnitude)
        if magnitude == 0 { return sign }
        let binade = max(Int(magnitude.exponent), 1 - t.bias)
        let quanta = rounding.round(Double(sign: .plus, exponent: t.mantissaBits - binade, significand: magnitude))
        // Binade b starts at code (b + bias) << m; its quanta count from 2^m (0 for subnormals), so a carry to
        // 2^(m+1) lands on the next binade's first code.
        let code = ((binade + t.bias - 1) << t.mantissaBits) + Int(quanta)
        if code > Int(t.maxFiniteMagnitude) { return sign | overflowCode(overflow) }
        return sign | UInt16(code)
    }

    /// The magnitude bits an overflowing value gets under `policy`.
    @usableFromInline
    func overflowCode(_ policy: OverflowPolicy) -> UInt16 {
        let t = traits
        guard policy == .nonSaturating else { return t.maxFiniteMagnitude }
        switch t.specials {
        case .infinityAndNaN: return infinityCode
        case .nanOnly: return t.magnitudeMask
        case .exponentOnlyNaN: return 0xFF
        case .none: return t.maxFiniteMagnitude
        }
    }

    /// The +infinity code of an IEEE-style format (exponent all ones, mantissa 0).
    @usableFromInline
    var infinityCode: UInt16 { UInt16(((1 << traits.exponentBits) - 1) << traits.mantissaBits) }

    @usableFromInline
    func encodeE8M0(_ value: Float, overflow: OverflowPolicy, rounding: ElementRounding) -> UInt16 {
        if value.isNaN || value <= 0 { return 0xFF }
        if value.isInfinite { return overflowCode(overflow) }
        let magnitude = Double(value)
        let binade = Int(magnitude.exponent)
        if binade < -127 { return 0 }
        // magnitude / 2^binade is in [1, 2): one quantum of 2^binade above 1 means the next power of two.
        let fraction = Double(sign: .plus, exponent: -binade, significand: magnitude) - 1
        let step: Int
        switch rounding {
        case .nearestEven: step = fraction >= 0.5 ? 1 : 0  // no mantissa bit to make even: ties go up (ml-dtypes)
        case .stochastic(let uniform): step = uniform < fraction ? 1 : 0
        }
        let code = binade + 127 + step
        return code > 254 ? overflowCode(overflow) : UInt16(code)
    }
}

/// How an encoder turns an exact multiple of the quantum into a whole number of quanta.
@usableFromInline
enum ElementRounding {
    /// Round to nearest, ties to even.
    case nearestEven
    /// Round up with probability equal to the fractional part; `uniform` is a draw from [0, 1).
    case stochastic(uniform: Double)

    /// `scaled` (non-negative) rounded to a whole number.
    @usableFromInline
    func round(_ scaled: Double) -> Double {
        switch self {
        case .nearestEven: return scaled.rounded(.toNearestOrEven)
        case .stochastic(let uniform):
            let lower = scaled.rounded(.down)
            return uniform < scaled - lower ? lower + 1 : lower
        }
    }
}
