import Testing
@testable import Numerics

/// The nearest-rounding GGUF block quantisers against the numpy reference (ties, all-zero blocks, random rows), and
/// MXFP4 decoding against numerics.md T4 and the OCP value rule.
struct BlockQuantizerTests {
    @Test(arguments: [GGMLType.q8_0, .q4_0, .q4_1, .mxfp4])
    func matchesNumpyReference(type: GGMLType) throws {
        let fixture = try QuantizationFixtures.load()
        let cases = try #require(fixture.types[type.description], "no reference cases for \(type)")
        #expect(cases.count >= 10)
        for c in cases {
            let bytes = Quantizer.quantize(type, c.floats)
            #expect(bytes.count == type.rowByteCount(elements: c.values.count))
            if bytes != c.expected {
                let block = zip(bytes, c.expected).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset / type.traits.bytesPerBlock }
                Issue.record("\(type) \(c.case): bytes differ from the numpy reference (first in block \(block ?? -1))")
            }
        }
    }

    /// numerics.md T4's MXFP4 block, decoded by the reference and the C kernels.
    @Test func mxfp4DecodesTheT4Block() {
        let hex = "7ff0e1d2c3b4a5968778695a4b3c2d1e0f"
        let block: [UInt8] = stride(from: 0, to: hex.count, by: 2).map {
            let start = hex.index(hex.startIndex, offsetBy: $0)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
        var reference = [Float](repeating: .nan, count: 32)
        var fast = [Float](repeating: .nan, count: 32)
        block.withUnsafeBytes { src in
            ReferenceKernels.dequantize(.mxfp4, src.baseAddress!, into: &reference, count: 32)
            Kernels.dequantize(.mxfp4, src.baseAddress!, into: &fast, count: 32)
        }
        #expect(Array(reference[0..<8]) == [0, 0.5, 1, 1.5, 2, 3, 4, 6])
        #expect(Array(reference[16..<24]) == [-6, -4, -3, -2, -1.5, -1, -0.5, 0])
        #expect(reference.reduce(0, +) == 0)
        #expect(reference.map { $0 * $0 }.reduce(0, +) == 274)
        #expect(fast.map(\.bitPattern) == reference.map(\.bitPattern))
    }

    /// Every scale byte: the decoded value of code c is E2M1(c) · 2^(e − 127) (OCP), computed here independently.
    @Test func mxfp4ValueRuleForEveryScale() {
        let e2m1: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]
        for e in 0...254 {
            var block = [UInt8](repeating: 0, count: 17)
            block[0] = UInt8(e)
            for j in 0..<16 { block[1 + j] = UInt8(j) | UInt8(15 - j) << 4 }
            var y = [Float](repeating: .nan, count: 32)
            block.withUnsafeBytes { Kernels.dequantize(.mxfp4, $0.baseAddress!, into: &y, count: 32) }
            for j in 0..<16 {
                for (index, code) in [(j, j), (j + 16, 15 - j)] {
                    let magnitude = e2m1[code & 7] * Double(sign: .plus, exponent: e - 127, significand: 1)
                    let expected = Float(code >= 8 ? -magnitude : magnitude)
                    #expect(y[index] == expected, "e \(e) code \(code): \(y[index]) vs \(expected)")
                }
            }
        }
    }
}
