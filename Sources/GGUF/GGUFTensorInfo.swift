import Numerics

/// One entry of a GGUF tensor directory.
///
/// `dimensions` are in ggml order: `dimensions[0]` is the fastest-varying one, i.e. the row length. A 2-D weight
/// `W` with `dimensions == [cols, rows]` is stored row-major with `rowCount == rows` rows of `rowLength == cols`.
public struct GGUFTensorInfo: Sendable, Equatable {
    public let name: String
    /// ggml order; 1 to 4 entries, each ≥ 1.
    public let dimensions: [Int]
    public let type: GGMLType
    /// Byte offset of the tensor's data relative to the start of the data section (a multiple of the alignment).
    public let offset: Int
    /// Product of `dimensions`.
    public let elementCount: Int
    /// Bytes of data: `rowCount * type.rowByteCount(elements: rowLength)`.
    public let byteCount: Int
    /// `dimensions[0]` (1 for a tensor with no dimensions).
    public let rowLength: Int
    /// `elementCount / rowLength`.
    public let rowCount: Int

    /// Creates a directory entry.
    /// - Precondition: every dimension ≥ 1; `dimensions[0]` a multiple of the type's block size; no overflow.
    public init(name: String, dimensions: [Int], type: GGMLType, offset: Int) {
        precondition(dimensions.allSatisfy { $0 >= 1 }, "tensor '\(name)' dimensions must be ≥ 1: \(dimensions)")
        self.name = name
        self.dimensions = dimensions
        self.type = type
        self.offset = offset
        let rowLength = dimensions.first ?? 1
        self.rowLength = rowLength
        self.elementCount = dimensions.reduce(1, *)
        self.rowCount = elementCount / rowLength
        self.byteCount = rowCount * type.rowByteCount(elements: rowLength)
    }

    /// Bytes per row.
    public var rowByteCount: Int { type.rowByteCount(elements: rowLength) }
}
