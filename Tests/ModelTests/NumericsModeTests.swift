import Foundation
import GGUF
import Numerics
import Testing
@testable import Engine
@testable import Model

/// Inference modes (``NumericsMode``) on the tiny fixture model: weights re-encoded as the independent numpy /
/// ml-dtypes reference does (Scripts/oracle/weight_modes_reference.py → Fixtures/weight_modes.json), activation and
/// KV rounding where the forward pass applies them, and L-Mul products and attention against scalar L-Mul.
@Suite struct NumericsModeTests {
    struct WeightGolden: Decodable {
        let rows: [Int]
        let formats: [String: [String: [[UInt32]]]]
    }

    static let untied = "tiny_llama.gguf"

    static func load(_ mode: NumericsMode, threads: Int = 2) throws -> LlamaModel {
        let url = try #require(Bundle.module.url(forResource: untied, withExtension: "fixture", subdirectory: "Fixtures"))
        return try LlamaModel(file: try GGUFFile(path: url.path), pool: WorkerPool(threadCount: threads), numerics: mode)
    }

    static func row(_ matrix: WeightMatrix, _ r: Int) -> [Float] {
        var out = [Float](repeating: .nan, count: matrix.cols)
        out.withUnsafeMutableBufferPointer { matrix.dequantizeRow(r, into: $0.baseAddress!) }
        return out
    }

    static let tokens = [1, 72, 101, 108, 108, 111, 44, 32, 119, 111, 114, 108, 100]

    @Test func reencodedWeightsMatchTheReference() throws {
        let url = try #require(Bundle.module.url(forResource: "weight_modes", withExtension: "json", subdirectory: "Fixtures"))
        let golden = try JSONDecoder().decode(WeightGolden.self, from: Data(contentsOf: url))
        #expect(golden.formats.count == 20)
        for (name, tensors) in golden.formats.sorted(by: { $0.key < $1.key }) {
            let format = try #require(NumberFormat(name: name))
            let model = try Self.load(NumericsMode(weights: format, activations: .float32))
            let matrices: [String: WeightMatrix] = [
                "token_embd.weight": model.tokenEmbedding, "blk.0.attn_q.weight": model.layers[0].query,
                "blk.0.ffn_down.weight": model.layers[0].down, "output.weight": model.output,
            ]
            #expect(Set(matrices.keys) == Set(tensors.keys))
            for (tensor, rows) in tensors {
                let matrix = try #require(matrices[tensor])
                for (index, r) in golden.rows.enumerated() {
                    let got = Self.row(matrix, r).map(\.bitPattern)
                    let differing = zip(got, rows[index]).filter { $0 != $1 }.count
                    #expect(differing == 0, "\(name) \(tensor) row \(r): \(differing) of \(got.count) values differ")
                }
            }
        }
    }

    /// `--weights fp32` (or `f32`) keeps the stored matrices: the same bytes and bit-identical logits.
    @Test func fp32WeightsAreThePlainPath() throws {
        let plain = try TinyModelTests.load(Self.untied, activations: .float32)
        let mode = try Self.load(NumericsMode(weights: try NumberFormat(parsing: "f32", role: "weights"), activations: .float32))
        #expect(mode.layers[0].query.type == plain.layers[0].query.type && mode.output.type == plain.output.type)
        #expect(mode.layers[0].query.storage == nil && mode.tokenEmbedding.storage == nil)
        let a = try plain.forward(Self.tokens, cache: plain.makeCache(capacity: 32), logits: .all)
        let b = try mode.forward(Self.tokens, cache: mode.makeCache(capacity: 32), logits: .all)
        #expect(a.map { $0.map(\.bitPattern) } == b.map { $0.map(\.bitPattern) })
    }

