import Foundation
import Testing
@testable import Cost
import Numerics

/// Golden values are worked out by hand from the formulas (never taken from the code under test) for a toy
/// 2-layer shape: d = 32, 2 query heads and 1 KV head of width 16 (d_attn 32, d_kv 16), feed-forward 64, a
/// 10-token vocabulary. Per layer: q 32×32, k 16×32, v 16×32, o 32×32, gate 64×32, up 64×32, down 32×64
/// (rows × columns) = 1024 + 512 + 512 + 1024 + 2048 + 2048 + 2048 = 9216 MACs; the output head 10×32 = 320.
@Suite struct TokenCostTests {
    static func toyShape(stored: OperandFormat = OperandFormat.fp32) throws -> TransformerShape {
        var matrices: [TransformerShape.Matrix] = []
        for layer in 0..<2 {
            for (name, rows, columns) in [("q", 32, 32), ("k", 16, 32), ("v", 16, 32), ("o", 32, 32),
                                          ("gate", 64, 32), ("up", 64, 32), ("down", 32, 64)] {
                matrices.append(.init(name: "blk.\(layer).\(name)", rows: rows, columns: columns, stored: stored))
            }
        }
        matrices.append(.init(name: "output", rows: 10, columns: 32, stored: stored))
        return try TransformerShape(layers: 2, attentionDim: 32, kvDim: 16, matrices: matrices)
    }

    /// Σ over every MAC of bits(a)·bits(w), enumerated one MAC at a time (matrix entries, then attention: per layer,
    /// per attended position, per query dimension, once for QKᵀ and once for the sum over V).
    static func bruteForceACE(_ shape: TransformerShape, context: Int, activation: Int, weight: Int, kv: Int) -> Int {
        var total = 0
        for matrix in shape.matrices {
            for _ in 0..<matrix.rows { for _ in 0..<matrix.columns { total += activation * weight } }
        }
        for _ in 0..<shape.layers {
            for _ in 0..<context { for _ in 0..<shape.attentionDim { total += activation * kv; total += activation * kv } }
        }
        return total
    }

    @Test func q8WeightsInt8ActivationsFp16KVMatchHandComputation() throws {
        let shape = try Self.toyShape()
        let arithmetic = ArithmeticCost(
            weights: try OperandFormat(name: "q8_0"), activations: try OperandFormat(name: "int8"),
            kv: try OperandFormat(name: "fp16"))
        let cost = try arithmetic.perToken(shape, context: 3)
        #expect(shape.matmulParameters == 2 * 9216 + 320)
        #expect(cost.matmulMACs == 18752)
        #expect(cost.attentionMACs == 2 * 2 * 3 * 32)  // 384
        #expect(cost.flops == Double(2 * (18752 + 384)))
        // Q8_0: 34 bytes per 32 weights; every row length here is a multiple of 32.
        #expect(cost.weightBytes == 18752.0 * 34 / 32)  // 19924
        // fp16 K and V: 2 · 2 layers · 3 positions · 16 elements · 2 bytes.
        #expect(cost.kvBytes == 384)
        #expect(cost.ace == Double(Self.bruteForceACE(shape, context: 3, activation: 8, weight: 8, kv: 16)))
        let handACE: Double = 18752 * 64 + 384 * 128
        #expect(cost.ace == handACE)
        // int8 × int8: int8 multiply 0.2 + int32 add 0.1; int8 × fp16: fp16 multiply 1.1 + fp32 add 0.9.
        let computePJ: Double = 18752 * 0.3 + 384 * 2.0  // 6393.6
        let memoryPJ: Double = (19924.0 + 384) / 8 * 1300  // 3 300 050
        #expect(abs(cost.computeEnergyJoules - computePJ * 1e-12) < 1e-22)
        #expect(abs(cost.memoryEnergyJoules - memoryPJ * 1e-12) < 1e-20)
        #expect(abs(cost.energyJoules - 3_306_443.6e-12) < 1e-18)
        #expect(cost.kvBytesPerElement == 2)
    }

