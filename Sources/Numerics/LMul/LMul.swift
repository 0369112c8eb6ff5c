/// L-Mul, multiplication by integer addition (Luo & Sun, "Addition is All You Need for Energy-efficient Language
/// Models", 2024), bit-level as `shared/research/numerics.md` §1.1 defines it.
///
/// For operands with `m` fraction bits, `L-Mul(x, y)` adds the two `(exponent | mantissa)` fields as unsigned integers,
/// subtracts the exponent bias shifted by `m`, adds the offset `2^-l(m)` (one constant `K`), and XORs the signs. In
/// value terms the mantissa product `fx·fy` is replaced by `2^-l(m)`; when `fx + fy + 2^-l(m) ≥ 1` the carry
/// moves into the exponent (the bit-level form, not the paper's literal formula).
///
/// Rules this implementation pins down (the paper leaves them open):
/// - **Rounding to m bits**: on fp32 operands, `mantissaBits` below 23 first rounds each operand to that many
///   fraction bits, nearest-even, on its bit pattern (the exponent range stays fp32's). The largest finite values
///   may carry to the exponent field 255, which the integer add then reads as 2^128, so the product stays finite
///   when the other factor is small enough.
/// - **NaN and infinity** operands give the IEEE product of the (unrounded) operands (NaN, or ±infinity, or NaN for
///   infinity × 0).
/// - **Zeros**: an operand that is ±0 (after rounding) gives a zero with the XOR of the signs.
/// - **Subnormal operands** are not special: their raw fields enter the integer add like any other pattern, as the
///   single-adder hardware the paper describes would do.
/// - **Underflow**: a result whose exponent field would be 0 or negative flushes to a signed zero (no subnormal
///   results).
/// - **Overflow**: a result whose exponent field would reach all-ones gives ±infinity for fp32; fp8 e4m3 (which
///   has no infinity) saturates to ±448 (`0x7E`) whenever the result's magnitude field passes `0x7E`.
public enum LMul {
    /// The offset exponent `l(m)` for `m` fraction bits: `m` for m ≤ 3, 3 for m = 4, 4 for m ≥ 5 (the offset is
    /// `2^-l(m)`).
    @inlinable
    public static func offsetExponent(mantissaBits m: Int) -> Int {
        precondition(m >= 1, "L-Mul needs at least one mantissa bit, got \(m)")
        return m <= 3 ? m : (m == 4 ? 3 : 4)
    }

    /// The valid fp32 mantissa sizes.
    public static let fp32MantissaBits: ClosedRange<Int> = 1...23

    /// The integer `K` subtracted from the sum of the two fp32 magnitude fields: the bias `127 << 23` minus the
    /// offset `2^-l(m)` in fp32 mantissa units (`0x3F780000` for m = 23).
    @inlinable
    public static func fp32Constant(mantissaBits m: Int) -> UInt32 {
        let shift = UInt32(23 - m)
        let offsetUlps = UInt32((1 << m) >> offsetExponent(mantissaBits: m))
        return 0x3F80_0000 - (offsetUlps << shift)
    }

    /// `x` rounded to `m` fraction bits, nearest-even, on its fp32 bit pattern (NaN and infinity unchanged). The
    /// largest finite magnitudes can round up to the infinity pattern.
    @inlinable
    public static func roundToMantissaBits(_ x: Float, _ m: Int) -> Float {
        precondition(fp32MantissaBits.contains(m), "fp32 L-Mul takes 1...23 mantissa bits, got \(m)")
        if !x.isFinite || m == 23 { return x }
        let shift = UInt32(23 - m)
        let bits = x.bitPattern
        let lsb = (bits >> shift) & 1
        let bias = (UInt32(1) << (shift - 1)) - 1
        let rounded = (bits &+ bias &+ lsb) & ~((UInt32(1) << shift) - 1)
        return Float(bitPattern: rounded)
    }

    /// L-Mul of two fp32 values with `mantissaBits` (1...23) fraction bits (see the type's rules). For m = 23 this
    /// is the 32-bit integer program `r = X + Y − 0x3F780000` on the magnitude fields.
    @inlinable
    public static func multiply(_ a: Float, _ b: Float, mantissaBits m: Int = 23) -> Float {
        precondition(fp32MantissaBits.contains(m), "fp32 L-Mul takes 1...23 mantissa bits, got \(m)")
        if !a.isFinite || !b.isFinite { return a * b }
        let sign = (a.bitPattern ^ b.bitPattern) & 0x8000_0000
        let x = roundToMantissaBits(a, m).bitPattern & 0x7FFF_FFFF
        let y = roundToMantissaBits(b, m).bitPattern & 0x7FFF_FFFF
        let k = fp32Constant(mantissaBits: m)
        let sum = x + y  // at most 2 · 0x7F800000: no overflow
        if x == 0 || y == 0 || sum < k + 0x0080_0000 { return Float(bitPattern: sign) }
        if sum >= k + 0x7F80_0000 { return Float(bitPattern: sign | 0x7F80_0000) }
        return Float(bitPattern: sign | (sum - k))
    }

    /// L-Mul of two fp8 e4m3 ("e4m3fn") codes as the 8-bit integer program `r = (a & 0x7F) + (b & 0x7F) − 0x37`
    /// (m = 3, l = 3, bias 7): NaN (`0x7F`/`0xFF`) in either gives NaN carrying the XOR of the signs, a zero operand
    /// a signed zero, `r < 8` (exponent field 0) flushes to a signed zero, `r > 0x7E` saturates to ±448.
    /// Subnormal operand codes enter the add as they are.
    @inlinable
    public static func multiplyE4M3(_ a: UInt8, _ b: UInt8) -> UInt8 {
        let sign = (a ^ b) & 0x80
        let x = Int(a & 0x7F), y = Int(b & 0x7F)
        if x == 0x7F || y == 0x7F { return sign | 0x7F }
        if x == 0 || y == 0 { return sign }
        let r = x + y - 0x37
        if r < 0x08 { return sign }
        if r > 0x7E { return sign | 0x7E }
        return sign | UInt8(r)
    }
}
