import Numerics

/// The bytes of a re-encoded weight matrix, owned by the matrices that point into them.
// Unchecked because of the raw pointer: written once while the matrix is built, read-only afterwards.
final class WeightStorage: @unchecked Sendable {
    let bytes: UnsafeMutableRawPointer

    init(byteCount: Int) { bytes = .allocate(byteCount: max(1, byteCount), alignment: 64) }

    deinit { bytes.deallocate() }
}

extension WeightMatrix {
    /// Every value decoded to fp32, row-major (`rows · cols` floats; exact, as the kernels decode).
    public func decodedValues() -> [Float] {
        var values = [Float](repeating: 0, count: rows * cols)
        values.withUnsafeMutableBufferPointer { out in
            guard let target = out.baseAddress else { return }
            if interleaved {
                for r in 0..<rows { dequantizeRow(r, into: target + r * cols) }
            } else {
                Kernels.dequantize(type, base, into: target, count: rows * cols)
            }
        }
        return values
    }

    /// This matrix re-encoded in `format` (numerics modes, ``NumericsMode/weights``): its values decoded to fp32 and
    /// rounded to the format (``NumberFormat/rounded(_:rowLength:)``, a whole matrix being one tensor, rows being
    /// output channels). Stored as F32 holding exactly those values, except fp16 and bf16 (stored as F16/BF16,
    /// which hold them exactly) and the GGUF block types (quantised from the decoded values by ``Quantizer``, run by
    /// their own kernels). `.float32` returns the matrix unchanged.
    /// - Throws: ``ModelError/unsupportedNumerics(name:format:reason:)`` when a row is not whole blocks or groups.
    public func reencoded(as format: NumberFormat) throws(ModelError) -> WeightMatrix {
        if format.isIdentity { return self }
        guard cols % format.rowMultiple == 0 else {
            throw .unsupportedNumerics(name: name, format: format.name,
                                       reason: "its rows of \(cols) values are not whole blocks of \(format.rowMultiple)")
        }
        let values = decodedValues()
        switch format {
        case .ggml(let type):
            return Self.stored(name: name, rows: rows, cols: cols, type: type, bytes: Quantizer.quantize(type, values))
        case .element(.fp16), .element(.bf16):
            // The rounded values are fp16/bf16 values, so the conversion to 16 bits is exact.
            let half = format == .element(.fp16)
            let bits = try round(values, format).map { half ? Half.fromFloat($0) : Half.bf16FromFloat($0) }
            let bytes = bits.withUnsafeBytes { Array($0) }  // little-endian, as GGUF stores them (x86-64, arm64)
            return Self.stored(name: name, rows: rows, cols: cols, type: half ? .f16 : .bf16, bytes: bytes)
        default:
            return Self.storedF32(name: name, rows: rows, cols: cols, values: try round(values, format))
        }
    }

    /// This matrix as F32 with every value rounded to `mantissaBits` fraction bits (``LMul/roundToMantissaBits(_:_:)``)
    /// for the L-Mul kernels: L-Mul rounds its operands to that many bits anyway (idempotently), so products are
    /// unchanged and the kernel can skip the rounding. ``roundedToMantissaBits`` is set only when every rounded value
    /// is finite.
    public func preparedForLMul(mantissaBits: Int) -> WeightMatrix {
        let rounded = decodedValues().map { LMul.roundToMantissaBits($0, mantissaBits) }
        let matrix = Self.storedF32(name: name, rows: rows, cols: cols, values: rounded)
        return WeightMatrix(name: name, type: .f32, rows: rows, cols: cols, base: matrix.base, storage: matrix.storage,
                            roundedToMantissaBits: rounded.allSatisfy(\.isFinite) ? mantissaBits : nil)
    }

    private func round(_ values: [Float], _ format: NumberFormat) throws(ModelError) -> [Float] {
        do {
            return try format.rounded(values, rowLength: cols)
        } catch {
            throw .unsupportedNumerics(name: name, format: format.name, reason: error.description)
        }
    }

    private static func storedF32(name: String, rows: Int, cols: Int, values: [Float]) -> WeightMatrix {
        let storage = WeightStorage(byteCount: values.count * MemoryLayout<Float>.stride)
        values.withUnsafeBytes { storage.bytes.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return WeightMatrix(name: name, type: .f32, rows: rows, cols: cols, base: UnsafeRawPointer(storage.bytes),
                            storage: storage, roundedToMantissaBits: nil)
    }

    private static func stored(name: String, rows: Int, cols: Int, type: GGMLType, bytes: [UInt8]) -> WeightMatrix {
        let storage = WeightStorage(byteCount: bytes.count)
        bytes.withUnsafeBytes { storage.bytes.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return WeightMatrix(name: name, type: type, rows: rows, cols: cols, base: UnsafeRawPointer(storage.bytes),
                            storage: storage, roundedToMantissaBits: nil)
    }
}
