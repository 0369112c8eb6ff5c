import Foundation
import GGUF
import Numerics
import Random
import Testing
@testable import Model

/// `GGUFRequantizer` on the tiny fixture model: the re-encoded file parses, keeps every tensor and key, its weight
/// matrices decode to within one grid step of the original, and its forward pass stays close to the original's
/// (the error ordered by bits: Q8_0 far below the 4-bit formats).
@Suite struct QuantizedModelTests {
    static func fixture(_ name: String = "tiny_llama.gguf") throws -> GGUFFile {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "fixture", subdirectory: "Fixtures"))
        return try GGUFFile(path: url.path)
    }

    static func decode(_ file: GGUFFile, _ tensor: GGUFTensorInfo) -> [Float] {
        var values = [Float](repeating: .nan, count: tensor.elementCount)
        ReferenceKernels.dequantize(tensor.type, file.data(for: tensor).baseAddress!, into: &values,
                                    count: tensor.elementCount)
        return values
    }

    static func logits(_ file: GGUFFile, _ tokens: [Int]) throws -> [[Float]] {
        let model = try LlamaModel(file: file, pool: WorkerPool(threadCount: 1), activations: .float32)
        return try model.forward(tokens, cache: model.makeCache(capacity: 64), logits: .all)
    }

    static let tokens = [1, 17, 42, 99, 150, 7, 260, 3, 88, 201, 45, 12]

    @Test(arguments: GGUFRequantizer.targetTypes)
    func tensorsAndMetadata(type: GGMLType) throws {
        let original = try Self.fixture()
        let quantized = try GGUFFile(bytes: GGUFRequantizer.requantize(original, to: type).serialize())
        #expect(quantized.tensors.map(\.name) == original.tensors.map(\.name))
        #expect(quantized.tensors.map(\.dimensions) == original.tensors.map(\.dimensions))
        for key in original.metadata.keys where key != "general.file_type" {
            #expect(quantized.metadata[key] == original.metadata[key], "metadata \(key) changed")
        }
        let expectedFileType: [GGMLType: Int] = [.q4_0: 2, .q4_1: 3, .q8_0: 7, .mxfp4: 38]
        #expect(quantized.metadata.int("general.file_type") == expectedFileType[type])
        #expect(quantized.metadata.int("general.quantization_version") == 2)
        #expect(quantized.metadata.string("quantize.reckon.type") == type.description)
        #expect(quantized.dataOffset % quantized.alignment == 0)
        for (old, new) in zip(original.tensors, quantized.tensors) {
            #expect(new.offset % quantized.alignment == 0, "\(new.name) data misaligned")
            let before = Self.decode(original, old), after = Self.decode(quantized, new)
            if old.dimensions.count == 1 {
                #expect(new.type == .f32 && after == before, "\(new.name) must stay exact F32")
                continue
            }
            #expect(new.type == type, "\(new.name) is \(new.type)")
            // Per block: every element within one grid step of the original. The step is d for the integer
            // formats (amax/127, amax/8, range/15) and at most 2·(2^(e−128)) · 2 = amax/2 for MXFP4's 4 → 6 gap.
            for start in stride(from: 0, to: before.count, by: 32) {
                let block = before[start..<(start + 32)]
                let amax = block.map(abs).max()!
                let step: Float = switch type {
                case .q8_0: amax / 127
                case .q4_0: amax / 8
                case .q4_1: (block.max()! - block.min()!) / 15
                default: amax / 2
                }
                for i in start..<(start + 32) {
                    #expect(abs(after[i] - before[i]) <= step * 1.01 + 1e-7, "\(new.name)[\(i)] \(after[i]) vs \(before[i])")
                }
            }
        }
    }

    /// The same file with every tensor decoded to F32 (an independent route through the F32 kernels).
    static func decodedCopy(_ file: GGUFFile) -> GGUFFile {
        var writer = GGUFWriter()
        for (key, value) in file.metadata.entries { writer.set(key, value) }
        for tensor in file.tensors {
            writer.addTensor(name: tensor.name, dimensions: tensor.dimensions, type: .f32,
                             data: decode(file, tensor).withUnsafeBytes { Array($0) })
        }
        return try! GGUFFile(bytes: writer.serialize())
    }

    /// Quantize → load → forward: the quantized model's logits equal (to fp32 accumulation error) those of the same
    /// weights decoded to F32, so the blocks are read and multiplied correctly; and they stay near the original's,
    /// Q8_0 far closer than the 4-bit formats (the tiny random model is very sensitive: max error relative to the
    /// largest logit, measured 0.05 for Q8_0 and 0.57-0.74 for the 4-bit formats).
    @Test func forwardRunsOnTheQuantizedBlocks() throws {
        let original = try Self.fixture()
        let reference = try Self.logits(original, Self.tokens)
        var errors: [GGMLType: Double] = [:]
        for type in GGUFRequantizer.targetTypes {
            let quantized = try GGUFFile(bytes: GGUFRequantizer.requantize(original, to: type).serialize())
            let logits = try Self.logits(quantized, Self.tokens)
            let decoded = try Self.logits(Self.decodedCopy(quantized), Self.tokens)
            let kernelError = zip(logits, decoded).map { TinyModelTests.relativeError($0, $1) }.max()!
            #expect(kernelError < 1e-4, "\(type): quantized vs decoded-F32 forward differ by \(kernelError)")
            errors[type] = zip(logits, reference).map { TinyModelTests.relativeError($0, $1) }.max()!
        }
        #expect(errors[.q8_0]! < 0.1)
        for type: GGMLType in [.q4_0, .q4_1, .mxfp4] {
            #expect(errors[type]! < 1, "\(type) relative logit error \(errors[type]!)")
            #expect(errors[type]! > 3 * errors[.q8_0]!, "\(type) should be coarser than Q8_0")
        }
    }

    /// Stochastic rounding through the whole file: same seed, same bytes; another seed, other bytes; still loads.
    @Test func stochasticFileIsReproducible() throws {
        let original = try Self.fixture()
        func image(_ seed: UInt64) -> [UInt8] {
            var generator = SplitMix(state: seed)
            return GGUFRequantizer.requantize(original, to: .q4_0, stochasticRoundingWith: &generator, seed: seed)
                .serialize()
        }
        let first = image(1)
        #expect(first == image(1))
        #expect(first != image(2))
        let file = try GGUFFile(bytes: first)
        #expect(file.metadata.string("quantize.reckon.rounding") == "stochastic")
        #expect(file.metadata.int("quantize.reckon.seed") == 1)
        let logits = try Self.logits(file, Self.tokens)
        #expect(logits.allSatisfy { $0.allSatisfy(\.isFinite) })
    }

    typealias SplitMix = SplitMix64
}
