import Foundation
import Testing
import GGUF
import Numerics

/// Every way a file can be bad, each built with GGUFWriter and then corrupted; each error's message is shown
/// (and checked for the offset and the expected/found facts).
@Suite struct GGUFErrorTests {
    func expectError(_ bytes: [UInt8], _ expected: GGUFError, mentions: [String] = [],
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let error = parseError(bytes)
        #expect(error == expected, sourceLocation: sourceLocation)
        if let error {
            print("GGUFError: \(error)")
            for text in mentions {
                #expect(error.description.contains(text), "message lacks '\(text)': \(error)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func wrongMagic() {
        var image = sampleImage()
        image[0] = UInt8(ascii: "X")
        expectError(image, .badMagic(found: [0x58, 0x47, 0x55, 0x46], offset: 0), mentions: ["GGUF", "byte 0", "58 47 55 46"])
    }

    @Test(arguments: [UInt32(1), 4, 0x0300_0000])
    func unsupportedVersion(version: UInt32) {
        var image = sampleImage()
        put(version, at: 4, in: &image)
        expectError(image, .unsupportedVersion(version, offset: 4), mentions: ["version \(version)", "expected 2 or 3"])
    }

    @Test func truncatedHeader() {
        expectError(Array(sampleImage()[0..<2]), .truncated(what: "header (magic)", offset: 0, needed: 4, available: 2))
        expectError(Array(sampleImage()[0..<12]), .truncated(what: "header (tensor count)", offset: 8, needed: 8, available: 4),
                    mentions: ["byte 8", "needed 8 bytes, only 4 left"])
        expectError([], .truncated(what: "header (magic)", offset: 0, needed: 4, available: 0))
    }

    @Test func truncatedInKeyStringArrayAndTensorInfo() {
        // One long key with a long string value, so a cut lands inside them while the header counts stay plausible.
        var w = GGUFWriter()
        let longKey = "general.a.rather.long.key.name.for.truncation.tests"
        let longValue = String(repeating: "v", count: 100)
        w.set(longKey, .string(longValue))
        let single = w.serialize()
        let key = offset(of: longKey, in: single)
        expectError(Array(single[0..<(key + 20)]),
                    .countTooLarge(what: "length of metadata key #0", count: UInt64(longKey.utf8.count), offset: key - 8,
                                   minimumBytes: UInt64(longKey.utf8.count), available: 20),
                    mentions: ["metadata key #0"])
        let value = offset(of: longValue, in: single)
        expectError(Array(single[0..<(value - 2)]),
                    .truncated(what: "length of string value of '\(longKey)'", offset: value - 8, needed: 8, available: 6))
        let image = sampleImage()
        let arrayElement = offset(of: "bc", in: image)
        expectError(Array(image[0..<(arrayElement - 1)]),
                    .truncated(what: "length of string value of 'names'", offset: arrayElement - 8, needed: 8, available: 7),
                    mentions: ["'names'"])
        let tensor = TensorInfoLayout("w.q8", dimensions: 2, in: image)
        expectError(Array(image[0..<(tensor.type + 2)]),
                    .truncated(what: "type of tensor 'w.q8'", offset: tensor.type, needed: 4, available: 2),
                    mentions: ["type of tensor 'w.q8'", "byte \(tensor.type)"])
    }

    @Test func truncatedData() throws {
        let image = sampleImage()
        let file = try GGUFFile(bytes: image)
        let last = file.tensors[2]
        let layout = TensorInfoLayout("w.q41", dimensions: 1, in: image)
        expectError(Array(image.dropLast(1)),
                    .tensorOutOfBounds(tensor: "w.q41", dataOffset: UInt64(last.offset), byteCount: last.byteCount,
                                       dataSectionSize: image.count - 1 - file.dataOffset, offset: layout.nameStart - 8),
                    mentions: ["'w.q41'", "truncated"])
    }

    /// Every strict prefix of a valid file must be rejected with an error, never a crash.
    @Test func everyPrefixIsRejected() {
        let image = sampleImage()
        for length in 0..<image.count {
            #expect(parseError(Array(image[0..<length])) != nil, "prefix of \(length) bytes parsed")
        }
    }

    @Test func unknownMetadataValueType() {
        var image = sampleImage()
        let typeAt = offset(of: "count", in: image) + 5
        put(UInt32(13), at: typeAt, in: &image)
        expectError(image, .unknownValueType(13, key: "count", offset: typeAt), mentions: ["type 13", "'count'", "0...12"])
    }

    @Test func unknownArrayElementType() {
        var image = sampleImage()
        let typeAt = offset(of: "names", in: image) + 5 + 4
        put(UInt32(99), at: typeAt, in: &image)
        expectError(image, .unknownValueType(99, key: "names", offset: typeAt))
    }

    @Test func unknownTensorType() {
        var image = sampleImage()
        let t = TensorInfoLayout("w.q8", dimensions: 2, in: image)
        put(UInt32(6), at: t.type, in: &image)  // Q5_0: valid in ggml, unsupported here
        expectError(image, .unknownTensorType(6, tensor: "w.q8", offset: t.type), mentions: ["type id 6", "Q4_1 (3)"])
    }

    @Test func tensorOffsetPastEnd() throws {
        var image = sampleImage()
        let t = TensorInfoLayout("w.f32", dimensions: 2, in: image)
        let dataSize = try GGUFFile(bytes: image).fileSize - GGUFFile(bytes: image).dataOffset
        put(UInt64(1 << 20), at: t.dataOffset, in: &image)
        expectError(image, .tensorOutOfBounds(tensor: "w.f32", dataOffset: 1 << 20, byteCount: 32,
                                              dataSectionSize: dataSize, offset: t.nameStart - 8),
                    mentions: ["1048576..<1048608", "holds only \(dataSize) bytes"])
        put(UInt64.max - 31, at: t.dataOffset, in: &image)
        #expect(parseError(image) != nil)
    }

    @Test func misalignedTensorOffset() {
        var image = sampleImage()
        let t = TensorInfoLayout("w.q8", dimensions: 2, in: image)
        put(UInt64(36), at: t.dataOffset, in: &image)
        expectError(image, .misalignedTensor(tensor: "w.q8", dataOffset: 36, alignment: 32, offset: t.dataOffset),
                    mentions: ["offset 36", "alignment 32"])
    }

    @Test func absurdStringLength() {
        var image = sampleImage()
        let lengthAt = offset(of: "llama", in: image) - 8
        put(UInt64(1) << 40, at: lengthAt, in: &image)
        expectError(image, .countTooLarge(what: "length of string value of 'general.architecture'", count: 1 << 40,
                                          offset: lengthAt, minimumBytes: 1 << 40, available: image.count - lengthAt - 8),
                    mentions: ["1099511627776", "corrupt"])
    }

    @Test func absurdArrayCount() {
        var image = sampleImage()
        let countAt = offset(of: "names", in: image) + 5 + 4 + 4
        put(UInt64.max / 2, at: countAt, in: &image)
        expectError(image, .countTooLarge(what: "array length of 'names'", count: UInt64.max / 2, offset: countAt,
                                          minimumBytes: UInt64.max, available: image.count - countAt - 8))
    }

    @Test func absurdHeaderCounts() {
        var image = sampleImage()
        put(UInt64(1) << 50, at: 16, in: &image)
        expectError(image, .countTooLarge(what: "metadata entry count", count: 1 << 50, offset: 16,
                                          minimumBytes: 13 << 50, available: image.count - 24))
        image = sampleImage()
        put(UInt64(1) << 33, at: 8, in: &image)
        expectError(image, .countTooLarge(what: "tensor count", count: 1 << 33, offset: 8,
                                          minimumBytes: 24 << 33, available: image.count - 24), mentions: ["tensor count"])
    }

    @Test func dimensionOverflowAndZero() {
        var image = sampleImage()
        let t = TensorInfoLayout("w.f32", dimensions: 2, in: image)
        put(UInt64(1) << 40, at: t.firstDimension, in: &image)
        put(UInt64(1) << 40, at: t.firstDimension + 8, in: &image)
        expectError(image, .invalidDimensions([1 << 40, 1 << 40], tensor: "w.f32", offset: t.dimensionCount),
                    mentions: ["[1099511627776, 1099511627776]"])
        image = sampleImage()
        put(UInt64(0), at: t.firstDimension + 8, in: &image)
        expectError(image, .invalidDimensions([4, 0], tensor: "w.f32", offset: t.dimensionCount))
    }

    @Test func tooManyDimensions() {
        var image = sampleImage()
        let t = TensorInfoLayout("w.f32", dimensions: 2, in: image)
        put(UInt32(5), at: t.dimensionCount, in: &image)
        expectError(image, .tooManyDimensions(5, tensor: "w.f32", offset: t.dimensionCount), mentions: ["at most 4"])
    }

    @Test func rowNotMultipleOfBlock() {
        var image = sampleImage()
        let t = TensorInfoLayout("w.f32", dimensions: 2, in: image)
        put(GGMLType.q8_0.rawValue, at: t.type, in: &image)
        expectError(image, .rowNotBlockMultiple(rowLength: 4, blockSize: 32, type: "Q8_0", tensor: "w.f32",
                                                offset: t.dimensionCount), mentions: ["multiple of the block size 32"])
    }

    @Test func duplicateKey() {
        var w = GGUFWriter()
        w.set("aaa", .uint8(1))
        w.set("aab", .uint8(2))
        var image = w.serialize()
        let second = offset(of: "aab", in: image)
        image[second + 2] = UInt8(ascii: "a")
        expectError(image, .duplicateKey("aaa", offset: second - 8), mentions: ["'aaa'"])
    }

    @Test func duplicateTensorName() {
        var w = GGUFWriter()
        w.addTensor(name: "t1", dimensions: [1], type: .f32, data: [0, 0, 0, 0])
        w.addTensor(name: "t2", dimensions: [1], type: .f32, data: [0, 0, 0, 0])
        var image = w.serialize()
        let second = offset(of: "t2", in: image)
        image[second + 1] = UInt8(ascii: "1")
        expectError(image, .duplicateTensor("t1", offset: second - 8), mentions: ["'t1'"])
    }

    @Test func invalidBool() {
        var image = sampleImage()
        let valueAt = offset(of: "flag", in: image) + 4 + 4
        image[valueAt] = 2
        expectError(image, .invalidBool(2, key: "flag", offset: valueAt))
    }

    @Test func invalidUTF8() {
        var image = sampleImage()
        let at = offset(of: "llama", in: image)
        image[at] = 0xFF
        expectError(image, .invalidUTF8(what: "string value of 'general.architecture'", offset: at), mentions: ["UTF-8"])
    }

    @Test func nestingTooDeep() {
        var value = GGUFValue.array(.uint8, [])
        for _ in 0..<9 { value = .array(.array, [value]) }
        var w = GGUFWriter()
        w.set("deep", value)
        let image = w.serialize()
        let valueAt = offset(of: "deep", in: image) + 4 + 4
        // Each level is element type (4) + count (8) before its first element.
        expectError(image, .nestingTooDeep(key: "deep", depth: 8, offset: valueAt + 8 * 12))
    }

    @Test func invalidAlignment() {
        var w = sampleWriter()
        w.set("general.alignment", .uint32(3))
        var image = w.serialize()
        // The writer would not lay out data for alignment 3 sensibly, but the reader must reject it first.
        let valueAt = offset(of: "general.alignment", in: image) + 17 + 4
        expectError(image, .invalidAlignment("3", offset: valueAt), mentions: ["power-of-two"])
        w.set("general.alignment", .string("32"))
        image = w.serialize()
        expectError(image, .invalidAlignment("a value of type string", offset: valueAt))
    }

    @Test func cannotOpen() {
        #expect(throws: GGUFError.cannotOpen(path: "/nonexistent/x.gguf", reason: "No such file or directory (errno 2)")) {
            try GGUFFile(path: "/nonexistent/x.gguf")
        }
        #expect(throws: GGUFError.cannotOpen(path: "/tmp", reason: "not a regular file")) { try GGUFFile(path: "/tmp") }
        #expect(throws: GGUFError.cannotOpen(path: "/nonexistent/x.gguf", reason: "No such file or directory (errno 2)")) {
            try GGUFFile(path: "/nonexistent/x.gguf", loading: .resident)
        }
    }

