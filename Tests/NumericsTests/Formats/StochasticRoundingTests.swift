import Testing
import Numerics

/// Stochastic rounding with a fixed seed: always one of the two neighbouring codes, and unbiased.
///
/// For x between neighbours lo < hi with p = (x − lo)/(hi − lo), each draw is lo + (hi − lo)·Bernoulli(p), so the
/// mean of N draws has expectation x and standard deviation σ = (hi − lo)·√(p(1−p)/N). We require
/// |mean − x| ≤ 6σ (+ a float rounding slack); for a correct implementation that fails with probability about 2e-9
/// per point, and the seed is fixed, so the outcome is deterministic.
@Suite struct StochasticRoundingTests {
    static let draws = 2000

    @Test(arguments: [ElementFormat.fp8E4M3, .fp8E5M2, .fp6E2M3, .fp6E3M2, .fp4E2M1, .e8m0, .bf16])
    func meanEqualsValueAndResultIsANeighbour(format: ElementFormat) {
        var rng = SplitMix64(seed: 0x5EED_0001 ^ UInt64(format.rawValue))
        // Positive finite codes in value order (for 16-bit formats one code in 97).
        let positive = (0..<format.traits.codeCount).map(UInt16.init)
            .filter { code in
                let v = format.decode(code)
                return v.isFinite && v.sign == .plus && (format.traits.bitWidth < 16 || code % 97 == 0)
            }
            .sorted { format.decode($0) < format.decode($1) }
        var checked = 0
        var sumOfSquaredZ = 0.0
        for (lo, hi) in zip(positive, positive.dropFirst()) where format.traits.bitWidth < 16 || hi == lo + 97 {
            let loValue = Double(format.decode(lo)), hiValue = Double(format.decode(hi))
            guard format.traits.bitWidth < 16 || format.decode(lo + 1) > format.decode(lo) else { continue }
            let upper: UInt16 = format.traits.bitWidth < 16 ? hi : lo + 1
            let upperValue = format.traits.bitWidth < 16 ? hiValue : Double(format.decode(upper))
            for fraction in [0.1, 0.5, 0.77] {
                let x = Float(loValue + fraction * (upperValue - loValue))
                let p = (Double(x) - loValue) / (upperValue - loValue)
                for sign: Float in [1, -1] {
                    if sign < 0 && !format.traits.isSigned { continue }
                    var sum = 0.0
                    for _ in 0..<Self.draws {
                        let code = format.encodeStochastically(sign * x, overflow: .saturate, using: &rng)
                        let neighbours = [lo, upper].map { $0 | (sign < 0 ? format.traits.signMask : 0) }
                        guard neighbours.contains(code) else {
                            Issue.record("\(format) \(sign * x): \(hexCode(code)) is not a neighbour \(neighbours.map(hexCode))")
                            return
                        }
                        sum += Double(format.decode(code))
                    }
                    let mean = sum / Double(Self.draws)
                    let sigma = (upperValue - loValue) * (p * (1 - p) / Double(Self.draws)).squareRoot()
                    let error = abs(mean - Double(sign * x))
                    #expect(error <= 6 * sigma + 1e-6 * upperValue,
                            "\(format) x=\(sign * x): mean \(mean), σ \(sigma)")
                    sumOfSquaredZ += sigma > 0 ? (error / sigma) * (error / sigma) : 0
                    checked += 1
                }
            }
        }
        #expect(checked >= 9, "\(format): too few points checked (\(checked))")
        // The z-scores of a fair coin are about N(0,1): their mean square is near 1 (not 0: not always nearest).
        let meanSquare = sumOfSquaredZ / Double(checked)
        #expect(meanSquare > 0.5 && meanSquare < 2, "\(format): mean z² = \(meanSquare) over \(checked) points")
    }

    @Test(arguments: ElementFormat.allCases)
    func exactValuesNeverMove(format: ElementFormat) {
        var rng = SplitMix64(seed: 7)
        for code in stride(from: 0, to: format.traits.codeCount, by: format.traits.bitWidth == 16 ? 61 : 1) {
            let value = format.decode(UInt16(code))
            guard value.isFinite else { continue }
            #expect(format.encodeStochastically(value, overflow: .saturate, using: &rng) == UInt16(code),
                    "\(format) \(value)")
        }
    }

    /// numerics.md T9: stochastic rounding of 2.3 on the integer grid gives 3 with probability 0.3.
    @Test func integerStochasticRoundingOf2Point3() throws {
        let q = try IntegerQuantization(bits: 8, scheme: .symmetric, granularity: .perTensor)
        var rng = SplitMix64(seed: 23)
        let n = 100_000
        let values = [Float](repeating: 2.3, count: n) + [127]  // amax 127: scale exactly 1
        let encoded = try q.quantizeStochastically(values, using: &rng)
        #expect(encoded.scales == [1])
        let codes = encoded.codes.dropLast()
        #expect(codes.allSatisfy { $0 == 2 || $0 == 3 })
        let mean = codes.reduce(0.0) { $0 + Double($1) } / Double(n)
        let sigma = (0.3 * 0.7 / Double(n)).squareRoot()
        #expect(abs(mean - 2.3) <= 6 * sigma, "mean \(mean)")
    }
}
