extension BigUInt {
    /// Quotient and remainder by a single nonzero limb.
    public func quotientAndRemainder(dividingBySmall divisor: UInt32) -> (quotient: BigUInt, remainder: UInt32) {
        precondition(divisor != 0, "division by zero")
        var quotient = [UInt32](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        var i = limbs.count - 1
        while i >= 0 {
            let current = remainder << 32 | UInt64(limbs[i])
            quotient[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
            i -= 1
        }
        return (BigUInt(limbs: quotient), UInt32(remainder))
    }

    /// Quotient and remainder (Knuth, TAOCP vol. 2, §4.3.1, Algorithm D). Precondition: `divisor` nonzero.
    public func quotientAndRemainder(dividingBy divisor: BigUInt) -> (quotient: BigUInt, remainder: BigUInt) {
        precondition(!divisor.isZero, "division by zero")
        if self < divisor { return (.zero, self) }
        if divisor.limbs.count == 1 {
            let (q, r) = quotientAndRemainder(dividingBySmall: divisor.limbs[0])
            return (q, BigUInt(UInt64(r)))
        }
        let shift = divisor.limbs.last!.leadingZeroBitCount
        let vn = BigUInt.shiftedLeft(divisor.limbs, by: shift, extraLimb: false)
        var un = BigUInt.shiftedLeft(limbs, by: shift, extraLimb: true)
        let n = vn.count
        let m = limbs.count - n
        var quotient = [UInt32](repeating: 0, count: m + 1)
        let base: UInt64 = 1 << 32
        let vTop = UInt64(vn[n - 1])
        let vNext = UInt64(vn[n - 2])
        var j = m
        while j >= 0 {
            let numerator = UInt64(un[j + n]) << 32 | UInt64(un[j + n - 1])
            var qhat = numerator / vTop
            var rhat = numerator % vTop
            while qhat >= base || qhat * vNext > (rhat << 32 | UInt64(un[j + n - 2])) {
                qhat -= 1
                rhat += vTop
                if rhat >= base { break }
            }
            // Multiply and subtract qhat · vn from un[j ... j+n].
            var borrow: Int64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let product = qhat * UInt64(vn[i]) + carry
                carry = product >> 32
                let t = Int64(un[i + j]) - borrow - Int64(product & 0xFFFF_FFFF)
                un[i + j] = UInt32(truncatingIfNeeded: t)
                borrow = t < 0 ? 1 : 0
            }
            let t = Int64(un[j + n]) - borrow - Int64(carry)
            un[j + n] = UInt32(truncatingIfNeeded: t)
            if t < 0 {
                // qhat was one too large: add the divisor back.
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let s = UInt64(un[i + j]) + UInt64(vn[i]) + c
                    un[i + j] = UInt32(truncatingIfNeeded: s)
                    c = s >> 32
                }
                un[j + n] = un[j + n] &+ UInt32(truncatingIfNeeded: c)
            }
            quotient[j] = UInt32(truncatingIfNeeded: qhat)
            j -= 1
        }
        let remainder = BigUInt.shiftedRight(Array(un[0..<n]), by: shift)
        return (BigUInt(limbs: quotient), BigUInt(limbs: remainder))
    }

    public static func / (a: BigUInt, b: BigUInt) -> BigUInt { a.quotientAndRemainder(dividingBy: b).quotient }
    public static func % (a: BigUInt, b: BigUInt) -> BigUInt { a.quotientAndRemainder(dividingBy: b).remainder }

    /// `self^exponent mod modulus` by left-to-right square-and-multiply; `modulus` nonzero (mod 1 gives 0).
    public func power(_ exponent: BigUInt, modulo modulus: BigUInt) -> BigUInt {
        precondition(!modulus.isZero, "modulus zero")
        if modulus == .one { return .zero }
        var result = BigUInt.one
        let base = self % modulus
        let bits = exponent.bitWidth
        var bit = bits - 1
        while bit >= 0 {
            result = (result * result) % modulus
            if exponent.bit(bit) { result = (result * base) % modulus }
            bit -= 1
        }
        return result
    }

    /// Bit `index` (0 = least significant).
    public func bit(_ index: Int) -> Bool {
        let limb = index / 32
        guard limb < limbs.count else { return false }
        return (limbs[limb] >> UInt32(index % 32)) & 1 == 1
    }

    /// Greatest common divisor (Euclid).
    public static func gcd(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        var x = a, y = b
        while !y.isZero {
            (x, y) = (y, x % y)
        }
        return x
    }

    static func shiftedLeft(_ limbs: [UInt32], by shift: Int, extraLimb: Bool) -> [UInt32] {
        var result = [UInt32](repeating: 0, count: limbs.count + (extraLimb ? 1 : 0))
        if shift == 0 {
            for i in 0..<limbs.count { result[i] = limbs[i] }
            return result
        }
        var carry: UInt32 = 0
        for i in 0..<limbs.count {
            result[i] = limbs[i] << UInt32(shift) | carry
            carry = limbs[i] >> UInt32(32 - shift)
        }
        if extraLimb { result[limbs.count] = carry }
        return result
    }

    static func shiftedRight(_ limbs: [UInt32], by shift: Int) -> [UInt32] {
        if shift == 0 { return limbs }
        var result = [UInt32](repeating: 0, count: limbs.count)
        for i in 0..<limbs.count {
            let high: UInt32 = i + 1 < limbs.count ? limbs[i + 1] << UInt32(32 - shift) : 0
            result[i] = limbs[i] >> UInt32(shift) | high
        }
        return result
    }
}
