import Numerics

/// Re-encodes a GGUF model's weight matrices in one block format (what `reckon quantize` writes).
///
/// - Weight matrices: every 2-D tensor whose row length is a multiple of 32 (attention, FFN, token embedding,
///   output). Each is decoded to fp32 from whatever type it has (``Kernels/dequantize(_:_:into:count:path:)``, bit-exact with the reference decoders)
///   and encoded row-major in the target type: nearest rounding as ggml's reference quantisers
///   (``Quantizer``), or stochastic rounding of the codes (``StochasticBlockQuantizer``).
/// - Every other tensor (norms, biases, any matrix whose rows are not whole blocks) is stored as F32.
/// - Metadata: every key is copied in order; `general.file_type` is set to llama.cpp's `llama_ftype` for the target
///   (Q4_0 2, Q4_1 3, Q8_0 7, MXFP4 38 = `MOSTLY_MXFP4_MOE`), `general.quantization_version` to 2 (ggml's
///   `GGML_QNT_VERSION`, as llama-quantize writes), and the provenance keys `quantize.reckon.type`,
///   `quantize.reckon.rounding` ("nearest" or "stochastic") and, for stochastic rounding, `quantize.reckon.seed`.
///   The data alignment (`general.alignment`, default 32) is kept.
public enum GGUFRequantizer {
    /// The block formats a file can be re-encoded in.
    public static let targetTypes: [GGMLType] = [.q8_0, .q4_0, .q4_1, .mxfp4]

    /// Elements per block of every target type (fixed by the GGUF formats).
    public static let blockSize = 32

    /// llama.cpp's `llama_ftype` code for a file whose matrices are `type`.
    public static func fileType(for type: GGMLType) -> UInt32 {
        switch type {
        case .q4_0: 2
        case .q4_1: 3
        case .q8_0: 7
        case .mxfp4: 38
        case .f32: 0
        case .f16: 1
        case .bf16: 32
        case .q4_K: 15
        case .q6_K: 18
        }
    }

    /// Whether `tensor` is re-encoded (a 2-D matrix of whole 32-element blocks).
    public static func isWeightMatrix(_ tensor: GGUFTensorInfo) -> Bool {
        tensor.dimensions.count == 2 && tensor.rowLength % blockSize == 0 && tensor.elementCount > 0
    }

    /// A writer holding `file` with its weight matrices in `type`, nearest rounding.
    /// - Precondition: `type` is one of ``targetTypes``.
    public static func requantize(_ file: GGUFFile, to type: GGMLType) -> GGUFWriter {
        var writer = header(file, type, rounding: "nearest", seed: nil)
        addTensors(file, type, &writer) { Quantizer.quantize(type, $0) }
        return writer
    }

    /// The same with stochastic rounding drawn from `generator` (tensors in file order, elements row-major); `seed` is
    /// recorded as `quantize.reckon.seed`.
    public static func requantize<G: RandomNumberGenerator>(_ file: GGUFFile, to type: GGMLType,
                                                            stochasticRoundingWith generator: inout G,
                                                            seed: UInt64) -> GGUFWriter {
        var writer = header(file, type, rounding: "stochastic", seed: seed)
        addTensors(file, type, &writer) { StochasticBlockQuantizer.quantize(type, $0, using: &generator) }
        return writer
    }

    private static func header(_ file: GGUFFile, _ type: GGMLType, rounding: String, seed: UInt64?) -> GGUFWriter {
        precondition(targetTypes.contains(type), "GGUFRequantizer writes Q8_0, Q4_0, Q4_1 or MXFP4, not \(type)")
        var writer = GGUFWriter()
        for (key, value) in file.metadata.entries { writer.set(key, value) }
        writer.set("general.quantization_version", .uint32(2))
        writer.set("general.file_type", .uint32(fileType(for: type)))
        writer.set("quantize.reckon.type", .string(type.description))
        writer.set("quantize.reckon.rounding", .string(rounding))
        if let seed { writer.set("quantize.reckon.seed", .uint64(seed)) }
        return writer
    }

    private static func addTensors(_ file: GGUFFile, _ target: GGMLType, _ writer: inout GGUFWriter, encode: ([Float]) -> [UInt8]) {
        for tensor in file.tensors {
            let bytes = file.data(for: tensor)
            var values = [Float](repeating: 0, count: tensor.elementCount)
            if let source = bytes.baseAddress, !values.isEmpty {
                values.withUnsafeMutableBufferPointer {
                    Kernels.dequantize(tensor.type, source, into: $0.baseAddress!, count: tensor.elementCount)
                }
            }
            if isWeightMatrix(tensor) {
                writer.addTensor(name: tensor.name, dimensions: tensor.dimensions, type: target, data: encode(values))
            } else {
                writer.addTensor(name: tensor.name, dimensions: tensor.dimensions, type: .f32,
                                 data: values.withUnsafeBytes { Array($0) })
            }
        }
    }
}
