/// A number format that fp32 values are rounded to: each value is encoded in the format and decoded back to the
/// exact fp32 value of its code (emulation: the result is ordinary fp32 data holding only values the format can
/// represent). One type for weights, activations and KV-cache entries, so an inference mode is three of these.
///
/// Where a format has scales, what shares one is fixed per case (see each case); "a tensor" is whatever one call of
/// ``rounded(_:rowLength:)`` gets: a whole weight matrix, one activation vector, one token's keys or values.
///
/// Command-line names (``name``, ``init(name:)``): `fp32` (alias `f32`, `float32`), `fp16`, `bf16`, `fp8-e4m3`,
/// `fp8-e5m2`, `fp6-e2m3`, `fp6-e3m2`, `fp4-e2m1`, `mxfp8` (alias of `mxfp8-e4m3`), `mxfp8-e5m2`, `mxfp6` (alias of
/// `mxfp6-e2m3`), `mxfp6-e3m2`, `mxfp4`, `nvfp4`, `intB` (per row) and `intB-gG` (per group of G) for B in 2...8,
/// `ternary`, `binary`, and the GGUF block types `q8_0`, `q4_0`, `q4_1`.
public enum NumberFormat: Sendable, Hashable, CustomStringConvertible {
    /// No rounding: fp32 values as they are.
    case float32
    /// One element format per value, round to nearest even, saturating (±largest finite instead of ±infinity or
    /// NaN). `e8m0` is not allowed (it is a scale format).
    case element(ElementFormat)
    /// OCP MX or NVFP4 blocks along each row (``BlockFormat/encode(_:)``); NVFP4's fp32 tensor scale is taken over
    /// the whole tensor.
    case block(BlockFormat)
    /// Symmetric integers with `bits` bits (``IntegerQuantization``, restricted range ±(2^(b−1)−1), round to nearest
    /// even): one fp32 scale `amax / (2^(b−1)−1)` per row when `groupSize` is nil, else per `groupSize` consecutive
    /// values of a row.
    case integer(bits: Int, groupSize: Int?)
    /// BitNet b1.58 ternary weights (Ma et al. 2024, "absmean"): `γ = max(mean |x|, 1e-5)` over the tensor (the sum
    /// in fp64, then rounded to fp32), `q = clamp(round(x / γ), −1, 1)` (fp32 division, ties to even), value `q · γ`
    /// (+0 for q = 0: codes are integers, as for ``integer(bits:groupSize:)``).
    case ternary
    /// Binary weights, sign with one scale per row (XNOR-Net's optimal scale): `α = mean |x|` over the row (the sum
    /// in fp64, then rounded to fp32), value `+α` for `x ≥ 0` (and for −0 and NaN), `−α` for `x < 0`.
    case binary
    /// A GGUF block type as ggml's reference quantisers write it (``Quantizer``): Q8_0, Q4_0 or Q4_1, blocks of 32
    /// along each row.
    case ggml(GGMLType)

    /// The GGUF types a format can name.
    public static let ggmlTypes: [GGMLType] = [.q8_0, .q4_0, .q4_1]

    /// Every name ``init(name:)`` accepts except the open-ended integer ones, for help texts and error messages.
    public static let names: [String] = ["fp32", "fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2",
                                         "fp4-e2m1", "mxfp8", "mxfp8-e5m2", "mxfp6", "mxfp6-e3m2", "mxfp4", "nvfp4",
                                         "int8", "int4-g32", "ternary", "binary", "q8_0", "q4_0", "q4_1"]

    /// A one-line summary of the accepted names, for help and errors.
    public static let namesSummary = names.joined(separator: ", ") + " (also intB and intB-gG for B in 2...8)"

    /// The format named `name` (see the type's list), or nil.
    public init?(name: String) {
        let lowered = name.lowercased()
        switch lowered {
        case "fp32", "f32", "float32": self = .float32; return
        case "mxfp8": self = .block(.mxfp8E4M3); return
        case "mxfp6": self = .block(.mxfp6E2M3); return
        case "ternary": self = .ternary; return
        case "binary": self = .binary; return
        default: break
        }
        if let element = ElementFormat(name: lowered), element != .e8m0 { self = .element(element); return }
        if let block = BlockFormat(name: lowered) { self = .block(block); return }
        if let type = Self.ggmlTypes.first(where: { $0.traits.name.lowercased() == lowered }) { self = .ggml(type); return }
        if lowered.hasPrefix("int") {
            let parts = lowered.dropFirst(3).split(separator: "-", omittingEmptySubsequences: false)
            guard let bits = Int(parts[0]), (2...8).contains(bits) else { return nil }
            if parts.count == 1 { self = .integer(bits: bits, groupSize: nil); return }
            guard parts.count == 2, parts[1].hasPrefix("g"), let size = Int(parts[1].dropFirst()), size > 0 else {
                return nil
            }
            self = .integer(bits: bits, groupSize: size)
            return
        }
        return nil
    }

    /// The format named `name`, or an error that lists the valid names; `role` says what the format is for
    /// (e.g. "weights").
    public init(parsing name: String, role: String) throws(NumericsError) {
        guard let format = NumberFormat(name: name) else {
            throw .unknownFormat(name: name, role: role, valid: Self.namesSummary)
        }
        self = format
    }

    /// The canonical command-line name (``init(name:)`` gives this format back).
    public var name: String {
        switch self {
        case .float32: "fp32"
        case .element(let format): format.traits.name
        case .block(let format): format.traits.name
        case .integer(let bits, nil): "int\(bits)"
        case .integer(let bits, let size?): "int\(bits)-g\(size)"
        case .ternary: "ternary"
        case .binary: "binary"
        case .ggml(let type): type.traits.name.lowercased()
        }
    }

    public var description: String { name }

    /// Storage bits per value in a compact layout, scales included: the element width plus each scale's width divided
    /// by the values sharing it. Integer per-group scales count as fp16 (16 bits, as GGUF stores them); per-row and
    /// per-tensor scales (int per row, ternary, binary, NVFP4's tensor scale) are not counted, being one per
    /// `rowLength` values or fewer. Ternary counts log2(3) ≈ 1.585 bits. fp32 is 32.
    ///
    /// Examples: fp8-e4m3 8, mxfp4 4.25, nvfp4 4.5, int4-g32 4.5, q4_1 5, q8_0 8.5, ternary 1.585, binary 1.
    public var bitsPerValue: Double {
        switch self {
        case .float32: 32
        case .element(let format): Double(format.traits.bitWidth)
        case .block(let format): Double(format.traits.bitsPerBlock) / Double(format.traits.blockSize)
        case .integer(let bits, nil): Double(bits)
        case .integer(let bits, let size?): Double(bits) + 16 / Double(size)
        case .ternary: 1.584962500721156
        case .binary: 1
        case .ggml(let type): Double(type.traits.bytesPerBlock * 8) / Double(type.traits.blockSize)
        }
    }

    /// How many consecutive values of a row must fill whole units (blocks or groups); 1 when any length works.
    public var rowMultiple: Int {
        switch self {
        case .block(let format): format.traits.blockSize
        case .integer(_, let size?): size
        case .ggml(let type): type.traits.blockSize
        default: 1
        }
    }

    /// Whether rounding leaves every fp32 value unchanged.
    public var isIdentity: Bool { self == .float32 }
}
