import BigInt

extension BigUInt {
    /// The integer `k`-th root if `self` is a perfect `k`-th power (`k >= 1`), else `nil`.
    public func exactRoot(_ k: Int) -> BigUInt? {
        precondition(k >= 1, "root index \(k) must be positive")
        if isZero || self == 1 || k == 1 { return self }
        let root = integerRoot(k)
        return root.power(k) == self ? root : nil
    }

    /// ⌊self^(1/k)⌋ for `k >= 1`, by Newton's method on integers started above the root (2^⌈bits/k⌉).
    public func integerRoot(_ k: Int) -> BigUInt {
        precondition(k >= 1, "root index \(k) must be positive")
        if isZero { return 0 }
        var x = BigUInt(1) << ((bitWidth + k - 1) / k)
        let kk = BigUInt(k)
        let km1 = BigUInt(k - 1)
        while true {
            let y = (km1 * x + self / x.power(k - 1)) / kk
            if y >= x { return x }
            x = y
        }
    }
}
