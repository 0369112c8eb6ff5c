import Testing
import Numerics

/// Golden values: the "T4" blocks (hex block bytes) and their exact decoded values, sums and sums of squares, printed
/// by Scripts/oracle/dequant_reference.py (numpy, written from ggml's dequantize_row_* definitions).
@Suite struct ReferenceKernelsTests {
    struct Vector: Sendable, CustomStringConvertible {
        let type: GGMLType
        let hex: String
        let expected: [(Int, [Float])]
        let sum: Double
        let sumOfSquares: Double
        var description: String { type.description }
    }

    static let q4_kHex = "003800348182c34440c50acf41281ff1"
        + String(repeating: "30a11283f465d647b8299a0b7ced5ecf", count: 8)

    static let vectors: [Vector] = [
        Vector(type: .q4_0, hex: "0038f0e1d2c3b4a5968778695a4b3c2d1e0f",
               expected: [(0, [-4, -3.5, -3, -2.5, -2, -1.5, -1, -0.5]), (16, [3.5, 3, 2.5, 2, 1.5, 1, 0.5, 0])],
               sum: -8, sumOfSquares: 172),
        Vector(type: .q4_1, hex: "003400bcf0e1d2c3b4a5968778695a4b3c2d1e0f",
               expected: [(0, [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75]), (16, [2.75, 2.5, 2.25, 2, 1.75, 1.5, 1.25, 1])],
               sum: 28, sumOfSquares: 67),
        Vector(type: .q8_0, hex: "003080889098a0a8b0b8c0c8d0d8e0e8f0f800081018202830384048505860687078",
               expected: [(0, (0..<32).map { Float($0 - 16) })], sum: -16, sumOfSquares: 2736),
        Vector(type: .q4_K, hex: q4_kHex,
               expected: [(0, [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]), (32, [1.75, 8.75, -0.25, 6.75]), (64, [-2.5, -1, 0.5, 2]),
                          (128, [-5, 11.5, 28, 44.5]), (252, [43.75, 103.25, 26.75, 86.25])],
               sum: 18248, sumOfSquares: 4_106_540),
        Vector(type: .q6_K, hex: q6_kHex(),
               expected: [(0, [-1.25, -8, 5.25, 2.5, -0.25, -7, 6.25, 3.5]), (16, [2.5, 16, -10.5, -5, 0.5, 14, -12.5, -7]),
                          (32, [-3.75, -24, 3.75, -4.5]), (64, [-40, 3.75, 26.25, -11.25]),
                          (128, [-11.25, -72, 47.25, 22.5]), (252, [32, -32, 896, 320])],
               sum: 167, sumOfSquares: 6_987_559.25),
    ]

    /// Q6_K T4 block, built as Scripts/oracle/dequant_reference.py builds it: ql[i] = (37i+11)&0xFF, qh[i] = (91i+5)&0xFF, the listed scales, d = 0x3400.
    static func q6_kHex() -> String {
        var b = [UInt8]()
        b += (0..<128).map { UInt8((37 * $0 + 11) & 0xFF) }
        b += (0..<64).map { UInt8((91 * $0 + 5) & 0xFF) }
        b += [1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 15, -128].map { UInt8(bitPattern: Int8($0)) }
        b += [0x00, 0x34]
        return hex(b)
    }

    @Test(arguments: vectors)
    func dequantizeMatchesT4(vector: Vector) throws {
        let block = bytes(hex: vector.hex)
        let n = vector.type.traits.blockSize
        try #require(block.count == vector.type.traits.bytesPerBlock)
        let y = referenceDequantize(vector.type, block, count: n)
        for (start, values) in vector.expected {
            #expect(Array(y[start..<(start + values.count)]) == values, "\(vector.type) at \(start)")
        }
        #expect(y.reduce(0.0) { $0 + Double($1) } == vector.sum)
        #expect(y.reduce(0.0) { $0 + Double($1) * Double($1) } == vector.sumOfSquares)
        // Dot with ones is the sum; dot with the decoded values is the sum of squares.
        let ones = [Float](repeating: 1, count: n)
        block.withUnsafeBytes { row in
            #expect(Double(ReferenceKernels.dot(vector.type, row.baseAddress!, ones, count: n)) == vector.sum)
            #expect(ReferenceKernels.dotWithMagnitude(vector.type, row.baseAddress!, y, count: n).dot == vector.sumOfSquares)
            #expect(ReferenceKernels.dot(vector.type, row.baseAddress!, y, count: n) == Float(vector.sumOfSquares))
        }
    }

    @Test func q4_kEverySixteenth() {
        let y = referenceDequantize(.q4_K, bytes(hex: Self.q4_kHex), count: 256)
        let expected: [Float] = [0, 0, 1.75, 1.75, -2.5, -2.5, 2.25, 2.25, -5, -5, 47.5, 47.5, -0.25, -0.25, 9.75, 9.75]
        #expect((0..<16).map { y[16 * $0] } == expected)
    }

    @Test func q6_kEverySixteenth() {
        let y = referenceDequantize(.q6_K, bytes(hex: Self.q6_kHex()), count: 256)
        let expected: [Float] = [-1.25, 2.5, -3.75, 5, -40, -31.5, -38.5, -30, -11.25, 12.5, -13.75, 15, 13, 24.5, -7.5, 928]
        #expect((0..<16).map { y[16 * $0] } == expected)
    }

    @Test func floatTypesByHand() {
        // F32 little-endian 1.5 and -2; F16 0x3E00 = 1.5, 0xC000 = -2; BF16 0x3FC0 = 1.5, 0xC000 = -2.
        #expect(referenceDequantize(.f32, [0, 0, 0xC0, 0x3F, 0, 0, 0, 0xC0], count: 2) == [1.5, -2])
        #expect(referenceDequantize(.f16, [0x00, 0x3E, 0x00, 0xC0], count: 2) == [1.5, -2])
        #expect(referenceDequantize(.bf16, [0xC0, 0x3F, 0x00, 0xC0], count: 2) == [1.5, -2])
    }

    @Test func multiBlockRowsDecodeBlockByBlock() {
        // Two Q8_0 blocks: first from T4, second with d = 1 (0x3C00) and qs[i] = i.
        let first = bytes(hex: Self.vectors[2].hex)
        let second: [UInt8] = [0x00, 0x3C] + (0..<32).map { UInt8($0) }
        let y = referenceDequantize(.q8_0, first + second, count: 64)
        #expect(Array(y[0..<32]) == (0..<32).map { Float($0 - 16) })
        #expect(Array(y[32..<64]) == (0..<32).map { Float($0) })
    }

    @Test func handMadeQ4_0AndQ4_1Blocks() {
        // Q4_0 with d = -1 (0xBC00), all bytes 0x1F: low nibble 15 -> (15-8)*-1 = -7, high nibble 1 -> 7.
        let q40: [UInt8] = [0x00, 0xBC] + [UInt8](repeating: 0x1F, count: 16)
        #expect(referenceDequantize(.q4_0, q40, count: 32) == [Float](repeating: -7, count: 16) + [Float](repeating: 7, count: 16))
        // Q4_1 with d = 2, m = 0.5, bytes 0x30: low 0 -> 0.5, high 3 -> 6.5.
        let q41: [UInt8] = [0x00, 0x40, 0x00, 0x38] + [UInt8](repeating: 0x30, count: 16)
        #expect(referenceDequantize(.q4_1, q41, count: 32) == [Float](repeating: 0.5, count: 16) + [Float](repeating: 6.5, count: 16))
    }
}
