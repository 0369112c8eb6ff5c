/// IEEE 754 binary16 ("fp16", ggml_half) and bfloat16 conversions on raw bit patterns.
///
/// Conversions to `Float` are exact. Conversions from `Float` round to nearest, ties to even, overflow to ±infinity
/// and flush values below half the smallest subnormal to ±0. NaNs stay NaN with their sign and the top payload bits;
/// a payload that would vanish becomes the quiet bit, so every 16-bit pattern survives a round trip unchanged.
public enum Half {
    /// The `Float` value of an fp16 bit pattern (exact).
    @inlinable
    public static func toFloat(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            // Zero or subnormal: mantissa · 2^-24, exactly representable in Float.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        }
        if exponent == 0x1F {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
    }

    /// The fp16 bit pattern nearest to `value` (round to nearest, ties to even).
    @inlinable
    public static func fromFloat(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        let exponent8 = Int((bits >> 23) & 0xFF)
        let mantissa = bits & 0x7F_FFFF
        if exponent8 == 0xFF {
            if mantissa == 0 { return sign | 0x7C00 }
            var payload = UInt16(mantissa >> 13)
            if payload == 0 { payload = 0x200 }
            return sign | 0x7C00 | payload
        }
        let e = exponent8 - 127 + 15
        if e >= 31 { return sign | 0x7C00 }
        if e >= 1 {
            var half = UInt32(e << 10) | (mantissa >> 13)
            let rest = mantissa & 0x1FFF
            if rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1) { half += 1 }  // carry may reach infinity: correct
            return sign | UInt16(half)
        }
        // Result is subnormal or zero. Value in units of 2^-24 is m · 2^(e-14).
        let shift = 14 - e
        if shift > 24 { return sign }
        let m = mantissa | 0x80_0000
        var q = m >> UInt32(shift)
        let rest = m & ((1 << UInt32(shift)) - 1)
        let halfway: UInt32 = 1 << UInt32(shift - 1)
        if rest > halfway || (rest == halfway && (q & 1) == 1) { q += 1 }
        return sign | UInt16(q)
    }

    /// The `Float` value of a bfloat16 bit pattern (exact).
    @inlinable
    public static func bf16ToFloat(_ bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// The bfloat16 bit pattern nearest to `value` (round to nearest, ties to even; NaN payload kept as for fp16).
    @inlinable
    public static func bf16FromFloat(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        if value.isNaN {
            var upper = UInt16(bits >> 16)
            if upper & 0x7F == 0 { upper |= 0x40 }
            return upper
        }
        let roundingBias: UInt32 = 0x7FFF + ((bits >> 16) & 1)
        return UInt16((bits &+ roundingBias) >> 16)
    }
}