    @Test func emptyFileOnDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-empty-\(getpid()).gguf").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GGUFError.truncated(what: "header (magic)", offset: 0, needed: 4, available: 0)) {
            try GGUFFile(path: path)
        }
        #expect(throws: GGUFError.truncated(what: "header (magic)", offset: 0, needed: 4, available: 0)) {
            try GGUFFile(path: path, loading: .resident)
        }
    }

    @Test func metadataLookupErrors() throws {
        let file = try GGUFFile(bytes: sampleImage())
        let m = file.metadata
        #expect(try m.requireString("general.architecture") == "llama")
        #expect(try m.requireInt("count") == 7)
        #expect(try m.requireFloat("count") == 7)
        #expect(try m.requireBool("flag"))
        #expect(try m.requireStringArray("names") == ["a", "bc"])
        let countValue = try #require(m.valueOffset("count"))
        #expect(throws: GGUFError.missingKey("llama.block_count")) { try m.requireInt("llama.block_count") }
        #expect(throws: GGUFError.wrongType(key: "count", expected: "string", found: "uint32", offset: countValue)) {
            try m.requireString("count")
        }
        #expect(throws: GGUFError.wrongType(key: "names", expected: "an integer", found: "array<string>",
                                            offset: m.valueOffset("names")!)) { try m.requireInt("names") }
        print(GGUFError.missingKey("llama.block_count"))
        print(GGUFError.wrongType(key: "count", expected: "string", found: "uint32", offset: countValue))
        #expect(GGUFError.missingKey("x").description.contains("'x' is missing"))
    }

    /// Random byte corruption of the header and directory: parsing must succeed or throw, never crash or hang.
    @Test func randomCorruptionNeverCrashes() throws {
        let image = sampleImage()
        let directoryEnd = try GGUFFile(bytes: image).dataOffset
        let seed: UInt64 = 2024
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var rejected = 0
        for _ in 0..<3000 {
            var corrupted = image
            for _ in 0..<(1 + next() % 3) {
                corrupted[next() % directoryEnd] = UInt8(truncatingIfNeeded: next())
            }
            if parseError(corrupted) != nil { rejected += 1 }
        }
        #expect(rejected > 0, "seed \(seed): corruption was never detected")
    }
}
