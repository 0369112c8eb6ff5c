import Foundation
import Testing
import Numerics

/// Block hex from Scripts/oracle/ggml_quant_reference.py (an independent numpy port of ggml's quantize_row_*_ref);
/// dequantized values from Scripts/oracle/dequant_reference.py.
@Suite struct QuantizerTests {
    /// The T4 input: x_i = sin(0.37 i)·(i mod 7 + 1), computed in Double then rounded to Float.
    static let input: [Float] = (0..<32).map { i in Float(sin(0.37 * Double(i)) * Double(i % 7 + 1)) }

    @Test func q4_0MatchesT4() {
        let block = Quantizer.quantize(.q4_0, Self.input)
        #expect(hex(block) == "f73a7889aadcfe9faeb9a897764371605746")
        let y = referenceDequantize(.q4_0, block, count: 32)
        #expect(Array(y[0..<3]) == [0, 0.87060546875, 1.7412109375])
    }

    @Test func q8_0MatchesT4() {
        let block = Quantizer.quantize(.q8_0, Self.input)
        #expect(hex(block) == "062b000d25415b69660a07f6d9b79781f0e8ed00224a7312232b2610ebbcf1ddcabf")
        #expect(referenceDequantize(.q8_0, block, count: 32)[1] == 0.71331787109375)
    }

    /// Golden value from Scripts/oracle/ggml_quant_reference.py (independent numpy port of quantize_row_q4_1_ref).
    @Test func q4_1MatchesNumpyReference() {
        #expect(hex(Quantizer.quantize(.q4_1, Self.input)) == "123bf7c67889aaccfe9eaeb8a897754371605746")
    }

    @Test(arguments: [GGMLType.q4_0, .q4_1, .q8_0])
    func roundTripErrorIsWithinHalfAStep(type: GGMLType) {
        let seed: UInt64 = 11
        var rng = SplitMix64(seed: seed)
        for trial in 0..<200 {
            let values = (0..<64).map { _ in Float.random(in: -3...3, using: &rng) }
            let y = referenceDequantize(type, Quantizer.quantize(type, values), count: 64)
            for b in 0..<2 {
                let block = values[(32 * b)..<(32 * b + 32)]
                let range = block.max()! - block.min()!
                let amax = block.map(abs).max()!
                // Step sizes per type, plus fp16 rounding of the scale(s).
                let step: Float = switch type {
                case .q8_0: amax / 127
                case .q4_0: amax / 8
                default: range / 15
                }
                let bound = step * 0.5 * 1.01 + amax * 0.002 + (type == .q4_0 ? step : 0)
                for i in block.indices {
                    #expect(abs(y[i] - values[i]) <= bound, "seed \(seed) trial \(trial) \(type) i \(i)")
                }
            }
        }
    }

    @Test func floatTypesRoundTrip() {
        let values: [Float] = [1.5, -2, 0.333251953125, 65504]
        #expect(referenceDequantize(.f32, Quantizer.quantize(.f32, values), count: 4) == values)
        #expect(referenceDequantize(.f16, Quantizer.quantize(.f16, values), count: 4) == values)
        #expect(Quantizer.quantize(.bf16, [1.5]) == [0xC0, 0x3F])
    }

    @Test func zeroBlockQuantisesToZero() {
        for type in [GGMLType.q4_0, .q4_1, .q8_0] {
            let y = referenceDequantize(type, Quantizer.quantize(type, [Float](repeating: 0, count: 32)), count: 32)
            #expect(y == [Float](repeating: 0, count: 32), "\(type)")
        }
    }

    @Test func supportedTypes() {
        #expect(Quantizer.supports(.q4_1))
        #expect(!Quantizer.supports(.q4_K))
        #expect(!Quantizer.supports(.q6_K))
    }
}
