/// A small arbitrary-precision signed integer for exact answers that overflow `Int`
/// (products of long lists, fast-growing sequences). Magnitude in base 10⁹ limbs, least significant first;
/// zero is `limbs == []` with `negative == false`. Only what the algorithmic families need: + − ×, comparison, decimal text.
struct AlgoBigInt: Sendable, Hashable, Comparable, CustomStringConvertible {
    private static let base: UInt64 = 1_000_000_000
    private(set) var negative: Bool
    private(set) var limbs: [UInt32]

    init(_ value: Int) {
        negative = value < 0
        var m = value.magnitude
        limbs = []
        while m > 0 {
            limbs.append(UInt32(m % UInt(Self.base)))
            m /= UInt(Self.base)
        }
    }

    private init(negative: Bool, limbs: [UInt32]) {
        var l = limbs
        while let last = l.last, last == 0 { l.removeLast() }
        self.limbs = l
        self.negative = l.isEmpty ? false : negative
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value as `Int` when it fits.
    var intValue: Int? {
        guard limbs.count <= 3 else { return nil }
        var v: Int = 0
        for limb in limbs.reversed() {
            let (m, o1) = v.multipliedReportingOverflow(by: Int(Self.base))
            let (s, o2) = m.addingReportingOverflow(Int(limb))
            if o1 || o2 { return nil }
            v = s
        }
        return negative ? -v : v
    }

    /// Number of decimal digits of the magnitude (1 for zero).
    var digitCount: Int { description.count - (negative ? 1 : 0) }

    var description: String {
        guard let top = limbs.last else { return "0" }
        var text = negative ? "-" : ""
        text += String(top)
        for limb in limbs.dropLast().reversed() {
            let s = String(limb)
            text += String(repeating: "0", count: 9 - s.count) + s
        }
        return text
    }

    private static func compareMagnitude(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    private static func addMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            out.append(UInt32(s % base))
            carry = s / base
        }
        if carry > 0 { out.append(UInt32(carry)) }
        return out
    }

    /// a − b for |a| ≥ |b|.
    private static func subtractMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            if d < 0 { d += Int64(base); borrow = 1 } else { borrow = 0 }
            out.append(UInt32(d))
        }
        return out
    }

    static func + (a: AlgoBigInt, b: AlgoBigInt) -> AlgoBigInt {
        if a.negative == b.negative { return AlgoBigInt(negative: a.negative, limbs: addMagnitude(a.limbs, b.limbs)) }
        if compareMagnitude(a.limbs, b.limbs) >= 0 {
            return AlgoBigInt(negative: a.negative, limbs: subtractMagnitude(a.limbs, b.limbs))
        }
        return AlgoBigInt(negative: b.negative, limbs: subtractMagnitude(b.limbs, a.limbs))
    }

    static prefix func - (a: AlgoBigInt) -> AlgoBigInt { AlgoBigInt(negative: !a.negative, limbs: a.limbs) }
    static func - (a: AlgoBigInt, b: AlgoBigInt) -> AlgoBigInt { a + (-b) }

    static func * (a: AlgoBigInt, b: AlgoBigInt) -> AlgoBigInt {
        if a.isZero || b.isZero { return AlgoBigInt(0) }
        var acc = [UInt64](repeating: 0, count: a.limbs.count + b.limbs.count + 1)
        for i in 0..<a.limbs.count {
            var carry: UInt64 = 0
            let x = UInt64(a.limbs[i])
            for j in 0..<b.limbs.count {
                let t = acc[i + j] + x * UInt64(b.limbs[j]) + carry
                acc[i + j] = t % base
                carry = t / base
            }
            var k = i + b.limbs.count
            while carry > 0 {
                let t = acc[k] + carry
                acc[k] = t % base
                carry = t / base
                k += 1
            }
        }
        return AlgoBigInt(negative: a.negative != b.negative, limbs: acc.map { UInt32($0) })
    }

    static func += (a: inout AlgoBigInt, b: AlgoBigInt) { a = a + b }
    static func *= (a: inout AlgoBigInt, b: AlgoBigInt) { a = a * b }

    static func < (a: AlgoBigInt, b: AlgoBigInt) -> Bool {
        if a.negative != b.negative { return a.negative }
        let c = compareMagnitude(a.limbs, b.limbs)
        return a.negative ? c > 0 : c < 0
    }

    /// `self^exponent` for `exponent ≥ 0`.
    func power(_ exponent: Int) -> AlgoBigInt {
        var result = AlgoBigInt(1), b = self, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * b }
            e >>= 1
            if e > 0 { b = b * b }
        }
        return result
    }

    /// Floor quotient and remainder of a non-negative value by a positive `divisor` below 10⁹.
    func quotientAndRemainder(dividingBy divisor: Int) -> (quotient: AlgoBigInt, remainder: Int) {
        precondition(!negative && divisor > 0 && divisor < Int(Self.base))
        var out = [UInt32](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        for i in stride(from: limbs.count - 1, through: 0, by: -1) {
            let current = remainder * Self.base + UInt64(limbs[i])
            out[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        return (AlgoBigInt(negative: false, limbs: out), Int(remainder))
    }
}
