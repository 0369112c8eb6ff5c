import Foundation
import Testing
import GGUF
import Numerics
import TestSupport

@Suite struct GGUFRoundTripTests {
    static let everyType: [(String, GGUFValue)] = [
        ("v.u8", .uint8(200)), ("v.i8", .int8(-5)), ("v.u16", .uint16(60000)), ("v.i16", .int16(-300)),
        ("v.u32", .uint32(4_000_000_000)), ("v.i32", .int32(-70000)), ("v.f32", .float32(0.25)),
        ("v.bool", .bool(false)), ("v.string", .string("héllo ✓")), ("v.u64", .uint64(1 << 40)),
        ("v.i64", .int64(-(1 << 40))), ("v.f64", .float64(-1.5e-300)),
        ("v.ints", .array(.int32, [.int32(1), .int32(-2), .int32(3)])),
        ("v.strings", .array(.string, [.string(""), .string("x"), .string("yz")])),
        ("v.nested", .array(.array, [.array(.uint8, [.uint8(1), .uint8(2)]), .array(.uint8, [])])),
        ("v.floats", .array(.float32, [.float32(1.5), .float32(-2)])),
        ("v.empty", .array(.float64, [])),
    ]

    @Test func everyMetadataTypeRoundTrips() throws {
        var w = GGUFWriter()
        for (k, v) in Self.everyType { w.set(k, v) }
        let file = try GGUFFile(bytes: w.serialize())
        #expect(file.version == 3)
        #expect(file.alignment == 32)
        #expect(file.tensors.isEmpty)
        #expect(file.metadata.entries.map(\.key) == Self.everyType.map(\.0))
        #expect(file.metadata.entries.map(\.value) == Self.everyType.map(\.1))
        let m = file.metadata
        #expect(m.int("v.u32") == 4_000_000_000)
        #expect(m.int("v.i8") == -5)
        #expect(m.int("v.string") == nil)
        #expect(m.float("v.f32") == 0.25)
        #expect(m.float("v.i16") == -300)
        #expect(m.bool("v.bool") == false)
        #expect(m.string("v.string") == "héllo ✓")
        #expect(m.stringArray("v.strings") == ["", "x", "yz"])
        #expect(m.intArray("v.ints") == [1, -2, 3])
        #expect(m.floatArray("v.floats") == [1.5, -2])
        #expect(m.stringArray("v.ints") == nil)
        #expect(m["missing"] == nil)
    }

    @Test func tensorsRoundTrip() throws {
        let image = sampleImage()
        let file = try GGUFFile(bytes: image)
        #expect(file.fileSize == image.count)
        #expect(file.tensors.map(\.name) == ["w.f32", "w.q8", "w.q41"])
        let q8 = try #require(file.tensor(named: "w.q8"))
        #expect(q8.dimensions == [32, 2] && q8.type == .q8_0)
        #expect(q8.rowLength == 32 && q8.rowCount == 2 && q8.elementCount == 64 && q8.byteCount == 68)
        #expect(file.tensor(named: "nope") == nil)
        for t in file.tensors {
            #expect((file.dataOffset + t.offset) % file.alignment == 0, "\(t.name) aligned")
        }
        let f32 = Array(file.data(for: file.tensors[0]))
        #expect(f32 == [Float](arrayLiteral: 1, 2, 3, 4, 5, 6, 7, 8).withUnsafeBytes { Array($0) })
        let q8Data = file.data(for: q8)
        #expect(Array(q8Data) == Quantizer.quantize(.q8_0, q8Values))
        var decoded = [Float](repeating: 0, count: 64)
        decoded.withUnsafeMutableBufferPointer {
            ReferenceKernels.dequantize(.q8_0, q8Data.baseAddress!, into: $0.baseAddress!, count: 64)
        }
        #expect(decoded == q8Values)
    }

    @Test func customAlignment() throws {
        var w = sampleWriter()
        w.set("general.alignment", .uint32(64))
        let file = try GGUFFile(bytes: w.serialize())
        #expect(file.alignment == 64)
        #expect(file.dataOffset % 64 == 0)
        for t in file.tensors { #expect(t.offset % 64 == 0) }
        #expect(Array(file.data(for: file.tensors[2])) == Quantizer.quantize(.q4_1, (0..<64).map { Float($0 % 9) - 4 }))
    }

    @Test func version2IsAccepted() throws {
        var image = sampleImage()
        put(UInt32(2), at: 4, in: &image)
        #expect(try GGUFFile(bytes: image).version == 2)
    }

    @Test func writesAndMemoryMaps() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-gguf-\(getpid()).gguf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try sampleWriter().write(to: path)
        let file = try GGUFFile(path: path)
        let inMemory = try GGUFFile(bytes: sampleImage())
        #expect(file.tensors == inMemory.tensors)
        #expect(file.fileSize == inMemory.fileSize)
        #expect(Array(file.data(for: file.tensors[1])) == Array(inMemory.data(for: inMemory.tensors[1])))
    }

    /// Resident loading (read into huge-page-aligned memory) sees exactly the bytes the mapping sees.
    @Test func residentLoadingMatchesTheMapping() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-resident-\(getpid()).gguf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try sampleWriter().write(to: path)
        let mapped = try GGUFFile(path: path), resident = try GGUFFile(path: path, loading: .resident)
        #expect(resident.tensors == mapped.tensors)
        #expect(resident.fileSize == mapped.fileSize)
        #expect(resident.metadata.keys == mapped.metadata.keys)
        for tensor in mapped.tensors {
            #expect(Array(resident.data(for: tensor)) == Array(mapped.data(for: tensor)), "\(tensor.name)")
        }
        let start = Int(bitPattern: resident.data(for: resident.tensors[0]).baseAddress!) - resident.dataOffset
            - resident.tensors[0].offset
        #expect(start % (2 << 20) == 0, "resident bytes start on a 2 MiB boundary")
    }

    @Test func settingAKeyTwiceReplacesIt() throws {
        var w = GGUFWriter()
        w.set("a", .uint8(1))
        w.set("b", .uint8(2))
        w.set("a", .string("x"))
        let file = try GGUFFile(bytes: w.serialize())
        #expect(file.metadata.keys == ["a", "b"])
        #expect(file.metadata.string("a") == "x")
    }

    /// The default model, fetched through TestSupport's `DefaultModel` (facts from the SmolLM2-135M architecture:
    /// 30 blocks, width 576, vocab 49152; every constant below is printed by Scripts/oracle/model_facts.py).
    @Test(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"))
    func readsTheDefaultModel() throws {
        let file = try GGUFFile(path: DefaultModel.require())
        #expect(file.version == 3)
        #expect(file.metadata.string("general.architecture") == "llama")
        #expect(file.metadata.int("llama.block_count") == 30)
        #expect(file.metadata.int("llama.embedding_length") == 576)
        #expect(file.metadata.stringArray("tokenizer.ggml.tokens")?.count == 49152)
        let embedding = try #require(file.tensor(named: "token_embd.weight"))
        #expect(embedding.dimensions == [576, 49152])
        #expect(embedding.type == .q8_0)
        #expect(file.tensors.count == 272)  // 30 × 9 per block + token_embd + output_norm (tied output)
        #expect(file.tensors.filter { $0.type == .q4_1 }.count == 210)
        for t in file.tensors { #expect(file.dataOffset + t.offset + t.byteCount <= file.fileSize) }
    }
}
