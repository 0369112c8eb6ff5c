/// Uniform integer quantisation to `bits` bits (numerics.md §9; Jacob et al. 2018), per tensor, per channel or
/// per group, in fp32 arithmetic with round-to-nearest-even (or stochastic rounding).
///
/// - Symmetric (restricted range): `S = amax / (2^(b−1) − 1)`, `q = clamp(round(x / S), −(2^(b−1)−1), 2^(b−1)−1)`,
///   zero point 0; dequantised `S · q`.
/// - Asymmetric: `lo = min(min x, 0)`, `hi = max(max x, 0)` (so 0 is exact), `S = (hi − lo) / (2^b − 1)`,
///   `Z = clamp(round(−lo / S), 0, 2^b − 1)`, `q = clamp(round(x / S) + Z, 0, 2^b − 1)`; dequantised `S · (q − Z)`.
/// - A group whose scale would be 0 (all zeros) uses `S = 1`, `Z = 0`. NaN inputs give code 0 (symmetric) or `Z`
///   (asymmetric) and are ignored when choosing the scale; ±infinity clamps to the end codes and is ignored too.
public struct IntegerQuantization: Sendable, Equatable {
    /// Symmetric or asymmetric (affine).
    public enum Scheme: String, Sendable, CaseIterable { case symmetric, asymmetric }

    /// How many values share one scale.
    public enum Granularity: Sendable, Equatable {
        /// One scale for all values.
        case perTensor
        /// One scale per row of `rowLength` values (per output channel of a row-major `W[out, in]`).
        case perChannel(rowLength: Int)
        /// One scale per `size` consecutive values (groups never straddle rows when `size` divides the row length).
        case perGroup(size: Int)
    }

    /// Code width in bits, 2...8.
    public let bits: Int
    public let scheme: Scheme
    public let granularity: Granularity

    /// - Throws: ``NumericsError/unsupportedIntegerBits(_:)`` when `bits` is outside 2...8.
    public init(bits: Int, scheme: Scheme, granularity: Granularity) throws {
        guard (2...8).contains(bits) else { throw NumericsError.unsupportedIntegerBits(bits) }
        self.bits = bits
        self.scheme = scheme
        self.granularity = granularity
    }

    /// The smallest and largest code: `±(2^(b−1)−1)` symmetric, `0...2^b−1` asymmetric.
    public var codeRange: ClosedRange<Int> {
        scheme == .symmetric ? -((1 << (bits - 1)) - 1)...((1 << (bits - 1)) - 1) : 0...((1 << bits) - 1)
    }

    /// Quantised values: one code per value, one scale and zero point per group of `groupLength` consecutive values.
    public struct Encoded: Sendable, Equatable {
        public var codes: [Int16]
        public var scales: [Float]
        public var zeroPoints: [Int16]
        public var groupLength: Int
    }

    /// Quantises `values` with round-to-nearest-even.
    /// - Throws: ``NumericsError/shapeMismatch(count:groupLength:what:)`` when the values don't split into whole
    ///   rows or groups.
    public func quantize(_ values: [Float]) throws -> Encoded {
        try quantize(values) { $0.rounded(.toNearestOrEven) }
    }

    /// Quantises `values` with stochastic rounding (`⌊v⌋ + Bernoulli(v − ⌊v⌋)`, one `UInt64` drawn per value).
    public func quantizeStochastically<G: RandomNumberGenerator>(_ values: [Float], using generator: inout G) throws -> Encoded {
        try quantize(values) { v in
            let uniform = Float(generator.next() >> 40) * 0x1p-24
            let lower = v.rounded(.down)
            return uniform < v - lower ? lower + 1 : lower
        }
    }

    /// The dequantised values, `S · (q − Z)` in fp32.
    public func dequantize(_ encoded: Encoded) -> [Float] {
        encoded.codes.enumerated().map { i, q in
            let g = i / encoded.groupLength
            return encoded.scales[g] * Float(Int(q) - Int(encoded.zeroPoints[g]))
        }
    }

    private func groupLength(count: Int) throws -> Int {
        switch granularity {
        case .perTensor: return max(count, 1)
        case .perChannel(let rowLength):
            guard rowLength > 0, count % rowLength == 0 else {
                throw NumericsError.shapeMismatch(count: count, groupLength: rowLength, what: "rows")
            }
            return rowLength
        case .perGroup(let size):
            guard size > 0, count % size == 0 else {
                throw NumericsError.shapeMismatch(count: count, groupLength: size, what: "groups")
            }
            return size
        }
    }

    private func quantize(_ values: [Float], round: (Float) -> Float) throws -> Encoded {
        let length = try groupLength(count: values.count)
        let range = codeRange
        var encoded = Encoded(codes: [], scales: [], zeroPoints: [], groupLength: length)
        encoded.codes.reserveCapacity(values.count)
        var start = 0
        while start < values.count {
            let group = values[start..<(start + length)].filter(\.isFinite)
            var scale: Float
            var zero: Float = 0
            switch scheme {
            case .symmetric:
                scale = group.reduce(Float(0)) { max($0, $1.magnitude) } / Float(range.upperBound)
            case .asymmetric:
                let lo = group.reduce(Float(0)) { min($0, $1) }, hi = group.reduce(Float(0)) { max($0, $1) }
                scale = (hi - lo) / Float(range.upperBound)
                if scale > 0 { zero = min(Float(range.upperBound), max(0, (-lo / scale).rounded(.toNearestOrEven))) }
            }
            if !(scale > 0) || !scale.isFinite { scale = 1; zero = 0 }
            for x in values[start..<(start + length)] {
                let q = x.isNaN ? zero : round(x / scale) + zero
                encoded.codes.append(Int16(min(Float(range.upperBound), max(Float(range.lowerBound), q))))
            }
            encoded.scales.append(scale)
            encoded.zeroPoints.append(Int16(zero))
            start += length
        }
        return encoded
    }
}
