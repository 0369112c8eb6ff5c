/// A small arbitrary-precision unsigned integer on little-endian 32-bit limbs.
///
/// Invariant: `limbs` has no trailing (most-significant) zero limbs; zero is the empty array. Written for
/// problem generation and exact answer checking (tens to hundreds of digits), not for cryptography.
public struct BigUInt: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// Little-endian base-2^32 digits, normalised (no most-significant zeros).
    public private(set) var limbs: [UInt32]

    public static let zero = BigUInt(limbs: [])
    public static let one = BigUInt(1)

    /// Wraps limbs (little-endian), normalising away most-significant zeros.
    public init(limbs: [UInt32]) {
        self.limbs = limbs
        normalize()
    }

    public init(_ value: UInt64) {
        if value == 0 {
            limbs = []
        } else if value >> 32 == 0 {
            limbs = [UInt32(value)]
        } else {
            limbs = [UInt32(truncatingIfNeeded: value), UInt32(value >> 32)]
        }
    }

    /// `value` must be non-negative.
    public init(_ value: Int) {
        precondition(value >= 0, "BigUInt from negative \(value)")
        self.init(UInt64(value))
    }

    public init(integerLiteral value: UInt64) {
        self.init(value)
    }

    public var isZero: Bool { limbs.isEmpty }

    /// The value as `UInt64` if it fits.
    public var uint64: UInt64? {
        switch limbs.count {
        case 0: return 0
        case 1: return UInt64(limbs[0])
        case 2: return UInt64(limbs[0]) | UInt64(limbs[1]) << 32
        default: return nil
        }
    }

    /// Number of significant bits (0 for zero).
    public var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 32 - top.leadingZeroBitCount
    }

    public var isEven: Bool { limbs.isEmpty || limbs[0] & 1 == 0 }

    mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    // MARK: Comparison

    public static func < (a: BigUInt, b: BigUInt) -> Bool {
        compare(a.limbs, b.limbs) < 0
    }

    /// Three-way comparison of normalised limb arrays.
    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    // MARK: Addition and subtraction

    public static func + (a: BigUInt, b: BigUInt) -> BigUInt {
        let (long, short) = a.limbs.count >= b.limbs.count ? (a.limbs, b.limbs) : (b.limbs, a.limbs)
        var result = [UInt32]()
        result.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let sum = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return BigUInt(limbs: result)
    }

    /// `a − b`; precondition `a >= b`.
    public static func - (a: BigUInt, b: BigUInt) -> BigUInt {
        precondition(a >= b, "BigUInt subtraction underflow")
        var result = a.limbs
        var borrow: Int64 = 0
        for i in 0..<result.count {
            var t = Int64(result[i]) - borrow - (i < b.limbs.count ? Int64(b.limbs[i]) : 0)
            if t < 0 {
                t += 1 << 32
                borrow = 1
            } else {
                borrow = 0
            }
            result[i] = UInt32(t)
            if borrow == 0 && i >= b.limbs.count { break }
        }
        return BigUInt(limbs: result)
    }

    public static func += (a: inout BigUInt, b: BigUInt) { a = a + b }
    public static func -= (a: inout BigUInt, b: BigUInt) { a = a - b }

    // MARK: Multiplication

    public static func * (a: BigUInt, b: BigUInt) -> BigUInt {
        if a.isZero || b.isZero { return .zero }
        if b.limbs.count == 1 { return a.multiplied(bySmall: b.limbs[0]) }
        if a.limbs.count == 1 { return b.multiplied(bySmall: a.limbs[0]) }
        var result = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for i in 0..<a.limbs.count {
            let ai = UInt64(a.limbs[i])
            if ai == 0 { continue }
            var carry: UInt64 = 0
            for j in 0..<b.limbs.count {
                let t = ai * UInt64(b.limbs[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            result[i + b.limbs.count] = UInt32(carry)
        }
        return BigUInt(limbs: result)
    }

    public static func *= (a: inout BigUInt, b: BigUInt) { a = a * b }

    /// `self · factor` for a single limb.
    public func multiplied(bySmall factor: UInt32) -> BigUInt {
        if factor == 0 || isZero { return .zero }
        var result = [UInt32]()
        result.reserveCapacity(limbs.count + 1)
        var carry: UInt64 = 0
        for limb in limbs {
            let t = UInt64(limb) * UInt64(factor) + carry
            result.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return BigUInt(limbs: result)
    }

    /// `self · factor + addend` for single limbs (used by decimal parsing).
    func multipliedAdding(factor: UInt32, addend: UInt32) -> BigUInt {
        var result = [UInt32]()
        result.reserveCapacity(limbs.count + 1)
        var carry = UInt64(addend)
        for limb in limbs {
            let t = UInt64(limb) * UInt64(factor) + carry
            result.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return BigUInt(limbs: result)
    }

    /// `self^exponent`.
    public func power(_ exponent: Int) -> BigUInt {
        precondition(exponent >= 0, "negative exponent")
        var result = BigUInt.one
        var base = self
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }

    /// `10^exponent`.
    public static func powerOfTen(_ exponent: Int) -> BigUInt {
        BigUInt(10).power(exponent)
    }
}
