import Numerics
/// What generating one token costs under an arithmetic, for one sequence (batch 1) at a position that attends over
/// `context` cached positions, itself included. Counts are per token; energy is an **estimate** from the 45 nm table
/// (``EnergyTable``).
///
/// - MACs: each product matrix contributes rows · columns multiply-accumulates; attention contributes
///   2 · L · context · d_attn (QKᵀ and the weighted sum of V). Softmax, norms, activations, RoPE and the
///   embedding lookup are not counted (lower order).
/// - FLOPs = 2 · MACs (one multiply and one add each, whatever the arithmetic: integer or L-Mul operations count
///   the same), the convention of Analysis' `CostModel`.
/// - Weight bytes: every product matrix read once in its format, block/row/tensor scales included. KV bytes: the
///   K and V of `context` positions in L layers read once (2 · L · context vectors of d_kv elements).
/// - ACE (PokeBNN): Σ over MACs of bits(a) · bits(w) for an exact multiply; under L-Mul a MAC's multiplier is one
///   integer adder of E + m bits, so it counts E + m (E: the wider exponent field of the two operands, 8 for an
///   integer dequantised to fp32). Scale multiplications (one per block) are not in ACE, as in PokeBNN.
/// - Energy per MAC (pJ): exact integer × integer products use the int8 multiply when both operands are ≤ 8 bits
///   wide (else int32) and accumulate with an int32 add; any float operand uses the fp16 multiply when both are
///   ≤ 16 bits wide (else fp32) and accumulates with an fp32 add; a ternary/binary weight needs no multiply (a
///   sign selection), only the add; L-Mul costs an integer add of E + m bits (int8 add when ≤ 8 bits, else int32)
///   plus the fp32 accumulate. Memory energy: every byte read from DRAM at 1.3 nJ per 64 bits.
public struct TokenCost: Sendable, Hashable, Codable {
    /// The arithmetic, as ``ArithmeticCost/description``.
    public var arithmetic: String
    /// Positions attended over (the token itself included).
    public var context: Int
    /// Multiply-accumulates in the weight products.
    public var matmulMACs: Double
    /// Multiply-accumulates in attention.
    public var attentionMACs: Double
    /// 2 · (matmulMACs + attentionMACs).
    public var flops: Double
    /// Bytes of weights read.
    public var weightBytes: Double
    /// Bytes of cached keys and values read.
    public var kvBytes: Double
    /// Arithmetic computation effort, Σ bits · bits over MACs.
    public var ace: Double
    /// Estimated energy of the multiply-accumulates, joules.
    public var computeEnergyJoules: Double
    /// Estimated energy of reading weights and KV from DRAM, joules.
    public var memoryEnergyJoules: Double
    /// computeEnergyJoules + memoryEnergyJoules (an estimate).
    public var energyJoules: Double
    /// P: weights in products per token (Σ rows · columns), for whole-run FLOP models.
    public var matmulParameters: Int
    /// L.
    public var layers: Int
    /// d_attn.
    public var attentionDim: Int
    /// d_kv.
    public var kvDim: Int
    /// Storage bytes of one cached K or V element, scales included.
    public var kvBytesPerElement: Double
}

extension ArithmeticCost {
    /// The cost of one token of `shape` at `context` attended positions under this arithmetic.
    /// - Throws: ``CostError/invalidSize(name:value:requirement:)`` for context < 1.
    public func perToken(_ shape: TransformerShape, context: Int) throws(CostError) -> TokenCost {
        guard context >= 1 else { throw .invalidSize(name: "context", value: context, requirement: "≥ 1 position") }
        var matmulMACs = 0.0, weightBytes = 0.0, ace = 0.0, computePJ = 0.0
        for matrix in shape.matrices {
            let format = weights ?? matrix.stored
            let macs = Double(matrix.macs)
            matmulMACs += macs
            weightBytes += format.bytes(rows: matrix.rows, columns: matrix.columns)
            ace += macs * Double(Self.ace(activations, format, matmul))
            computePJ += macs * Self.energyPJ(activations, format, matmul)
        }
        let attentionMACs = 2 * Double(shape.layers) * Double(context) * Double(shape.attentionDim)
        ace += attentionMACs * Double(Self.ace(activations, kv, attention))
        computePJ += attentionMACs * Self.energyPJ(activations, kv, attention)
        let kvBytes = kv.bytes(rows: 2 * shape.layers * context, columns: shape.kvDim)
        let memoryPJ = (weightBytes + kvBytes) / 8 * EnergyTable.dram64BitReadPJ
        return TokenCost(
            arithmetic: description, context: context, matmulMACs: matmulMACs, attentionMACs: attentionMACs,
            flops: 2 * (matmulMACs + attentionMACs), weightBytes: weightBytes, kvBytes: kvBytes, ace: ace,
            computeEnergyJoules: computePJ * 1e-12, memoryEnergyJoules: memoryPJ * 1e-12,
            energyJoules: (computePJ + memoryPJ) * 1e-12, matmulParameters: shape.matmulParameters,
            layers: shape.layers, attentionDim: shape.attentionDim, kvDim: shape.kvDim,
            kvBytesPerElement: kv.bytes(rows: 1, columns: shape.kvDim) / Double(shape.kvDim))
    }

    /// ACE of one MAC of an `a` operand with a `w` operand.
    static func ace(_ a: OperandFormat, _ w: OperandFormat, _ multiply: Multiplier) -> Int {
        switch multiply {
        case .exact: a.aceBits * w.aceBits
        case let .lmul(m): lmulExponentBits(a, w) + m
        }
    }

    /// The exponent field L-Mul adds: the wider of the two operands' (8 for an integer or sign operand, which is
    /// dequantised to fp32 first).
    static func lmulExponentBits(_ a: OperandFormat, _ w: OperandFormat) -> Int {
        func bits(_ f: OperandFormat) -> Int { f.kind == .float ? f.exponentBits : 8 }
        return max(bits(a), bits(w))
    }

    /// Estimated picojoules of one MAC (see ``TokenCost``).
    static func energyPJ(_ a: OperandFormat, _ w: OperandFormat, _ multiply: Multiplier) -> Double {
        let width = max(a.aceBits, w.aceBits)
        switch multiply {
        case let .lmul(m):
            let adder = lmulExponentBits(a, w) + m
            return (adder <= 8 ? EnergyTable.int8AddPJ : EnergyTable.int32AddPJ) + EnergyTable.fp32AddPJ
        case .exact:
            if a.kind == .sign || w.kind == .sign {
                let other = a.kind == .sign ? w : a
                return other.kind == .integer ? EnergyTable.int32AddPJ : EnergyTable.fp32AddPJ
            }
            if a.kind == .integer, w.kind == .integer {
                return (width <= 8 ? EnergyTable.int8MultiplyPJ : EnergyTable.int32MultiplyPJ) + EnergyTable.int32AddPJ
            }
            return (width <= 16 ? EnergyTable.fp16MultiplyPJ : EnergyTable.fp32MultiplyPJ) + EnergyTable.fp32AddPJ
        }
    }
}
