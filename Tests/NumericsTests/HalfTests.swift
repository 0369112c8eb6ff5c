import Testing
import Numerics

/// Known IEEE 754 binary16 values; Scripts/oracle/dequant_reference.py prints them from numpy.float16.
@Suite struct HalfTests {
    @Test(arguments: [
        (UInt16(0x3C00), Float(1)), (0xBC00, -1), (0x0000, 0), (0x3800, 0.5), (0x4000, 2),
        (0x7BFF, 65504), (0x0001, 0x1p-24), (0x03FF, 1023 * 0x1p-24), (0x0400, 0x1p-14),
        (0x7C00, .infinity), (0xFC00, -.infinity), (0x3555, 0.333251953125), (0x8001, -0x1p-24),
    ])
    func knownHalfValues(bits: UInt16, value: Float) {
        #expect(Half.toFloat(bits) == value)
        #expect(Half.fromFloat(value) == bits)
    }

    @Test func signedZeroAndNaN() {
        #expect(Half.toFloat(0x8000).sign == .minus && Half.toFloat(0x8000) == 0)
        #expect(Half.fromFloat(-0.0) == 0x8000)
        #expect(Half.toFloat(0x7E00).isNaN)
        #expect(Half.toFloat(0x7C01).isNaN)
        let nan = Half.fromFloat(.nan)
        #expect(nan & 0x7C00 == 0x7C00 && nan & 0x3FF != 0)
        // A float NaN whose payload lives only in the low mantissa bits must still become a NaN, not infinity.
        #expect(Half.fromFloat(Float(bitPattern: 0x7F80_0001)) & 0x3FF != 0)
    }

    @Test func roundsToNearestEven() {
        // Halfway between 1 and 1+2^-10: ties to even (1).
        #expect(Half.fromFloat(1 + 0x1p-11) == 0x3C00)
        // Halfway between 1+2^-10 and 1+2^-9: ties to even (1+2^-9 = 0x3C02).
        #expect(Half.fromFloat(1 + 3 * 0x1p-11) == 0x3C02)
        // Just above halfway rounds up.
        #expect(Half.fromFloat(Float(1 + 0x1p-11).nextUp) == 0x3C01)
        // Overflow: 65520 is halfway between 65504 and 65536 (= infinity); ties to even -> infinity.
        #expect(Half.fromFloat(65520) == 0x7C00)
        #expect(Half.fromFloat(65519.996) == 0x7BFF)
        #expect(Half.fromFloat(1e10) == 0x7C00)
        #expect(Half.fromFloat(-1e10) == 0xFC00)
    }

    @Test func subnormalRounding() {
        #expect(Half.fromFloat(0x1p-25) == 0x0000)            // tie between 0 and 2^-24 -> even (0)
        #expect(Half.fromFloat(Float(0x1p-25).nextUp) == 0x0001)
        #expect(Half.fromFloat(3 * 0x1p-25) == 0x0002)        // tie between 1 and 2 units -> even (2)
        #expect(Half.fromFloat(5 * 0x1p-25) == 0x0002)        // tie between 2 and 3 units -> even (2)
        #expect(Half.fromFloat(0x1p-26) == 0x0000)
        #expect(Half.fromFloat(-0x1p-30) == 0x8000)
        #expect(Half.fromFloat(0x1p-14 - 0x1p-25) == 0x0400)  // rounds up into the smallest normal
        #expect(Half.fromFloat(Float.leastNonzeroMagnitude) == 0)
    }

    @Test func exhaustiveHalfRoundTrip() {
        for bits in 0...UInt16.max {
            let f = Half.toFloat(bits)
            #expect(Half.fromFloat(f) == bits, "fp16 \(String(bits, radix: 16)) -> \(f)")
        }
    }

    #if !(os(macOS) && arch(x86_64))
    /// The compiler's Float16 conversions are an independent oracle.
    @Test func agreesWithSwiftFloat16() {
        for bits in 0...UInt16.max {
            let expected = Float(Float16(bitPattern: bits))
            let got = Half.toFloat(bits)
            #expect(got.bitPattern == expected.bitPattern || (got.isNaN && expected.isNaN), "\(bits)")
        }
        let seed: UInt64 = 7
        var rng = SplitMix64(seed: seed)
        for _ in 0..<200_000 {
            // Random bit patterns cover normals, subnormals, overflow and NaN.
            let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
            if f.isNaN { continue }
            #expect(Half.fromFloat(f) == Float16(f).bitPattern, "seed \(seed): \(f) (bits \(f.bitPattern))")
        }
    }
    #endif

    @Test func bfloat16() {
        #expect(Half.bf16ToFloat(0x3F80) == 1)
        #expect(Half.bf16ToFloat(0xC000) == -2)
        #expect(Half.bf16FromFloat(1) == 0x3F80)
        #expect(Half.bf16FromFloat(Float(bitPattern: 0x3F80_8000)) == 0x3F80)  // tie -> even
        #expect(Half.bf16FromFloat(Float(bitPattern: 0x3F81_8000)) == 0x3F82)  // tie -> even (up)
        #expect(Half.bf16FromFloat(Float(bitPattern: 0x3F80_8001)) == 0x3F81)
        #expect(Half.bf16FromFloat(.infinity) == 0x7F80)
        #expect(Half.bf16FromFloat(Float.greatestFiniteMagnitude) == 0x7F80)  // rounds up to infinity
        #expect(Half.bf16ToFloat(Half.bf16FromFloat(.nan)).isNaN)
        #expect(Half.bf16ToFloat(Half.bf16FromFloat(Float(bitPattern: 0x7F80_0001))).isNaN)
        #expect(Half.bf16FromFloat(Float(bitPattern: 0x0000_8000)) == 0)        // subnormal tie -> even (0)
        for bits in 0...UInt16.max {
            #expect(Half.bf16FromFloat(Half.bf16ToFloat(bits)) == bits, "bf16 \(bits)")
        }
    }
}
