import Foundation
import Testing
@testable import Numerics

/// L-Mul against numerics.md's test vectors (T1) and the independent integer program in
/// Scripts/oracle/lmul_reference.py (fixtures in Fixtures/lmul).
@Suite struct LMulTests {
    @Test func pow2Helper() { #expect(Double.pow2(-3) == 0.125 && Double.pow2(4) == 16) }

    static func fixtureURL(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil),
                                "NumericsTests fixtures missing from the test bundle")
        return base.appendingPathComponent("lmul").appendingPathComponent(name)
    }

    struct FP32Fixture: Decodable {
        let generator: String
        let a: [UInt32]
        let b: [UInt32]
        let results: [String: [UInt32]]
    }

    @Test func offsetExponentFollowsThePaper() {
        #expect((1...8).map { LMul.offsetExponent(mantissaBits: $0) } == [1, 2, 3, 3, 4, 4, 4, 4])
        #expect(LMul.offsetExponent(mantissaBits: 23) == 4)
        #expect(LMul.fp32Constant(mantissaBits: 23) == 0x3F78_0000)
    }

    /// numerics.md T1 (values: fp inputs are exact binary values).
    @Test func testVectorsT1() {
        let valueCases: [(Int, Float, Float, Float)] = [
            (3, 1.5, 1.25, 1.875), (3, 1.5, 1.5, 2.25), (3, 1.75, 1.75, 3.25), (3, -2.0, 3.0, -6.5),
            (4, 1.9375, 1.9375, 4.0),
        ]
        for (m, a, b, expected) in valueCases {
            #expect(LMul.multiply(a, b, mantissaBits: m) == expected, "m=\(m) \(a)×\(b)")
        }
        let bitCases: [(UInt32, UInt32, UInt32)] = [
            (0x3FC0_0000, 0x3FA0_0000, 0x3FE8_0000), (0x4040_0000, 0x40A0_0000, 0x4168_0000),
            (0xBDCC_CCCD, 0x40E0_0000, 0xBF34_CCCD), (0x3F00_0000, 0x3F00_0000, 0x3E88_0000),
        ]
        for (a, b, expected) in bitCases {
            let r = LMul.multiply(Float(bitPattern: a), Float(bitPattern: b))
            #expect(r.bitPattern == expected, "fp32 \(String(a, radix: 16))×\(String(b, radix: 16))")
        }
        #expect(LMul.multiplyE4M3(0x3C, 0x3A) == 0x3F)
        #expect(LMul.multiplyE4M3(0x3C, 0x3C) == 0x41)
        #expect(LMul.multiplyE4M3(0x40, 0xC4) == 0xCD)
    }

    /// All 65 536 e4m3 × e4m3 pairs, bit-exactly against the Python integer program.
    @Test func e4m3ExhaustiveAgainstReference() throws {
        let table = [UInt8](try Data(contentsOf: try Self.fixtureURL("e4m3-products.u8")))
        try #require(table.count == 65536)
        var mismatches: [String] = []
        for a in 0..<256 {
            for b in 0..<256 where LMul.multiplyE4M3(UInt8(a), UInt8(b)) != table[a * 256 + b] {
                mismatches.append("\(hexCode(UInt16(a)))×\(hexCode(UInt16(b)))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) pairs differ, first: \(mismatches.prefix(5))")
    }

    /// The 8-bit program and the fp32 one with m = 3 agree wherever both operands and the result are normal e4m3
    /// values within range (the fp32 container only differs in exponent range).
    @Test func e4m3AgreesWithFP32ContainerOnNormals() {
        let e4m3 = ElementFormat.fp8E4M3
        for a in 0..<256 {
            for b in 0..<256 {
                let fa = Int(a & 0x7F), fb = Int(b & 0x7F)
                guard fa >= 8, fb >= 8, fa != 0x7F, fb != 0x7F else { continue }
                let r = fa + fb - 0x37
                guard r >= 8, r <= 0x7E else { continue }
                let viaFP32 = LMul.multiply(e4m3.decode(UInt16(a)), e4m3.decode(UInt16(b)), mantissaBits: 3)
                let via8 = e4m3.decode(UInt16(LMul.multiplyE4M3(UInt8(a), UInt8(b))))
                #expect(viaFP32 == via8, "\(a)×\(b)")
            }
        }
    }

    /// fp32 pairs (near 1, anywhere, specials) for m = 23, 4, 3, 2, bit-exactly against the Python program.
    @Test func fp32AgainstReference() throws {
        let fixture = try JSONDecoder().decode(FP32Fixture.self, from: Data(contentsOf: try Self.fixtureURL("fp32.json")))
        for m in [23, 4, 3, 2] {
            let expected = try #require(fixture.results[String(m)])
            var mismatches: [String] = []
            for i in fixture.a.indices {
                let r = LMul.multiply(Float(bitPattern: fixture.a[i]), Float(bitPattern: fixture.b[i]), mantissaBits: m)
                if !sameFloat(r, Float(bitPattern: expected[i])) {
                    mismatches.append("\(String(fixture.a[i], radix: 16))×\(String(fixture.b[i], radix: 16))")
                }
            }
            #expect(mismatches.isEmpty, "m=\(m): \(mismatches.count) differ, first: \(mismatches.prefix(5))")
        }
    }

    /// numerics.md §1.5.2 on multiplying by one. Bit-level, `lmul((1+fx)·2^e, 1) = (1 + fx + 2^-l)·2^e`, i.e.
    /// `x + 2^(e−l)` whenever `fx + 2^-l < 1` (§1.5.2 writes this as `x·(1+2^-l)`, which is only its value for fx = 0).
    @Test func multiplyingByOneAddsTheOffset() {
        var rng = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<10_000 {
            let x = Float(bitPattern: UInt32.random(in: 0x3000_0000...0x4F00_0000, using: &rng))
            let fraction = Double(x.significand) - 1
            guard fraction + 1.0 / 16 < 1 else { continue }
            checked += 1
            let expected = Float(Double(x) + Double.pow2(Int(x.exponent) - 4))
            #expect(LMul.multiply(x, 1) == expected, "\(x)")
            if fraction == 0 { #expect(LMul.multiply(x, 1) == x * (1 + 1.0 / 16)) }
        }
        #expect(checked > 8000)
        #expect(LMul.multiply(1.5, 1, mantissaBits: 3) == 1.625)  // l = 3: 1 + 0.5 + 0.125
    }

    @Test func specialValues() {
        #expect(LMul.multiply(0, -3).bitPattern == 0x8000_0000)
        #expect(LMul.multiply(.infinity, -2) == -.infinity)
        #expect(LMul.multiply(.infinity, 0).isNaN)
        #expect(LMul.multiply(.nan, 1).isNaN)
        #expect(LMul.multiply(.greatestFiniteMagnitude, 4) == .infinity)
        #expect(LMul.multiply(-.leastNormalMagnitude, 0.25).bitPattern == 0x8000_0000)
        #expect(LMul.multiplyE4M3(0x7E, 0x48) == 0x7E)  // 448 × 4 saturates
        #expect(LMul.multiplyE4M3(0x08, 0x80 | 0x30) == 0x80)  // 2^-6 × -0.5 underflows to -0
        #expect(LMul.multiplyE4M3(0xFF, 0x38) == 0xFF)
    }

    /// The documented accumulation order (Kernels.lmulDot), from scalar products.
    static func laneOrderedSum(_ a: [Float], _ b: [Float], m: Int) -> Float {
        var acc = [Float](repeating: 0, count: 32)
        let full = a.count - a.count % 32
        for i in stride(from: 0, to: full, by: 32) {
            for j in 0..<32 { acc[j] += LMul.multiply(a[i + j], b[i + j], mantissaBits: m) }
        }
        var v = [Float](repeating: 0, count: 8)
        for j in 0..<8 {
            let low: Float = acc[j] + acc[j + 8]
            let high: Float = acc[j + 16] + acc[j + 24]
            v[j] = low + high
        }
        let t0: Float = v[0] + v[4], t1: Float = v[1] + v[5], t2: Float = v[2] + v[6], t3: Float = v[3] + v[7]
        var sum: Float = (t0 + t1) + (t2 + t3)
        for i in full..<a.count { sum += LMul.multiply(a[i], b[i], mantissaBits: m) }
        return sum
    }

    @Test(arguments: [23, 5, 4, 3, 2])
    func dotEqualsScalarProductsInLaneOrder(m: Int) {
        var rng = SystemRandomNumberGenerator()
        for count in [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 1000, 4099] {
            var a = (0..<count).map { _ in Float.random(in: -4...4, using: &rng) }
            var b = (0..<count).map { _ in Float.random(in: -4...4, using: &rng) }
            if count > 9 {  // zeros, tiny and huge operands somewhere in the vector
                a[3] = 0; b[5] = -0.0; a[6] = 1e-30; b[6] = 1e-20; a[8] = 1e20; b[8] = 1e-25
            }
            let expected = Self.laneOrderedSum(a, b, m: m)
            var sequential: Float = 0, magnitude: Float = 0
            for i in 0..<count {
                let p = LMul.multiply(a[i], b[i], mantissaBits: m)
                sequential += p
                magnitude += abs(p)
            }
            for path in KernelPath.allCases {
                let got = Kernels.lmulDot(a, b, mantissaBits: m, path: path)
                #expect(got.bitPattern == expected.bitPattern, "m=\(m) n=\(count) \(path): \(got) vs \(expected)")
                #expect(abs(got - sequential) <= Float(count) * 0x1p-23 * magnitude, "m=\(m) n=\(count)")
            }
        }
    }

    @Test func dotHandlesSpecialValuesInBothPaths() {
        var a = [Float](repeating: 1, count: 40)
        a[2] = .infinity
        let b = [Float](repeating: 1, count: 40)
        for path in KernelPath.allCases {
            #expect(Kernels.lmulDot(a, b, mantissaBits: 3, path: path) == .infinity)
            var withNaN = a
            withNaN[2] = .nan
            #expect(Kernels.lmulDot(withNaN, b, mantissaBits: 3, path: path).isNaN)
        }
    }

    /// numerics.md §1.4 table (N(0,1) pairs vs the exact product of the unrounded operands), within ±0.05 points.
    @Test func statisticalErrorMatchesTheTable() {
        let pairs = 2_000_000
        let m3 = LMulErrorStudy.measure(mantissaBits: 3, pairs: pairs, seed: 1)
        let m4 = LMulErrorStudy.measure(mantissaBits: 4, pairs: pairs, seed: 2)
        let m23 = LMulErrorStudy.measure(mantissaBits: 23, pairs: pairs, seed: 3)
        let tolerance = 0.0005
        #expect(abs(m3.meanRelativeError - 0.0571) <= tolerance, "m=3: \(m3.meanRelativeError)")
        #expect(abs(m4.meanRelativeError - 0.0529) <= tolerance, "m=4: \(m4.meanRelativeError)")
        #expect(abs(m23.meanRelativeError - 0.0269) <= tolerance, "m=23: \(m23.meanRelativeError)")
        #expect(abs(m3.fp8E4M3MeanRelativeError - 0.0336) <= tolerance, "e4m3: \(m3.fp8E4M3MeanRelativeError)")
        #expect(abs(m3.fp8E4M3RoundedProductMeanRelativeError - 0.0450) <= tolerance,
                "e4m3 rounded: \(m3.fp8E4M3RoundedProductMeanRelativeError)")
        #expect(abs(m3.fp8E5M2MeanRelativeError - 0.0608) <= tolerance, "e5m2: \(m3.fp8E5M2MeanRelativeError)")
        #expect(abs(m3.fp8E5M2RoundedProductMeanRelativeError - 0.0717) <= tolerance,
                "e5m2 rounded: \(m3.fp8E5M2RoundedProductMeanRelativeError)")
        #expect(m3.meanRelativeError < m3.fp8E5M2MeanRelativeError)
    }

    @Test func errorStudyIsReproduciblePerSeed() {
        let a = LMulErrorStudy.measure(mantissaBits: 3, pairs: 1000, seed: 7)
        let b = LMulErrorStudy.measure(mantissaBits: 3, pairs: 1000, seed: 7)
        let c = LMulErrorStudy.measure(mantissaBits: 3, pairs: 1000, seed: 8)
        #expect(a == b)
        #expect(a.meanRelativeError != c.meanRelativeError)
    }
}

extension Double {
    static func pow2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }
}
