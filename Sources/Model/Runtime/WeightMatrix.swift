import GGUF
import Numerics

/// A weight matrix kept in its stored (usually quantized) form, memory-mapped from the model file.
///
/// Row-major: `rows` output features, each a row of `cols` input features stored in `rowBytes` bytes. Rows are
/// dequantized on the fly inside the kernels; the matrix is never expanded to fp32 in memory, except when a numerics
/// mode re-encodes it (``reencoded(as:)``): its bytes then live in `storage`, owned by the matrix.
// Unchecked because of `base`: it points into a GGUF file's bytes, which are immutable (see GGUFStorage) and kept
// alive by the model that owns both the file and its matrices, or into `storage`, written once before the matrix
// is shared and kept alive by it; the matrix only ever reads them.
public struct WeightMatrix: @unchecked Sendable {
    public let name: String
    public let type: GGMLType
    public let rows: Int
    public let cols: Int
    public let rowBytes: Int
    public let base: UnsafeRawPointer
    /// The bytes of a re-encoded matrix (nil when `base` points into the model file).
    let storage: WeightStorage?
    /// Whether the bytes at `base` are in the x8 row-interleaved layout (``Numerics/Kernels/interleaveRows(_:_:rows:cols:)``)
    /// rather than row-major: the int16 generation kernels read it directly; every other reader restores rows first.
    public let interleaved: Bool
    /// For F32 matrices prepared for L-Mul: every value is finite and already rounded to this many fraction bits
    /// (``LMul/roundToMantissaBits(_:_:)``), which lets the L-Mul kernel skip the rounding.
    public let roundedToMantissaBits: Int?

    public init(name: String, type: GGMLType, rows: Int, cols: Int, base: UnsafeRawPointer) {
        self.init(name: name, type: type, rows: rows, cols: cols, base: base, storage: nil, roundedToMantissaBits: nil)
    }

    init(name: String, type: GGMLType, rows: Int, cols: Int, base: UnsafeRawPointer, storage: WeightStorage?,
         roundedToMantissaBits: Int?, interleaved: Bool = false) {
        self.name = name
        self.type = type
        self.rows = rows
        self.cols = cols
        self.rowBytes = type.rowByteCount(elements: cols)
        self.base = base
        self.storage = storage
        self.roundedToMantissaBits = roundedToMantissaBits
        self.interleaved = interleaved
    }

    /// Loads a 2-D tensor `[cols, rows]` (ggml order) from `file`, checking its shape.
    public init(file: GGUFFile, name: String, rows: Int, cols: Int) throws(ModelError) {
        guard let info = file.tensor(named: name) else { throw .missingTensor(name) }
        guard info.dimensions.count == 2, info.dimensions[0] == cols, info.dimensions[1] == rows else {
            throw .tensorShapeMismatch(name: name, expected: "[\(cols), \(rows)]", found: "\(info.dimensions)")
        }
        guard cols % info.type.traits.blockSize == 0 else {
            throw .tensorShapeMismatch(
                name: name, expected: "a row length divisible by \(info.type.traits.blockSize)", found: "\(cols)")
        }
        let data = file.data(for: info)
        self.init(name: name, type: info.type, rows: rows, cols: cols, base: data.baseAddress!, storage: nil,
                  roundedToMantissaBits: nil, interleaved: file.isRowInterleaved(info))
    }

    /// Calls `body` with row `r`'s bytes in row-major (GGUF) form: in place, or restored into a temporary buffer when
    /// the matrix is interleaved.
    @inline(__always)
    public func withRowBytes<R>(_ r: Int, _ body: (UnsafeRawPointer) -> R) -> R {
        guard interleaved else { return body(base + r &* rowBytes) }
        return withUnsafeTemporaryAllocation(byteCount: rowBytes, alignment: 32) { buffer in
            Kernels.restoreInterleavedRow(type, base, cols: cols, row: r, into: buffer.baseAddress!)
            return body(UnsafeRawPointer(buffer.baseAddress!))
        }
    }

    /// Writes row `r`, dequantized, into `destination` (`cols` floats).
    public func dequantizeRow(_ r: Int, into destination: UnsafeMutablePointer<Float>) {
        withRowBytes(r) { Kernels.dequantize(type, $0, into: destination, count: cols) }
    }
}