    /// fp16/bf16 and the GGUF block types are stored in their real GGUF type; the rest as F32.
    @Test func storageTypes() throws {
        let expected: [String: GGMLType] = ["bf16": .bf16, "fp16": .f16, "q4_0": .q4_0, "q8_0": .q8_0, "mxfp4": .f32,
                                            "ternary": .f32]
        for (name, type) in expected {
            let model = try Self.load(NumericsMode(weights: try NumberFormat(parsing: name, role: "weights")))
            #expect(model.layers[1].gate.type == type && model.tokenEmbedding.type == type, "\(name)")
        }
    }

    /// Keys and values are rounded where they enter the cache: layer 0's rows (which no rounding upstream changes)
    /// are the fp32 model's rows rounded to the format, and every later layer's rows are values of the format.
    @Test(arguments: ["fp8-e4m3", "mxfp4", "int8"])
    func kvRowsAreRoundedInTheCache(name: String) throws {
        let format = try NumberFormat(parsing: name, role: "kv")
        let plain = try Self.load(NumericsMode(activations: .float32))
        let rounded = try Self.load(NumericsMode(activations: .float32, kv: format))
        let plainCache = plain.makeCache(capacity: 32), roundedCache = rounded.makeCache(capacity: 32)
        _ = try plain.forward(Self.tokens, cache: plainCache, logits: .none)
        _ = try rounded.forward(Self.tokens, cache: roundedCache, logits: .none)
        let kvDim = plain.hyper.kvDimension
        func rowOf(_ pointer: UnsafeMutablePointer<Float>) -> [Float] { Array(UnsafeBufferPointer(start: pointer, count: kvDim)) }
        var changed = false
        for position in Self.tokens.indices {
            let p = plainCache.slot(layer: 0, position: position), r = roundedCache.slot(layer: 0, position: position)
            #expect(rowOf(r.key) == (try format.rounded(rowOf(p.key), rowLength: kvDim)), "\(name) key \(position)")
            #expect(rowOf(r.value) == (try format.rounded(rowOf(p.value), rowLength: kvDim)), "\(name) value \(position)")
            changed = changed || rowOf(r.key) != rowOf(p.key)
            let later = roundedCache.slot(layer: 1, position: position)
            if name != "int8" {  // int8 re-rounding changes the scale; fp8 and MX rounding are idempotent
                #expect(rowOf(later.value) == (try format.rounded(rowOf(later.value), rowLength: kvDim)))
            }
        }
        #expect(changed)
    }

    /// A product with an activation format equals the fp32 product of the input rounded to that format.
    @Test(arguments: ["fp8-e5m2", "mxfp6", "nvfp4", "int4-g32"])
    func activationsAreRoundedBeforeProducts(name: String) throws {
        let format = try NumberFormat(parsing: name, role: "activations")
        let model = try Self.load(.default)
        let matrix = model.layers[0].gate  // Q4_1, 64 columns
        let batch = 3
        var rng = SystemRandomNumberGenerator()
        let input = (0..<batch * matrix.cols).map { _ in Float.random(in: -2...2, using: &rng) }
        var expectedInput = [Float]()
        for b in 0..<batch {
            expectedInput += try format.rounded(Array(input[b * matrix.cols..<(b + 1) * matrix.cols]), rowLength: matrix.cols)
        }
        #expect(expectedInput != input)
        for schedule in [ProductSchedule.perToken, .tiled] {
            var got = [Float](repeating: 0, count: batch * matrix.rows)
            var expected = got
            input.withUnsafeBufferPointer { x in
                got.withUnsafeMutableBufferPointer { y in
                    model.pool.run([MatrixProduct(matrix, input: x.baseAddress!, output: y.baseAddress!)], batch: batch,
                                   numerics: NumericsMode(activationFormat: format), schedule: schedule)
                }
            }
            expectedInput.withUnsafeBufferPointer { x in
                expected.withUnsafeMutableBufferPointer { y in
                    model.pool.run([MatrixProduct(matrix, input: x.baseAddress!, output: y.baseAddress!)], batch: batch,
                                   numerics: NumericsMode(activations: .float32), schedule: schedule)
                }
            }
            #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "\(name) \(schedule)")
        }
    }

