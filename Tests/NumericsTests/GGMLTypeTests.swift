import Testing
@testable import Numerics

@Suite struct GGMLTypeTests {
    /// Sizes from ggml-common.h struct layouts, written out independently of the table; gguf-py's GGML_QUANT_SIZES
    /// and type ids agree (printed by Scripts/oracle/dequant_reference.py).
    @Test(arguments: [
        (GGMLType.f32, "F32", 1, 4), (.f16, "F16", 1, 2), (.q4_0, "Q4_0", 32, 18), (.q4_1, "Q4_1", 32, 20),
        (.q8_0, "Q8_0", 32, 34), (.q4_K, "Q4_K", 256, 144), (.q6_K, "Q6_K", 256, 210), (.bf16, "BF16", 1, 2),
    ])
    func traitsMatchGGML(type: GGMLType, name: String, blockSize: Int, bytes: Int) {
        #expect(type.traits.name == name)
        #expect(type.description == name)
        #expect(type.traits.blockSize == blockSize)
        #expect(type.traits.bytesPerBlock == bytes)
        #expect(type.traits.type == type)
        #expect(type.traits.isQuantized == (blockSize > 1))
    }

    @Test func rawValuesAreGGMLTypeIds() {
        #expect(GGMLType(rawValue: 0) == .f32)
        #expect(GGMLType(rawValue: 3) == .q4_1)
        #expect(GGMLType(rawValue: 8) == .q8_0)
        #expect(GGMLType(rawValue: 12) == .q4_K)
        #expect(GGMLType(rawValue: 14) == .q6_K)
        #expect(GGMLType(rawValue: 30) == .bf16)
        #expect(GGMLType(rawValue: 6) == nil)  // Q5_0 is not supported
    }

    @Test func rowByteCounts() {
        #expect(GGMLType.q4_1.rowByteCount(elements: 576) == 18 * 20)
        #expect(GGMLType.q8_0.rowByteCount(elements: 576) == 612)
        #expect(GGMLType.f32.rowByteCount(elements: 7) == 28)
        #expect(GGMLType.q6_K.rowByteCount(elements: 512) == 420)
        #expect(GGMLType.q4_K.rowByteCount(elements: 0) == 0)
    }

    @Test func tableCoversEveryTypeOnce() {
        #expect(BlockTraits.table.count == GGMLType.allCases.count)
        #expect(Set(BlockTraits.table.map(\.name)).count == GGMLType.allCases.count)
    }
}
