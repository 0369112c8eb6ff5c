extension BlockFormat {
    /// Encodes `values` block by block, elements rounded to nearest even with saturation.
    ///
    /// MX (OCP MX v1.0 §6.3): with `amax` the largest magnitude of the block, the shared exponent is
    /// `clamp(floor(log2 amax) − elementMaxExponent, −127, 127)`, stored as the E8M0 code `shared + 127`; element `i`
    /// is `encode(v_i / 2^shared, .saturate)`, so `amax / 2^shared ∈ [2^emax, 2^(emax+1))` and values beyond the
    /// element's largest finite value clamp to it. An all-zero block gets scale code 0 (2^-127) and zero elements.
    ///
    /// NVFP4 (numerics.md §3.3; arithmetic in fp32, in this order): with `A` the largest finite magnitude of the whole
    /// tensor, `tensorScale = A / 2688` and `sEnc = 2688 / A` (2688 = 448 · 6); block scale code
    /// `e4m3(amax_b / 6 · sEnc, .saturate)`, `s_b` its value; element `i` is `e2m1((v_i · sEnc) / s_b, .saturate)`
    /// (0 when `s_b` is 0). A tensor with `A == 0`, or `A` so small that `sEnc` overflows fp32 (below about 7.9e-36),
    /// encodes as zeros with `tensorScale = 1`.
    ///
    /// Non-finite inputs: a block holding NaN or ±infinity gets the scale's NaN code (E8M0 `0xFF`, E4M3 `0x7F`) and
    /// zero elements, so every value of that block decodes to NaN (as OCP MX prescribes for a NaN scale).
    public func encode(_ values: [Float]) -> ScaledBlocks {
        encodeBlocks(values) { value, element in element.encode(value, overflow: .saturate) }
    }

    /// As ``encode(_:)``, but each element is rounded stochastically (``ElementFormat/encodeStochastically(_:overflow:using:)``);
    /// scales are chosen exactly as in ``encode(_:)``. One `UInt64` is drawn per element of each finite block with a
    /// nonzero scale.
    public func encodeStochastically<G: RandomNumberGenerator>(_ values: [Float], using generator: inout G) -> ScaledBlocks {
        encodeBlocks(values) { value, element in
            element.encodeStochastically(value, overflow: .saturate, using: &generator)
        }
    }

    /// The decoded values (exactly `blocks.count` of them): `element · scale · tensorScale` in fp32, NaN throughout a
    /// block whose scale is NaN.
    /// - Precondition: `blocks.format == self`.
    public func decode(_ blocks: ScaledBlocks) -> [Float] {
        precondition(blocks.format == self, "blocks are \(blocks.format), not \(self)")
        let t = traits
        var out = [Float]()
        out.reserveCapacity(blocks.count)
        for i in 0..<blocks.count {
            let scale = t.scale.decode(UInt16(blocks.scaleCodes[i / t.blockSize]))
            let element = t.element.decode(UInt16(blocks.elementCodes[i]))
            out.append(t.hasTensorScale ? element * scale * blocks.tensorScale : element * scale)
        }
        return out
    }

    private func encodeBlocks(_ values: [Float], element encodeElement: (Float, ElementFormat) -> UInt16) -> ScaledBlocks {
        let t = traits
        let blockCount = (values.count + t.blockSize - 1) / t.blockSize
        var scaleCodes = [UInt8](repeating: 0, count: blockCount)
        var elementCodes = [UInt8](repeating: 0, count: blockCount * t.blockSize)
        var tensorScale: Float = 1
        var sEnc: Float = 0
        if t.hasTensorScale {
            let amax = values.reduce(Float(0)) { $1.isFinite ? max($0, $1.magnitude) : $0 }
            if amax > 0, (2688 / amax).isFinite {
                tensorScale = amax / 2688
                sEnc = 2688 / amax
            }
        }
        for b in 0..<blockCount {
            let block = values[(b * t.blockSize)..<min(values.count, (b + 1) * t.blockSize)]
            if block.contains(where: { !$0.isFinite }) {
                scaleCodes[b] = UInt8(t.scale.encode(.nan, overflow: .nonSaturating))
                continue
            }
            let amax = block.reduce(Float(0)) { max($0, $1.magnitude) }
            let multiplier: Float  // element value = v · multiplier
            if t.hasTensorScale {
                let scaleCode = t.scale.encode(amax / 6 * sEnc, overflow: .saturate)
                scaleCodes[b] = UInt8(scaleCode)
                let blockScale = t.scale.decode(scaleCode)
                guard blockScale > 0 else { continue }
                for (offset, v) in block.enumerated() {
                    elementCodes[b * t.blockSize + offset] = UInt8(encodeElement(v * sEnc / blockScale, t.element))
                }
                continue
            }
            let shared = amax == 0 ? -127 : min(127, max(-127, Int(amax.exponent) - t.elementMaxExponent))
            scaleCodes[b] = UInt8(shared + 127)
            multiplier = Float(sign: .plus, exponent: -shared, significand: 1)
            for (offset, v) in block.enumerated() {
                elementCodes[b * t.blockSize + offset] = UInt8(encodeElement(v * multiplier, t.element))
            }
        }
        return ScaledBlocks(format: self, count: values.count, scaleCodes: scaleCodes, elementCodes: elementCodes,
                            tensorScale: tensorScale)
    }
}