    @Test func lmulOnMXFP4WeightsMatchesHandComputation() throws {
        let shape = try Self.toyShape()
        let arithmetic = ArithmeticCost(
            weights: try OperandFormat(name: "mxfp4"), activations: try OperandFormat(name: "fp32"),
            kv: try OperandFormat(name: "fp8-e4m3"), matmul: try Multiplier(parsing: "lmul:m=3"))
        let cost = try arithmetic.perToken(shape, context: 1)
        // 4 bits per weight plus one 8-bit E8M0 scale per 32: 18752/2 + 18752/32 bytes.
        #expect(cost.weightBytes == 9376 + 586)
        // L-Mul adds the 8 exponent bits of fp32 (wider than e2m1's 2) and 3 mantissa bits: 11 per MAC;
        // attention stays exact: fp32 × fp8 = 32 · 8 per MAC over 2 · 2 · 1 · 32 = 128 MACs.
        let handACE: Double = 18752 * 11 + 128 * 256
        #expect(cost.ace == handACE)
        // An 11-bit integer add is priced as the table's int32 add (0.1 pJ) plus the fp32 accumulate (0.9 pJ);
        // fp32 × fp8 exact is an fp32 multiply (3.7) plus an fp32 add (0.9).
        let handPJ: Double = 18752 * 1.0 + 128 * 4.6
        #expect(abs(cost.computeEnergyJoules - handPJ * 1e-12) < 1e-22)
        #expect(cost.kvBytes == 2 * 2 * 1 * 16)
    }

    @Test func nativeWeightsKeepEachMatrixStoredFormat() throws {
        let shape = try Self.toyShape(stored: try OperandFormat(name: "q4_1"))
        let cost = try ArithmeticCost(weights: nil, activations: try OperandFormat(name: "fp32"),
                                      kv: try OperandFormat(name: "fp32")).perToken(shape, context: 2)
        // Q4_1: 20 bytes per 32 weights.
        #expect(cost.weightBytes == 18752.0 * 20 / 32)
        let attentionMACs: Double = 2 * 2 * 2 * 32  // 2 · L · context · d_attn
        let expectedACE: Double = 18752 * 32 * 4 + attentionMACs * 32 * 32
        #expect(cost.ace == expectedACE)
        #expect(cost.arithmetic == "weights=native activations=fp32 kv=fp32 matmul=exact attention=exact")
    }

    @Test func ternaryWeightsNeedNoMultiplier() throws {
        let shape = try Self.toyShape()
        let cost = try ArithmeticCost(weights: try OperandFormat(name: "ternary"), activations: try OperandFormat(name: "bf16"),
                                      kv: try OperandFormat(name: "bf16")).perToken(shape, context: 1)
        // log2 3 bits per weight and one fp32 scale per matrix (15 matrices).
        let handBytes: Double = 18752 * log2(3.0) / 8 + 15 * 4
        #expect(abs(cost.weightBytes - handBytes) < 1e-9)
        // A sign selection then an fp32 add: 0.9 pJ per MAC; attention bf16 × bf16: fp16-class multiply 1.1 + 0.9.
        let ternaryPJ: Double = 18752 * 0.9 + 128 * 2.0
        #expect(abs(cost.computeEnergyJoules - ternaryPJ * 1e-12) < 1e-22)
        let handACE: Double = 18752 * 16 * 2 + 128 * 256
        #expect(cost.ace == handACE)
    }

    @Test func contextBelowOneIsRefused() throws {
        let arithmetic = ArithmeticCost(weights: nil, activations: .fp32, kv: .fp32)
        #expect(throws: CostError.invalidSize(name: "context", value: 0, requirement: "≥ 1 position")) {
            try arithmetic.perToken(try Self.toyShape(), context: 0)
        }
    }
}
