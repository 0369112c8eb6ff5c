import Testing
@testable import Numerics
import Random

/// Stochastic rounding of block codes: reproducible for a seed, always one of the two neighbouring codes, and
/// unbiased on average (statistical checks with fixed seeds).
struct StochasticQuantizerTests {
    /// Random's SplitMix64 (the generator only needs to be seeded and reproducible).
    typealias Generator = Random.SplitMix64

    static func decode(_ type: GGMLType, _ bytes: [UInt8], count: Int) -> [Float] {
        var y = [Float](repeating: .nan, count: count)
        bytes.withUnsafeBytes { ReferenceKernels.dequantize(type, $0.baseAddress!, into: &y, count: count) }
        return y
    }

    static func row(seed: UInt64, count: Int) -> [Float] {
        var g = Generator(state: seed)
        return (0..<count).map { _ in Float(Int64(bitPattern: g.next() >> 11) - (1 << 52)) / Float(1 << 52) }
    }

    @Test(arguments: StochasticBlockQuantizer.supportedTypes)
    func sameSeedSameBytes(type: GGMLType) {
        let x = Self.row(seed: 3, count: 256)
        var a = Generator(state: 11), b = Generator(state: 11), c = Generator(state: 12)
        let first = StochasticBlockQuantizer.quantize(type, x, using: &a)
        #expect(first == StochasticBlockQuantizer.quantize(type, x, using: &b))
        #expect(first != StochasticBlockQuantizer.quantize(type, x, using: &c))
    }

    /// Each decoded value is within one grid step of the input (a neighbouring code), except MXFP4 saturation.
    @Test(arguments: StochasticBlockQuantizer.supportedTypes)
    func picksANeighbouringCode(type: GGMLType) {
        let x = Self.row(seed: 4, count: 1024)
        var g = Generator(state: 5)
        let stochastic = Self.decode(type, StochasticBlockQuantizer.quantize(type, x, using: &g), count: x.count)
        let nearest = Self.decode(type, Quantizer.quantize(type, x), count: x.count)
        for b in stride(from: 0, to: x.count, by: 32) {
            let block = x[b..<(b + 32)]
            let amax = block.map(abs).max()!
            // Largest gap between adjacent representable values in the block: d for the integer formats, 2·d (the
            // 4→6 step in doubled units times the half scale) for MXFP4.
            let step: Float = switch type {
            case .q8_0: amax / 127
            case .q4_0: amax / 8
            case .q4_1: (block.max()! - block.min()!) / 15
            default: MXFP4Quantizer.halfScale(MXFP4Quantizer.sharedExponent(amax: amax)) * 4
            }
            for i in b..<(b + 32) {
                #expect(abs(stochastic[i] - x[i]) <= step * 1.01 + 1e-6, "\(type) element \(i)")
                #expect(abs(stochastic[i] - nearest[i]) <= step * 1.01 + 1e-6, "\(type) element \(i)")
            }
        }
    }

    /// The mean of many stochastic encodings of one row approaches the row (unbiased), while nearest rounding keeps
    /// its full error. 2000 trials, fixed seed; the bound is 5 standard errors of a Bernoulli step.
    @Test(arguments: StochasticBlockQuantizer.supportedTypes)
    func isUnbiased(type: GGMLType) {
        // Values kept inside the unclamped range: Q4_0's top code and MXFP4 saturation are excluded by a spike that
        // sets the scale (element 0 = +1 for the symmetric types, Q4_1's range fixed by ±1 at elements 0 and 1).
        var x = Self.row(seed: 8, count: 32).map { $0 * 0.7 }
        x[0] = type == .q4_0 ? -1 : 1
        x[1] = -1
        let trials = 2000
        var sum = [Double](repeating: 0, count: 32)
        var g = Generator(state: 99)
        for _ in 0..<trials {
            let y = Self.decode(type, StochasticBlockQuantizer.quantize(type, x, using: &g), count: 32)
            for i in 0..<32 { sum[i] += Double(y[i]) }
        }
        let nearest = Self.decode(type, Quantizer.quantize(type, x), count: 32)
        let step: Double = switch type {
        case .q8_0: 1.0 / 127
        case .q4_0: 1.0 / 8
        case .q4_1: 2.0 / 15
        default: 1.0  // MXFP4 with amax 1: scale 2^-2, largest gap (4 → 6 halves) 0.5·... ≤ 1
        }
        var stochasticError = 0.0, nearestError = 0.0
        for i in 2..<32 {
            let mean = sum[i] / Double(trials)
            // The fp16 block scale (and Q4_1 minimum) add a relative error of at most 2^-11 on |x| + 1.
            #expect(abs(mean - Double(x[i])) <= 5 * 0.5 * step / Double(trials).squareRoot() + (Double(abs(x[i])) + 1) * 0x1p-11,
                    "\(type) element \(i): mean \(mean) vs \(x[i])")
            stochasticError += abs(mean - Double(x[i]))
            nearestError += abs(Double(nearest[i]) - Double(x[i]))
        }
        #expect(stochasticError < nearestError / 3, "\(type): mean error \(stochasticError) vs nearest \(nearestError)")
    }
}
