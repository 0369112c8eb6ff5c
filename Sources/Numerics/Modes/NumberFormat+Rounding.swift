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
            return values.map(rounder.round)
        case .block(let format):
            // Blocks never straddle rows because rowLength is a multiple of the block size; NVFP4's tensor scale
            // covers all of `values`.
            return format.decode(format.encode(values))
        case .integer(let bits, let size):
            do {
                let quantization = try IntegerQuantization(
                    bits: bits, scheme: .symmetric,
                    granularity: size.map { .perGroup(size: $0) } ?? .perChannel(rowLength: rowLength))
                return quantization.dequantize(try quantization.quantize(values))
            } catch let error as NumericsError {
                throw error
            } catch {
                preconditionFailure("IntegerQuantization throws only NumericsError")
            }
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

    /// mean |x| with the sum in fp64, rounded once to fp32 (NaN ignored, as if it were 0).
    static func meanMagnitude(_ values: ArraySlice<Float>) -> Float {
        guard !values.isEmpty else { return 0 }
        var total = 0.0
        for x in values where !x.isNaN { total += Double(x.magnitude) }
        return Float(total / Double(values.count))
    }
}

/// Rounds fp32 values to one element format (nearest even, saturating) and back, fast enough for every weight of a
/// model: fp16 and bf16 through ``Half`` (clamped to the largest finite value first, which is what saturation
/// means under round-to-nearest), formats of 8 bits or fewer by a binary search in the table of their finite
/// magnitudes (ties to the even code, i.e. the even mantissa). Agrees with
/// `format.decode(format.encode(x, overflow: .saturate))` for every non-NaN input; NaN stays NaN.
struct ElementRounder {
    let format: ElementFormat
    /// Finite non-negative values in code order (codes 0...maxFiniteMagnitude), for formats of 8 bits or fewer.
    private let magnitudes: [Float]
    private let largest: Float

    init(_ format: ElementFormat) {
        self.format = format
        let t = format.traits
        largest = format.maxFinite
        magnitudes = t.bitWidth <= 8 ? (0...Int(t.maxFiniteMagnitude)).map { format.decode(UInt16($0)) } : []
    }

    @inline(__always)
    func round(_ x: Float) -> Float {
        if x.isNaN { return x }  // fp6/fp4 have no NaN; keep it visible rather than turning it into 0
        let clamped = min(max(x, -largest), largest)
        switch format {
        case .fp16: return Half.toFloat(Half.fromFloat(clamped))
        case .bf16: return Half.bf16ToFloat(Half.bf16FromFloat(clamped))
        default: break
        }
        let magnitude = clamped.magnitude
        // The largest code whose value is ≤ magnitude (code 0 is +0).
        var low = 0, high = magnitudes.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if magnitudes[middle] <= magnitude { low = middle } else { high = middle - 1 }
        }
        var code = low
        if code + 1 < magnitudes.count {
            let below = Double(magnitude) - Double(magnitudes[code])
            let above = Double(magnitudes[code + 1]) - Double(magnitude)
            if above < below || (above == below && code % 2 == 1) { code += 1 }
        }
        let value = magnitudes[code]
        return x.sign == .minus ? -value : value
    }
}