    /// Every product with `--matmul lmul:m=M`: each output is `Kernels.lmulDot` of the fp32 weight row and the input
    /// (the same order; `lmulDot` itself is tested against scalar L-Mul in NumericsTests), for stored Q4_1 rows and
    /// rows prepared (pre-rounded F32) for L-Mul, in both schedules.
    @Test(arguments: [3, 23])
    func lmulProductsAreRowDots(m: Int) throws {
        let model = try Self.load(.default)
        let stored = model.layers[0].down  // Q4_1, 96 columns
        let prepared = stored.preparedForLMul(mantissaBits: m)
        #expect(prepared.type == .f32 && prepared.roundedToMantissaBits == m)
        let batch = 2
        var rng = SystemRandomNumberGenerator()
        let input = (0..<batch * stored.cols).map { _ in Float.random(in: -2...2, using: &rng) }
        var expected = [Float](repeating: 0, count: batch * stored.rows)
        for r in 0..<stored.rows {
            let w = Self.row(stored, r)
            for b in 0..<batch {
                expected[b * stored.rows + r] = Kernels.lmulDot(w, Array(input[b * stored.cols..<(b + 1) * stored.cols]),
                                                                 mantissaBits: m)
            }
        }
        for matrix in [stored, prepared] {
            for schedule in [ProductSchedule.perToken, .tiled] {
                var got = [Float](repeating: 0, count: batch * stored.rows)
                input.withUnsafeBufferPointer { x in
                    got.withUnsafeMutableBufferPointer { y in
                        model.pool.run([MatrixProduct(matrix, input: x.baseAddress!, output: y.baseAddress!)],
                                       batch: batch, numerics: NumericsMode(matmul: .lmul(mantissaBits: m)),
                                       schedule: schedule)
                    }
                }
                #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "m=\(m) \(matrix.type) \(schedule)")
            }
        }
    }

