// Fuzz target `gguf`: GGUFFile(bytes:) on arbitrary bytes. A parse either throws a GGUFError (whose message is
// rendered) or yields a file whose every metadata accessor and every tensor's bytes are then read; AddressSanitizer
// catches a read outside the image, and the directory invariants the reader promises are checked.

import GGUF
import Numerics

func fuzzSetUp() {}

func fuzzOne(_ bytes: [UInt8]) {
    let file: GGUFFile
    do {
        file = try GGUFFile(bytes: bytes)
    } catch {
        fuzzRequire(!error.description.isEmpty, "empty GGUFError message")
        return
    }
    fuzzRequire(file.alignment > 0 && file.alignment & (file.alignment - 1) == 0, "alignment \(file.alignment)")
    fuzzRequire(file.dataOffset % file.alignment == 0, "data offset \(file.dataOffset) not aligned")
    let metadata = file.metadata
    for (key, value) in metadata.entries {
        _ = value.typeDescription
        _ = metadata.string(key); _ = metadata.int(key); _ = metadata.float(key); _ = metadata.bool(key)
        _ = metadata.stringArray(key); _ = metadata.intArray(key); _ = metadata.floatArray(key)
        _ = try? metadata.requireString(key); _ = try? metadata.requireInt(key)
        _ = try? metadata.requireFloat(key); _ = try? metadata.requireBool(key)
        do { _ = try metadata.requireStringArray(key) } catch { _ = error.description }
        fuzzRequire(metadata.valueOffset(key).map { $0 >= 0 && $0 <= bytes.count } ?? false, "value offset of \(key)")
    }
    for tensor in file.tensors {
        fuzzRequire(file.tensor(named: tensor.name) == tensor, "tensor lookup of \(tensor.name)")
        fuzzRequire(tensor.offset % file.alignment == 0, "tensor \(tensor.name) offset \(tensor.offset) misaligned")
        fuzzRequire(file.dataOffset + tensor.offset + tensor.byteCount <= file.fileSize,
                    "tensor \(tensor.name) ends past the file")
        let data = file.data(for: tensor)
        fuzzRequire(data.count == tensor.byteCount, "tensor \(tensor.name) byte count")
        if let first = data.first, let last = data.last { fuzzSink &+= Int(first) &+ Int(last) }
        _ = tensor.rowByteCount
    }
}

nonisolated(unsafe) var fuzzSink = 0

// MARK: - Seeds

func fuzzSeeds() -> [(name: String, bytes: [UInt8])] {
    var seeds: [(name: String, bytes: [UInt8])] = []
    seeds.append(("empty-v3.gguf", GGUFWriter().serialize()))

    var metadata = GGUFWriter()
    metadata.set("general.architecture", .string("llama"))
    metadata.set("general.alignment", .uint32(64))
    metadata.set("u8", .uint8(1)); metadata.set("i8", .int8(-1)); metadata.set("u16", .uint16(2))
    metadata.set("i16", .int16(-2)); metadata.set("u32", .uint32(3)); metadata.set("i32", .int32(-3))
    metadata.set("f32", .float32(0.5)); metadata.set("flag", .bool(true)); metadata.set("u64", .uint64(4))
    metadata.set("i64", .int64(-4)); metadata.set("f64", .float64(-0.25))
    metadata.set("names", .array(.string, [.string("a"), .string("Ġb")]))
    metadata.set("nested", .array(.array, [.array(.int32, [.int32(1), .int32(2)])]))
    seeds.append(("metadata.gguf", metadata.serialize()))

    var tensors = GGUFWriter()
    tensors.set("tokenizer.ggml.model", .string("gpt2"))
    tensors.set("tokenizer.ggml.tokens", .array(.string, [.string("a"), .string("b"), .string("ab")]))
    tensors.set("tokenizer.ggml.merges", .array(.string, [.string("a b")]))
    tensors.addTensor(name: "w.f32", dimensions: [4, 2], type: .f32, data: [UInt8](repeating: 0, count: 32))
    tensors.addTensor(name: "w.f16", dimensions: [3], type: .f16, data: [UInt8](repeating: 0x3C, count: 6))
    tensors.addTensor(name: "w.q8", dimensions: [32, 2], type: .q8_0, data: [UInt8](repeating: 1, count: 68))
    tensors.addTensor(name: "w.q40", dimensions: [32], type: .q4_0, data: [UInt8](repeating: 2, count: 18))
    tensors.addTensor(name: "w.q41", dimensions: [32, 1, 1, 2], type: .q4_1, data: [UInt8](repeating: 3, count: 40))
    seeds.append(("tensors.gguf", tensors.serialize()))

    // Hostile: absurd counts, dimensions and offsets (each must be a clear GGUFError, never a trap).
    seeds.append(("huge-tensor-count.gguf", rawHeader(tensorCount: UInt64.max, kvCount: 0)))
    seeds.append(("huge-kv-count.gguf", rawHeader(tensorCount: 0, kvCount: 1 << 62)))
    seeds.append(("huge-dimensions.gguf", rawTensor(dimensions: [UInt64(Int.max), 2, 2, 2], type: 0, offset: 0)))
    seeds.append(("zero-dimension.gguf", rawTensor(dimensions: [0], type: 0, offset: 0)))
    seeds.append(("huge-offset.gguf", rawTensor(dimensions: [8], type: 0, offset: UInt64.max - 31)))
    seeds.append(("five-dimensions.gguf", rawTensor(dimensions: [1, 1, 1, 1, 1], type: 0, offset: 0)))
    seeds.append(("huge-string.gguf", rawHeader(tensorCount: 0, kvCount: 1) + le(UInt64.max) + [0x61]))
    return seeds
}

private func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

private func rawHeader(tensorCount: UInt64, kvCount: UInt64) -> [UInt8] {
    Array("GGUF".utf8) + le(UInt32(3)) + le(tensorCount) + le(kvCount)
}

private func rawTensor(dimensions: [UInt64], type: UInt32, offset: UInt64) -> [UInt8] {
    var bytes = rawHeader(tensorCount: 1, kvCount: 0) + le(UInt64(1)) + Array("t".utf8)
    bytes += le(UInt32(dimensions.count))
    for d in dimensions { bytes += le(d) }
    bytes += le(type) + le(offset)
    bytes += [UInt8](repeating: 0, count: 64)
    return bytes
}
