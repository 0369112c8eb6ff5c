extension ElementFormat {
    /// The exact `Float` value of `code` (every value of every format here is a `Float`).
    ///
    /// NaN codes decode to a quiet NaN with the code's sign; ±0 keeps its sign.
    /// - Precondition: `code < traits.codeCount`.
    @inlinable
    public func decode(_ code: UInt16) -> Float {
        let t = traits
        precondition(Int(code) < t.codeCount, "\(t.name) codes are below \(t.codeCount), got \(code)")
        if t.specials == .exponentOnlyNaN {
            if code == 0xFF { return .nan }
            return Float(sign: .plus, exponent: Int(code) - t.bias, significand: 1)
        }
        let sign: FloatingPointSign = code & t.signMask != 0 ? .minus : .plus
        let magnitude = code & t.magnitudeMask
        let exponentField = Int(magnitude >> UInt16(t.mantissaBits))
        let mantissa = Int(magnitude) & ((1 << t.mantissaBits) - 1)
        let allOnesExponent = (1 << t.exponentBits) - 1
        switch t.specials {
        case .infinityAndNaN where exponentField == allOnesExponent:
            if mantissa == 0 { return sign == .minus ? -.infinity : .infinity }
            return sign == .minus ? -Float.nan : .nan
        case .nanOnly where magnitude == t.magnitudeMask:
            return sign == .minus ? -Float.nan : .nan
        default:
            break
        }
        // value = integer significand · 2^(quantum exponent); subnormals share the quantum of the first binade.
        let significand = exponentField == 0 ? mantissa : mantissa | (1 << t.mantissaBits)
        let quantumExponent = max(exponentField, 1) - t.bias - t.mantissaBits
        return Float(sign: sign, exponent: quantumExponent, significand: Float(significand))
    }

    /// Every code's value in code order (`traits.codeCount` entries); a decode table.
    public var decodedValues: [Float] { (0..<traits.codeCount).map { decode(UInt16($0)) } }
}
