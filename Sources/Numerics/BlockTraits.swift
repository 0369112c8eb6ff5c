/// Layout facts about one ggml element type: how many elements form a block and how many bytes a block takes.
///
/// Unquantised types (F32, F16, BF16) have a block size of 1. All multi-byte fields are little-endian.
public struct BlockTraits: Sendable, Equatable {
    /// The ggml name, e.g. `"Q4_1"`.
    public let name: String
    /// Elements per block.
    public let blockSize: Int
    /// Bytes per block.
    public let bytesPerBlock: Int
    /// Whether the type stores quantised integers with per-block scales.
    public let isQuantized: Bool
    /// The type these traits describe.
    public let type: GGMLType

    /// Every supported type's traits, indexed by `GGMLType.tableIndex` (order of `GGMLType.allCases`).
    /// Layouts follow ggml-common.h (sizes checked against gguf-py's table, see Scripts/oracle/dequant_reference.py).
    public static let table: [BlockTraits] = [
        BlockTraits(name: "F32", blockSize: 1, bytesPerBlock: 4, isQuantized: false, type: .f32),
        BlockTraits(name: "F16", blockSize: 1, bytesPerBlock: 2, isQuantized: false, type: .f16),
        BlockTraits(name: "Q4_0", blockSize: 32, bytesPerBlock: 18, isQuantized: true, type: .q4_0),   // d:f16, qs[16]
        BlockTraits(name: "Q4_1", blockSize: 32, bytesPerBlock: 20, isQuantized: true, type: .q4_1),   // d:f16, m:f16, qs[16]
        BlockTraits(name: "Q8_0", blockSize: 32, bytesPerBlock: 34, isQuantized: true, type: .q8_0),   // d:f16, qs:int8[32]
        BlockTraits(name: "Q4_K", blockSize: 256, bytesPerBlock: 144, isQuantized: true, type: .q4_K), // d, dmin, scales[12], qs[128]
        BlockTraits(name: "Q6_K", blockSize: 256, bytesPerBlock: 210, isQuantized: true, type: .q6_K), // ql[128], qh[64], sc[16], d
        BlockTraits(name: "BF16", blockSize: 1, bytesPerBlock: 2, isQuantized: false, type: .bf16),
        BlockTraits(name: "MXFP4", blockSize: 32, bytesPerBlock: 17, isQuantized: true, type: .mxfp4), // e:E8M0, qs[16]
    ]
}
