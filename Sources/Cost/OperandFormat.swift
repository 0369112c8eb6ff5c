import Foundation
import Numerics

/// A number format as the cost model sees it: how many bits an element takes in storage (with its share of block,
/// row or tensor scales), how wide a multiplier sees it (for ACE), and whether it is a float, an integer or a sign.
///
/// Formats are taken by name from Numerics' tables (``ElementFormat``, ``BlockFormat``, ``GGMLType``) so that a
/// name means the same layout everywhere; the integer, ternary and binary weight encodings, which have no table
/// there, are described here (see ``init(name:)``).
public struct OperandFormat: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How an element enters a multiply.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A floating-point element (fp32, fp16, bf16, fp8/6/4, MX and NVFP4 elements).
        case float
        /// An integer element (ggml Q-blocks, int-k, int16 activations).
        case integer
        /// A ternary or binary weight: the multiply is a sign selection (or a zero), no multiplier.
        case sign
    }

    /// Where one scale is stored.
    public enum ScaleGranularity: Sendable, Hashable, Codable {
        /// No scale.
        case none
        /// One scale per `elements` consecutive elements of a row (a partial block still takes a whole block).
        case block(elements: Int)
        /// One scale per row (per output channel).
        case row
        /// One scale for the whole matrix.
        case tensor
    }

    /// The name it was resolved from (canonical spelling, e.g. `q4_1`, `fp8-e4m3`, `int4-g32`).
    public var name: String
    /// Bits of one element, scales excluded (may be fractional: ternary is log2 3).
    public var elementBits: Double
    /// Scale bits per scale (0 with no scale).
    public var scaleBits: Int
    /// Where the scales are.
    public var scales: ScaleGranularity
    /// Operand width a multiplier sees, in bits (PokeBNN's ACE: a b_a × b_w multiply costs b_a · b_w).
    public var aceBits: Int
    /// Float, integer or sign.
    public var kind: Kind
    /// Exponent bits of a float element (for L-Mul's adder width); 8 for an integer element dequantised to fp32.
    public var exponentBits: Int

    public var description: String { name }

    public init(name: String, elementBits: Double, scaleBits: Int = 0, scales: ScaleGranularity = .none, aceBits: Int,
                kind: Kind, exponentBits: Int) {
        self.name = name
        self.elementBits = elementBits
        self.scaleBits = scaleBits
        self.scales = scales
        self.aceBits = aceBits
        self.kind = kind
        self.exponentBits = exponentBits
    }

    /// Storage bytes of a `rows × columns` matrix (rows of `columns` elements) in this format, scales included.
    public func bytes(rows: Int, columns: Int) -> Double {
        let r = Double(rows), c = Double(columns)
        let elements = r * c * elementBits / 8
        switch scales {
        case .none: return elements
        case let .block(size): return elements + r * Double((columns + size - 1) / size) * Double(scaleBits) / 8
        case .row: return elements + r * Double(scaleBits) / 8
        case .tensor: return elements + Double(scaleBits) / 8
        }
    }

    /// The format a ggml tensor type stores: bits per element from its block layout (scales included, exactly
    /// `8 · bytesPerBlock / blockSize`), multiplier width of its elements.
    public init(ggml type: GGMLType) {
        let traits = type.traits
        let bits = 8 * Double(traits.bytesPerBlock) / Double(traits.blockSize)
        switch type {
        case .f32: self.init(name: "f32", elementBits: 32, aceBits: 32, kind: .float, exponentBits: 8)
        case .f16: self.init(name: "f16", elementBits: 16, aceBits: 16, kind: .float, exponentBits: 5)
        case .bf16: self.init(name: "bf16", elementBits: 16, aceBits: 16, kind: .float, exponentBits: 8)
        case .mxfp4: self.init(name: "mxfp4", elementBits: bits, aceBits: 4, kind: .float, exponentBits: 2)
        case .q8_0: self.init(name: "q8_0", elementBits: bits, aceBits: 8, kind: .integer, exponentBits: 8)
        case .q6_K: self.init(name: "q6_k", elementBits: bits, aceBits: 6, kind: .integer, exponentBits: 8)
        case .q4_0, .q4_1, .q4_K:
            self.init(name: traits.name.lowercased(), elementBits: bits, aceBits: 4, kind: .integer, exponentBits: 8)
        }
    }

    /// An element format used alone (no block scale): fp16, bf16, fp8, fp6, fp4.
    public init(element format: ElementFormat) {
        let t = format.traits
        self.init(name: t.name, elementBits: Double(t.bitWidth), aceBits: t.bitWidth, kind: .float,
                  exponentBits: t.exponentBits)
    }

    /// A block-scaled format: MX (32 elements + an 8-bit E8M0 scale) or NVFP4 (16 elements + an e4m3 scale, plus
    /// one fp32 scale per tensor, which is not counted: a few bytes per matrix).
    public init(block format: BlockFormat) {
        let t = format.traits
        let element = t.element.traits
        self.init(name: t.name, elementBits: Double(element.bitWidth), scaleBits: t.scale.traits.bitWidth,
                  scales: .block(elements: t.blockSize), aceBits: element.bitWidth, kind: .float,
                  exponentBits: element.exponentBits)
    }

    /// Resolves a format name (case-insensitive):
    /// - `fp32`/`f32`/`float32`, `f16`/`fp16`, `bf16`, `fp8-e4m3`, `fp8-e5m2`, `fp6-e2m3`, `fp6-e3m2`, `fp4-e2m1`
    ///   (Numerics element table; used alone, no scale);
    /// - `mxfp8-e4m3`, `mxfp8-e5m2`, `mxfp6-e2m3`, `mxfp6-e3m2`, `mxfp4`, `nvfp4` (Numerics block table), with
    ///   `mxfp8` = `mxfp8-e4m3` and `mxfp6` = `mxfp6-e2m3`;
    /// - `q4_0`, `q4_1`, `q8_0`, `q4_k`, `q6_k` (ggml blocks, scales included);
    /// - `intK` (K in 2...16): symmetric per output channel, one fp32 scale per row (`int16` is also Reckon's
    ///   int16 activation mode); `intK-gG`: one fp16 scale per G elements;
    /// - `ternary`: {−1, 0, +1} at log2 3 ≈ 1.585 bits (ideal packing) and one fp32 scale per matrix (BitNet
    ///   absmean), 2 bits wide for ACE; `binary`: signs, 1 bit, one fp32 scale per row.
    /// - Throws: ``CostError/unknownFormat(name:role:)``.
    public init(name rawName: String, role: String = "number") throws(CostError) {
        let name = rawName.lowercased()
        if let alias = Self.aliases[name] {
            self = alias
            return
        }
        if let format = ElementFormat(name: name), format != .e8m0 {
            self.init(element: format)
        } else if let format = BlockFormat(name: name) {
            self.init(block: format)
        } else if let type = GGMLType.allCases.first(where: { $0.traits.name.lowercased() == name }) {
            self.init(ggml: type)
        } else if let integer = Self.integer(name) {
            self = integer
        } else {
            throw .unknownFormat(name: rawName, role: role)
        }
    }

    /// `intK` or `intK-gG`.
    static func integer(_ name: String) -> OperandFormat? {
        guard name.hasPrefix("int") else { return nil }
        let parts = name.dropFirst(3).split(separator: "-", omittingEmptySubsequences: false)
        guard let bits = Int(parts[0]), (2...16).contains(bits), parts.count <= 2 else { return nil }
        if parts.count == 1 {
            return OperandFormat(name: name, elementBits: Double(bits), scaleBits: 32, scales: .row, aceBits: bits,
                                 kind: .integer, exponentBits: 8)
        }
        guard parts[1].hasPrefix("g"), let group = Int(parts[1].dropFirst()), group >= 1 else { return nil }
        return OperandFormat(name: name, elementBits: Double(bits), scaleBits: 16, scales: .block(elements: group),
                             aceBits: bits, kind: .integer, exponentBits: 8)
    }

    static let fp32 = OperandFormat(name: "fp32", elementBits: 32, aceBits: 32, kind: .float, exponentBits: 8)

    static let aliases: [String: OperandFormat] = {
        var table: [String: OperandFormat] = [
            "fp32": fp32, "f32": fp32, "float32": fp32,
            "ternary": OperandFormat(name: "ternary", elementBits: log2(3.0), scaleBits: 32, scales: .tensor, aceBits: 2,
                                     kind: .sign, exponentBits: 8),
            "binary": OperandFormat(name: "binary", elementBits: 1, scaleBits: 32, scales: .row, aceBits: 1, kind: .sign,
                                    exponentBits: 8),
        ]
        table["fp16"] = OperandFormat(element: .fp16)
        table["f16"] = OperandFormat(element: .fp16)
        table["mxfp8"] = OperandFormat(block: .mxfp8E4M3)
        table["mxfp6"] = OperandFormat(block: .mxfp6E2M3)
        return table
    }()

    /// Every name ``init(name:)`` accepts, except the open-ended intK / intK-gG family.
    public static var knownNames: [String] {
        let elements = ElementFormat.allCases.filter { $0 != .e8m0 }.map(\.traits.name)
        let blocks = BlockFormat.allCases.map(\.traits.name)
        let ggml = GGMLType.allCases.map { $0.traits.name.lowercased() }
        return (["fp32"] + elements + blocks + ggml + ["mxfp8", "mxfp6", "ternary", "binary"])
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}
