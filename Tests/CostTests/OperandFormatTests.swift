import Foundation
import Testing
@testable import Cost
import Numerics

/// Bits per element, scales included, from the published layouts (OCP MX v1.0, NVFP4, ggml-common.h), and ACE per
/// MAC from numerics.md T5 (PokeBNN).
@Suite struct OperandFormatTests {
    /// Storage bits per element of a 1 × 64 row.
    static func bits(_ name: String) throws -> Double {
        try OperandFormat(name: name).bytes(rows: 1, columns: 64) * 8 / 64
    }

    @Test func storageBitsIncludeScales() throws {
        let expected: [(String, Double)] = [
            ("fp32", 32), ("f16", 16), ("bf16", 16), ("fp8-e4m3", 8), ("fp8-e5m2", 8), ("fp6-e2m3", 6), ("fp4-e2m1", 4),
            ("q4_0", 18.0 * 8 / 32), ("q4_1", 20.0 * 8 / 32), ("q8_0", 34.0 * 8 / 32),  // d (+ m) fp16 + 32 elements
            ("mxfp8", 8 + 8.0 / 32), ("mxfp8-e5m2", 8 + 8.0 / 32), ("mxfp6", 6 + 8.0 / 32), ("mxfp6-e3m2", 6 + 8.0 / 32),
            ("mxfp4", 4 + 8.0 / 32),  // one E8M0 per 32
            ("nvfp4", 4 + 8.0 / 16),  // one e4m3 per 16
            ("int4-g32", 4 + 16.0 / 32),  // one fp16 scale per 32
            ("int8", 8 + 32.0 / 64),  // one fp32 scale per row of 64
            ("binary", 1 + 32.0 / 64),
        ]
        for (name, bits) in expected {
            #expect(try Self.bits(name) == bits, "\(name)")
        }
        // ggml MXFP4 (17 bytes per 32) is the same layout as OCP MXFP4.
        #expect(OperandFormat(ggml: .mxfp4).bytes(rows: 1, columns: 64) * 8 / 64 == 4.25)
        #expect(abs(try Self.bits("ternary") - (log2(3.0) + 32.0 / 64)) < 1e-12)
    }

    @Test func acePerMACIsTheProductOfWidths() throws {
        func ace(_ a: String, _ w: String) throws -> Int {
            ArithmeticCost.ace(try OperandFormat(name: a), try OperandFormat(name: w), .exact)
        }
        // numerics.md T5: bf16×bf16 = 256, int8×int8 = 64, int8×bf16 = 128, int4×int4 = 16, int4×int2 = 8, 1×1 = 1.
        #expect(try ace("bf16", "bf16") == 256)
        #expect(try ace("int8", "int8") == 64)
        #expect(try ace("int8", "bf16") == 128)
        #expect(try ace("int4", "int4") == 16)
        #expect(try ace("int4", "int2") == 8)
        #expect(try ace("binary", "binary") == 1)
    }

    @Test func lmulSavesWhatThePaperReconstructs() throws {
        // numerics.md §1.3: an fp32 dot-product MAC falls from 3.7 + 0.9 pJ to 0.1 + 0.9 pJ under L-Mul (−78 %).
        let fp32 = try OperandFormat(name: "fp32")
        let exact = ArithmeticCost.energyPJ(fp32, fp32, .exact)
        let lmul = ArithmeticCost.energyPJ(fp32, fp32, .lmul(mantissaBits: 23))
        #expect(abs(exact - 4.6) < 1e-12)
        #expect(abs(lmul - 1.0) < 1e-12)
        #expect(abs((1 - lmul / exact) - 0.7826) < 1e-4)
    }

    @Test func unknownNamesAreRefusedWithTheKnownOnes() throws {
        #expect(throws: CostError.self) { try OperandFormat(name: "fp7", role: "weight") }
        #expect(throws: CostError.self) { try OperandFormat(name: "int4-q32") }
        #expect(throws: CostError.self) { try OperandFormat(name: "e8m0") }
        let message = CostError.unknownFormat(name: "fp7", role: "weight").description
        #expect(message.contains("unknown weight format 'fp7'") && message.contains("nvfp4") && message.contains("q4_1"))
        #expect(throws: NumericsError.unknownMultiplier("lmul:m=0")) { try Multiplier(parsing: "lmul:m=0") }
        #expect(try Multiplier(parsing: "lmul:m=4") == .lmul(mantissaBits: 4))
        #expect(try Multiplier(parsing: "exact") == .exact)
    }
}
