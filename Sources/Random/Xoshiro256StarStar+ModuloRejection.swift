extension Xoshiro256StarStar {
    /// A uniform integer in `range` by modulo rejection: draw `r = next()`, reject while
    /// `r < (2^64 − width) mod width`, return `lower + r mod width` (unbiased; one or more draws; the full 64-bit
    /// range takes one draw). This is the frozen bounded draw of task generation and of the answer checker's random
    /// sample points: changing it changes their goldens.
    public mutating func intByModuloRejection(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if width == 0 { return Int(bitPattern: UInt(next())) }
        let threshold = (0 &- width) % width
        while true {
            let r = next()
            if r >= threshold { return range.lowerBound &+ Int(bitPattern: UInt(r % width)) }
        }
    }
}