    /// L-Mul attention over two segments against the documented order, written with scalar L-Mul for the weighted sum.
    @Test(arguments: [3, 23])
    func lmulAttentionFollowsTheDocumentedOrder(m: Int) {
        let hd = 16, kvDim = 32, kvHead = 1, positions = 7
        var rng = SystemRandomNumberGenerator()
        let keys = (0..<positions * kvDim).map { _ in Float.random(in: -1...1, using: &rng) }
        let values = (0..<positions * kvDim).map { _ in Float.random(in: -1...1, using: &rng) }
        let query = (0..<hd).map { _ in Float.random(in: -2...2, using: &rng) }
        var expected = [Float](repeating: 0, count: hd)
        var scores = (0..<positions).map { n in
            Kernels.lmulDot(query, Array(keys[n * kvDim + kvHead * hd..<n * kvDim + kvHead * hd + hd]), mantissaBits: m)
                * (1 / Float(hd).squareRoot())
        }
        let top = scores.max()!
        var total: Float = 0
        for n in 0..<positions { scores[n] = expf(scores[n] - top); total += scores[n] }
        let inverse = 1 / total
        for n in 0..<positions {
            for i in 0..<hd {
                expected[i] += LMul.multiply(scores[n] * inverse, values[n * kvDim + kvHead * hd + i], mantissaBits: m)
            }
        }
        keys.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in
                let split = 3  // two segments: positions 0..<3 and 3..<7
                let segments = AttentionSegments([
                    KVCache.Segment(start: 0, count: split, keys: k.baseAddress!, values: v.baseAddress!),
                    KVCache.Segment(start: split, count: positions - split, keys: k.baseAddress! + split * kvDim,
                                    values: v.baseAddress! + split * kvDim),
                ])
                var out = [Float](repeating: .nan, count: hd)
                var scratch = [Float](repeating: 0, count: positions)
                attendOneHead(query: query, segments: segments, positions: positions, kvHead: kvHead, headDimension: hd,
                              kvDimension: kvDim, scores: &scratch, output: &out, multiplier: .lmul(mantissaBits: m))
                #expect(out.map(\.bitPattern) == expected.map(\.bitPattern), "m=\(m)")
            }
        }
    }

    /// With L-Mul in every product and in attention each row's arithmetic no longer depends on the batch: the
    /// batched prefill gives bit for bit the logits of token-by-token decoding.
    @Test func lmulModelIsBatchInvariant() throws {
        let model = try Self.load(NumericsMode(weights: .block(.mxfp4), kv: .element(.fp8E4M3),
                                               matmul: .lmul(mantissaBits: 3), attention: .lmul(mantissaBits: 3)))
        let full = try model.forward(Self.tokens, cache: model.makeCache(capacity: 32), logits: .all)
        let cache = model.makeCache(capacity: 32)
        for (position, token) in Self.tokens.enumerated() {
            let step = try model.forward([token], cache: cache, logits: .last)[0]
            #expect(step.map(\.bitPattern) == full[position].map(\.bitPattern), "position \(position)")
            #expect(step.allSatisfy { $0.isFinite })
        }
        let plain = try Self.load(NumericsMode(activations: .float32))
        let reference = try plain.forward(Self.tokens, cache: plain.makeCache(capacity: 32), logits: .all)
        #expect(reference.last! != full.last!)
    }

    @Test func shapesThatDoNotFitAreRefused() throws {
        #expect(throws: ModelError.self) { try Self.load(NumericsMode(weights: .integer(bits: 4, groupSize: 48))) }
        #expect(throws: ModelError.self) { try Self.load(NumericsMode(kv: .integer(bits: 8, groupSize: 64))) }
        #expect(throws: ModelError.self) { try Self.load(NumericsMode(activationFormat: .integer(bits: 8, groupSize: 40))) }
        do {
            _ = try Self.load(NumericsMode(kv: .block(.mxfp4), matmul: .exact))
        } catch { Issue.record("mxfp4 KV rows of 32 fit: \(error)") }
    }

    @Test func descriptionAndEngineIdentity() throws {
        #expect(NumericsMode.default.description == "")
        #expect(NumericsMode(activations: .float32).description == "float32 activations")
        let mode = NumericsMode(weights: .block(.mxfp4), activationFormat: .element(.fp8E4M3), kv: .element(.fp8E5M2),
                                matmul: .lmul(mantissaBits: 3), attention: .lmul(mantissaBits: 4))
        #expect(mode.activations == .float32)
        #expect(mode.description
                == "mxfp4 weights, fp8-e4m3 activations, fp8-e5m2 kv, lmul:m=3 matmul, lmul:m=4 attention")
        #expect(mode.bitsPerWeight == 4.25 && mode.bitsPerActivation == 8 && mode.bitsPerKVElement == 8)
        #expect(NumericsMode.default.bitsPerWeight == nil && NumericsMode.default.bitsPerKVElement == 32)
        let int16 = try NumericsMode.parseActivations("int16")
        #expect(int16.precision == .int16 && int16.format == .float32)
        let fp32 = try NumericsMode.parseActivations("fp32")
        #expect(fp32.precision == .float32 && fp32.format == .float32)
        let mxfp8 = try NumericsMode.parseActivations("mxfp8")
        #expect(mxfp8.precision == .float32 && mxfp8.format == .block(.mxfp8E4M3))
        #expect(throws: NumericsError.self) { try NumericsMode.parseActivations("int17") }

        let url = try #require(Bundle.module.url(forResource: Self.untied, withExtension: "fixture", subdirectory: "Fixtures"))
        let engine = try LocalEngine(path: url.path, threads: 1, contextLength: 32, numerics: mode)
        #expect(engine.modelIdentifier.hasSuffix(", " + mode.description))
        let plain = try LocalEngine(path: url.path, threads: 1, contextLength: 32, activations: .float32)
        #expect(plain.modelIdentifier.hasSuffix(" bytes), float32 activations"))
        #expect(try LocalEngine(path: url.path, threads: 1, contextLength: 32).modelIdentifier.hasSuffix(" bytes)"))
    }
}
