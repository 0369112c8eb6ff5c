/// The per-block scale rules of ggml's reference Q8_0, Q4_0 and Q4_1 quantisers, shared by nearest rounding
/// (``Quantizer``) and stochastic rounding (``StochasticBlockQuantizer``) so that both pick the same scales.
enum BlockScale {
    /// Q8_0: `d = amax / 127`, amax the largest magnitude in the block.
    static func q8_0(_ x: ArraySlice<Float>) -> Float {
        var amax: Float = 0
        for v in x { amax = max(amax, abs(v)) }
        return amax / 127
    }

    /// Q4_0: `d = m / −8`, m the first value of largest magnitude (its sign kept, so it maps to code 0).
    static func q4_0(_ x: ArraySlice<Float>) -> Float {
        var amax: Float = 0
        var maxValue: Float = 0
        for v in x where abs(v) > amax {
            amax = abs(v)
            maxValue = v
        }
        return maxValue / -8
    }

    /// Q4_1: `d = (max − min) / 15` and the block minimum (the offset of code 0).
    static func q4_1(_ x: ArraySlice<Float>) -> (d: Float, lowest: Float) {
        var lowest = Float.greatestFiniteMagnitude
        var highest = -Float.greatestFiniteMagnitude
        for v in x {
            lowest = min(lowest, v)
            highest = max(highest, v)
        }
        return ((highest - lowest) / 15, lowest)
    }

    /// `1 / d`, or 0 for an all-zero block (every code then decodes to the block's offset).
    static func inverse(_ d: Float) -> Float { d != 0 ? 1 / d : 0 }
}
