import GGUF
import Numerics

/// Parses `bytes` and returns the error it throws (nil if it parses).
func parseError(_ bytes: [UInt8]) -> GGUFError? {
    do {
        _ = try GGUFFile(bytes: bytes)
        return nil
    } catch {
        return error
    }
}

/// Offset of the first occurrence of `needle`'s UTF-8 bytes in `haystack`.
func offset(of needle: String, in haystack: [UInt8]) -> Int {
    let n = Array(needle.utf8)
    for i in 0...(haystack.count - n.count) where Array(haystack[i..<(i + n.count)]) == n { return i }
    fatalError("'\(needle)' not found in test image")
}

func put<T: FixedWidthInteger>(_ value: T, at position: Int, in bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { raw in
        for (i, b) in raw.enumerated() { bytes[position + i] = b }
    }
}

func readU64(_ bytes: [UInt8], at position: Int) -> UInt64 {
    (0..<8).reduce(UInt64(0)) { $0 | (UInt64(bytes[position + $1]) << (8 * UInt64($1))) }
}

/// A small valid file: a few metadata entries and three tensors ("w.f32" F32 [4, 2], "w.q8" Q8_0 [32, 2],
/// "w.q41" Q4_1 [64]).
func sampleImage() -> [UInt8] { sampleWriter().serialize() }

func sampleWriter() -> GGUFWriter {
    var w = GGUFWriter()
    w.set("general.architecture", .string("llama"))
    w.set("flag", .bool(true))
    w.set("count", .uint32(7))
    w.set("names", .array(.string, [.string("a"), .string("bc")]))
    w.addTensor(name: "w.f32", dimensions: [4, 2], type: .f32,
                data: [Float](arrayLiteral: 1, 2, 3, 4, 5, 6, 7, 8).withUnsafeBytes { Array($0) })
    w.addTensor(name: "w.q8", dimensions: [32, 2], type: .q8_0,
                data: Quantizer.quantize(.q8_0, q8Values))
    w.addTensor(name: "w.q41", dimensions: [64], type: .q4_1,
                data: Quantizer.quantize(.q4_1, (0..<64).map { Float($0 % 9) - 4 }))
    return w
}

/// Position of the tensor-info fields of `name` (the name must be unique in the image and not also a key).
struct TensorInfoLayout {
    let nameStart: Int
    let dimensionCount: Int
    let firstDimension: Int
    let type: Int
    let dataOffset: Int

    init(_ name: String, dimensions: Int, in bytes: [UInt8]) {
        nameStart = offset(of: name, in: bytes)
        dimensionCount = nameStart + name.utf8.count
        firstDimension = dimensionCount + 4
        type = firstDimension + 8 * dimensions
        dataOffset = type + 4
    }
}

/// Q8_0 test values: integers with |max| = 127 in each block, so d = 1 and every value is exact.
let q8Values: [Float] = (0..<64).map { Float(($0 % 32) * 8 - 127) }
