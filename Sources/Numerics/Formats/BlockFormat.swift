/// A block-scaled format: fixed-size blocks of low-precision elements that share one scale (OCP MX, NVFP4).
///
/// Per-format facts live in one table, ``BlockFormatTraits/table``; encoding and decoding
/// (``encode(_:)``, ``decode(_:)``) follow from them. The encoded form is ``ScaledBlocks``.
public enum BlockFormat: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// OCP MXFP8 with E4M3 elements: 32 elements, one E8M0 scale.
    case mxfp8E4M3
    /// OCP MXFP8 with E5M2 elements: 32 elements, one E8M0 scale.
    case mxfp8E5M2
    /// OCP MXFP6 with E2M3 elements: 32 elements, one E8M0 scale.
    case mxfp6E2M3
    /// OCP MXFP6 with E3M2 elements: 32 elements, one E8M0 scale.
    case mxfp6E3M2
    /// OCP MXFP4 (E2M1 elements): 32 elements, one E8M0 scale.
    case mxfp4
    /// NVIDIA NVFP4: 16 E2M1 elements, one unsigned E4M3 scale per block and one fp32 scale per tensor.
    case nvfp4

    /// Layout facts for this format (one table for all block formats).
    @inlinable
    public var traits: BlockFormatTraits { BlockFormatTraits.table[Int(rawValue)] }

    /// The command-line name, e.g. `"mxfp4"`.
    public var description: String { traits.name }

    /// The format with command-line name `name`, or nil.
    public init?(name: String) {
        guard let match = BlockFormat.allCases.first(where: { $0.traits.name == name }) else { return nil }
        self = match
    }
}

/// Layout facts about one block-scaled format.
public struct BlockFormatTraits: Sendable, Equatable {
    /// The command-line name, e.g. `"mxfp6-e3m2"`.
    public let name: String
    /// The element format.
    public let element: ElementFormat
    /// Elements per block.
    public let blockSize: Int
    /// The per-block scale format: ``ElementFormat/e8m0`` (MX) or ``ElementFormat/fp8E4M3`` used unsigned (NVFP4).
    public let scale: ElementFormat
    /// Whether one fp32 scale multiplies the whole tensor (NVFP4).
    public let hasTensorScale: Bool
    /// The format these traits describe.
    public let format: BlockFormat

    /// Every block format's traits, in the order of `BlockFormat.allCases` (OCP MX v1.0 §5, numerics.md §3.2-3.3).
    public static let table: [BlockFormatTraits] = [
        BlockFormatTraits(name: "mxfp8-e4m3", element: .fp8E4M3, blockSize: 32, scale: .e8m0, hasTensorScale: false,
                          format: .mxfp8E4M3),
        BlockFormatTraits(name: "mxfp8-e5m2", element: .fp8E5M2, blockSize: 32, scale: .e8m0, hasTensorScale: false,
                          format: .mxfp8E5M2),
        BlockFormatTraits(name: "mxfp6-e2m3", element: .fp6E2M3, blockSize: 32, scale: .e8m0, hasTensorScale: false,
                          format: .mxfp6E2M3),
        BlockFormatTraits(name: "mxfp6-e3m2", element: .fp6E3M2, blockSize: 32, scale: .e8m0, hasTensorScale: false,
                          format: .mxfp6E3M2),
        BlockFormatTraits(name: "mxfp4", element: .fp4E2M1, blockSize: 32, scale: .e8m0, hasTensorScale: false,
                          format: .mxfp4),
        BlockFormatTraits(name: "nvfp4", element: .fp4E2M1, blockSize: 16, scale: .fp8E4M3, hasTensorScale: true,
                          format: .nvfp4),
    ]

    /// Bits of storage per block: the scale plus `blockSize` elements (the tensor scale not included).
    public var bitsPerBlock: Int { scale.traits.bitWidth + blockSize * element.traits.bitWidth }

    /// `floor(log2(largest finite element))`: 8 for E4M3, 15 for E5M2, 2 for E2M3, 4 for E3M2, 2 for E2M1.
    public var elementMaxExponent: Int { Int(element.maxFinite.exponent) }
}
