extension NumberFormat {
    /// `values` (a tensor of rows of `rowLength` values, row-major) encoded in this format and decoded back to fp32:
    /// exactly the values the format represents (see the cases of ``NumberFormat`` for scales and rounding).
    ///
    /// - Throws: ``NumericsError/shapeMismatch(count:groupLength:what:)`` when `values` is not whole rows, or a row is
    ///   not whole blocks or groups (``rowMultiple``).
    public func rounded(_ values: [Float], rowLength: Int) throws(NumericsError) -> [Float] {
        guard rowLength > 0, values.count % rowLength == 0 else {
            throw .shapeMismatch(count: values.count, groupLength: rowLength, what: "rows")
        }
        guard rowLength % rowMultiple == 0 else {
            throw .shapeMismatch(count: rowLength, groupLength: rowMultiple, what: "\(name) blocks")
        }
        switch self {
        case .float32:
            return values
        case .element(let format):
            let rounder = ElementRounder(format)
            return values.map { rounder.round($0) }
        case .block(let format):
            // Blocks never straddle rows because rowLength is a multiple of the block size; NVFP4's tensor scale
            // covers all of `values`.
            return BlockRounder(format).rounded(values)
        case .integer(let bits, let size):
            return Self.symmetricIntegers(values, bits: bits, groupLength: size ?? rowLength)
        case .ternary:
            let gamma = max(Self.meanMagnitude(values[...]), 1e-5)
            return values.map { x in
                let code = min(1, max(-1, (x / gamma).rounded(.toNearestOrEven)))
                return code == 0 ? 0 : code * gamma  // codes are integers: no −0
            }
        case .binary:
            var out = [Float]()
            out.reserveCapacity(values.count)
            for start in stride(from: 0, to: values.count, by: rowLength) {
                let row = values[start..<(start + rowLength)]
                let alpha = Self.meanMagnitude(row)
                for x in row { out.append(x < 0 ? -alpha : alpha) }
            }
            return out
        case .ggml(let type):
            let bytes = Quantizer.quantize(type, values)
            var out = [Float](repeating: 0, count: values.count)
            bytes.withUnsafeBytes { raw in
                out.withUnsafeMutableBufferPointer { dst in
                    guard let source = raw.baseAddress, let target = dst.baseAddress else { return }
                    Kernels.dequantize(type, source, into: target, count: values.count)
                }
            }
            return out
        }
    }

    /// Rounds `count` values at `values` in place, as ``rounded(_:rowLength:)`` with `rowLength` (the caller checked
    /// the shape: `count` is whole rows of whole blocks).
    public func round(_ values: UnsafeMutablePointer<Float>, count: Int, rowLength: Int) {
        switch self {
        case .float32:
            return
        case .element(let format):
            let rounder = ElementRounder(format)
            for i in 0..<count { values[i] = rounder.round(values[i]) }
        default:
            let input = Array(UnsafeBufferPointer(start: values, count: count))
            do {
                let output = try rounded(input, rowLength: rowLength)
                for i in 0..<count { values[i] = output[i] }
            } catch {
                preconditionFailure("\(name): \(error)")
            }
        }
    }

    /// ``IntegerQuantization`` (symmetric, restricted range) quantised and dequantised in one pass over groups of
    /// `groupLength`: `S = amax / (2^(b−1)−1)` over the finite values (1 when that is 0 or not finite),
    /// `q = clamp(round(x / S))` (NaN → 0), value `S · q` (+0 for q = 0).
    static func symmetricIntegers(_ values: [Float], bits: Int, groupLength: Int) -> [Float] {
        let top = Float((1 << (bits - 1)) - 1)
        var out = [Float](repeating: 0, count: values.count)
        for start in stride(from: 0, to: values.count, by: groupLength) {
            let group = values[start..<(start + groupLength)]
            var amax: Float = 0
            for x in group where x.isFinite { amax = max(amax, x.magnitude) }
            var scale = amax / top
            if !(scale > 0) || !scale.isFinite { scale = 1 }
            for (i, x) in zip(start..., group) where !x.isNaN {
                let q = min(top, max(-top, (x / scale).rounded(.toNearestOrEven)))
                out[i] = q == 0 ? 0 : scale * q
            }
        }
        return out
    }

