/// A ggml tensor element type, as stored in GGUF tensor directories (the raw value is the on-disk type id).
///
/// Only the types Reckon can compute with are listed; a GGUF reader reports any other id as an unknown type.
/// Per-type facts (block size, bytes per block, name) live in one data table, ``BlockTraits/table``.
///
/// Recipe for adding a type: (1) add the case with its ggml id and a `tableIndex`; (2) add its row to
/// `BlockTraits.table`; (3) decode one block in `ReferenceKernels.dequantizeBlock` (scalar, ggml's order of fp32
/// operations) and test it against hand-computed or published block vectors; (4) add the block size/bytes and a
/// portable decoder to CKernels (`ck_block_size`, `ck_block_bytes`, `ck_portable_dequantize`): `ck_dot` then
/// works through decode-then-dot; (5) optionally add an AVX2 dot in `ck_avx2.c`; the property tests in
/// KernelsTests pick the new case up from `allCases` (extend `randomRow` for its scale fields).
public enum GGMLType: UInt32, Sendable, CaseIterable, CustomStringConvertible {
    case f32 = 0
    case f16 = 1
    case q4_0 = 2
    case q4_1 = 3
    case q8_0 = 8
    case q4_K = 12
    case q6_K = 14
    case bf16 = 30
    /// OCP MXFP4 as ggml stores it (`block_mxfp4`): see ``MXFP4Quantizer`` for the layout and scale convention.
    case mxfp4 = 39

    /// Block layout facts for this type (one table for all types).
    @inlinable
    public var traits: BlockTraits { BlockTraits.table[Int(tableIndex)] }

    /// Position of this type in ``BlockTraits/table``.
    @usableFromInline
    var tableIndex: UInt8 {
        switch self {
        case .f32: 0
        case .f16: 1
        case .q4_0: 2
        case .q4_1: 3
        case .q8_0: 4
        case .q4_K: 5
        case .q6_K: 6
        case .bf16: 7
        case .mxfp4: 8
        }
    }

    /// Number of bytes one row of `elements` values occupies.
    /// - Precondition: `elements >= 0` and `elements` is a multiple of `traits.blockSize`.
    @inlinable
    public func rowByteCount(elements: Int) -> Int {
        let t = traits
        precondition(elements >= 0 && elements % t.blockSize == 0,
                     "\(t.name) rows must hold a multiple of \(t.blockSize) elements, got \(elements)")
        return elements / t.blockSize * t.bytesPerBlock
    }

    /// The ggml name, e.g. `"Q4_1"`.
    public var description: String { traits.name }
}