    /// mean |x| with the sum in fp64, rounded once to fp32 (NaN ignored, as if it were 0).
    static func meanMagnitude(_ values: ArraySlice<Float>) -> Float {
        guard !values.isEmpty else { return 0 }
        var total = 0.0
        for x in values where !x.isNaN { total += Double(x.magnitude) }
        return Float(total / Double(values.count))
    }
}

/// Rounds fp32 values to one element format (nearest even, saturating) and back, fast enough for every weight of a
/// model, by arithmetic on the value: clamp |x| to the largest finite value (saturation), take the binade
/// `e = max(floor(log2 |x|), 1 − bias)` (subnormals share the first one), and round |x| to a multiple of the quantum
/// `2^(e − m)`, ties to even (an even multiple is an even mantissa). Dividing and multiplying by a power of two are
/// exact, so this agrees with `format.decode(format.encode(x, overflow: .saturate))` for every non-NaN input (a test
/// checks every code's neighbourhood); NaN stays NaN. Not for E8M0.
struct ElementRounder {
    let format: ElementFormat
    private let mantissaBits: Int
    private let minimumExponent: Int
    private let largest: Float

    init(_ format: ElementFormat) {
        self.format = format
        let t = format.traits
        mantissaBits = t.mantissaBits
        minimumExponent = 1 - t.bias
        largest = format.maxFinite
    }

    @inline(__always)
    func round(_ x: Float) -> Float {
        if x.isNaN { return x }  // fp6/fp4 have no NaN; keep it visible rather than turning it into 0
        let magnitude = min(x.magnitude, largest)
        guard magnitude > 0 else { return x }  // ±0 keeps its sign
        let binade = max(Int(magnitude.exponent), minimumExponent)
        let quantum = Float(sign: .plus, exponent: binade - mantissaBits, significand: 1)
        let rounded = (magnitude / quantum).rounded(.toNearestOrEven) * quantum
        return x.sign == .minus ? -rounded : rounded
    }
}

/// ``BlockFormat/encode(_:)`` followed by ``BlockFormat/decode(_:)`` in one pass, with the elements (and NVFP4's
/// e4m3 block scale) rounded by ``ElementRounder`` instead of encoded and decoded: the same values (the rules are
/// those of `BlockFormat.encode`, which a test checks this against), fast enough for every weight of a model.
/// `values.count` must be whole blocks.
struct BlockRounder {
    let format: BlockFormat
    private let element: ElementRounder
    private let scale: ElementRounder
    private let blockSize: Int
    private let elementMaxExponent: Int

    init(_ format: BlockFormat) {
        self.format = format
        let traits = format.traits
        element = ElementRounder(traits.element)
        scale = ElementRounder(traits.hasTensorScale ? traits.scale : .fp8E4M3)
        blockSize = traits.blockSize
        elementMaxExponent = traits.elementMaxExponent
    }

    func rounded(_ values: [Float]) -> [Float] {
        precondition(values.count % blockSize == 0, "\(format) rounding needs whole blocks of \(blockSize)")
        let nvfp4 = format.traits.hasTensorScale
        var tensorScale: Float = 1, sEnc: Float = 0
        if nvfp4 {
            var amax: Float = 0
            for v in values where v.isFinite { amax = max(amax, v.magnitude) }
            if amax > 0, (2688 / amax).isFinite {
                tensorScale = amax / 2688
                sEnc = 2688 / amax
            }
        }
        var out = [Float](repeating: 0, count: values.count)
        for start in stride(from: 0, to: values.count, by: blockSize) {
            let block = start..<(start + blockSize)
            var amax: Float = 0, finite = true
            for i in block {
                let v = values[i]
                if !v.isFinite { finite = false; break }
                amax = max(amax, v.magnitude)
            }
            if !finite {
                for i in block { out[i] = .nan }
                continue
            }
            if nvfp4 {
                let blockScale = scale.round(amax / 6 * sEnc)
                guard blockScale > 0 else { continue }  // every element is code 0: +0
                for i in block { out[i] = element.round(values[i] * sEnc / blockScale) * blockScale * tensorScale }
            } else {
                let shared = amax == 0 ? -127 : min(127, max(-127, Int(amax.exponent) - elementMaxExponent))
                let multiplier = Float(sign: .plus, exponent: -shared, significand: 1)
                let blockScale = Float(sign: .plus, exponent: shared, significand: 1)
                for i in block { out[i] = element.round(values[i] * multiplier) * blockScale }
            }
        }
        return out
    }
}
