import Testing
import Numerics

/// Element codecs against ml-dtypes fixtures (every code decoded; every code's neighbourhood encoded), plus the
/// hand-checked vectors of numerics.md §3.1 / T2.
@Suite struct ElementFormatTests {
    @Test(arguments: ElementFormat.allCases)
    func decodesEveryCodeLikeMLDtypes(format: ElementFormat) throws {
        let fixture = try FormatFixtures.element(format.description)
        #expect(fixture.format == format.description)
        if format.traits.bitWidth <= 8 {
            #expect(fixture.decodeValues.count == format.traits.codeCount, "fixture must list every code")
        }
        var mismatches: [String] = []
        for (code, expectedBits) in zip(fixture.codes, fixture.decodeValues) {
            let expected = Float(bitPattern: expectedBits)
            let actual = format.decode(code)
            if !sameFloat(actual, expected) { mismatches.append("\(hexCode(code)): \(actual) != \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(format): \(mismatches.count) codes differ, e.g. \(mismatches.prefix(5))")
    }

    @Test(arguments: ElementFormat.allCases, OverflowPolicy.allCases)
    func encodesEveryNeighbourhoodLikeMLDtypes(format: ElementFormat, overflow: OverflowPolicy) throws {
        let fixture = try FormatFixtures.element(format.description)
        let expected = overflow == .saturate ? fixture.saturating : fixture.nonSaturating
        #expect(fixture.encodeInputs.count == expected.count)
        #expect(fixture.encodeInputs.count > 600, "neighbourhoods missing from \(format)'s fixture")
        var mismatches: [String] = []
        for (inputBits, code) in zip(fixture.encodeInputs, expected) {
            let x = Float(bitPattern: inputBits)
            let actual = format.encode(x, overflow: overflow)
            // NaN codes: any of the format's NaN codes with the input's sign is the same answer.
            let agree = actual == code || (format.decode(actual).isNaN && format.decode(code).isNaN
                                           && (actual ^ code) & format.traits.signMask == 0)
            if !agree { mismatches.append("\(x) (bits \(String(inputBits, radix: 16))): \(hexCode(actual)) != \(hexCode(code))") }
        }
        #expect(mismatches.isEmpty, "\(format) \(overflow): \(mismatches.count) of \(expected.count) differ, e.g. \(mismatches.prefix(5))")
    }

    @Test(arguments: ElementFormat.allCases)
    func everyFiniteCodeRoundTrips(format: ElementFormat) {
        for code in (0..<format.traits.codeCount).map(UInt16.init) {
            let value = format.decode(code)
            guard !value.isNaN else { continue }
            for policy in OverflowPolicy.allCases where !(value.isInfinite && policy == .saturate) {
                #expect(format.encode(value, overflow: policy) == code, "\(format) \(hexCode(code)) = \(value)")
            }
        }
    }

    /// numerics.md §3.1 table and T2 (hand-checked there against ml_dtypes 0.6.0).
    @Test func publishedVectors() {
        let e4m3 = ElementFormat.fp8E4M3, e5m2 = ElementFormat.fp8E5M2
        let rows: [(Float, UInt16, UInt16)] = [
            (1, 0x38, 0x3C), (-1, 0xB8, 0xBC), (0.1, 0x1D, 0x2E), (1.0 / 3, 0x2B, 0x35), (1.0625, 0x38, 0x3C),
            (1.1875, 0x3A, 0x3D), (.pi, 0x45, 0x42), (-2.5, 0xC2, 0xC1), (240, 0x77, 0x5C), (448, 0x7E, 0x5F),
            (464, 0x7E, 0x5F), (465, 0x7F, 0x5F), (480, 0x7F, 0x60), (0x1p-6, 0x08, 0x24), (0x1p-9, 0x01, 0x18),
            (0x1p-10, 0x00, 0x14), (3 * 0x1p-10, 0x02, 0x1A), (57344, 0x7F, 0x7B), (61439, 0x7F, 0x7B),
            (61440, 0x7F, 0x7C), (0x1p-16, 0x00, 0x01), (.infinity, 0x7F, 0x7C), (.nan, 0x7F, 0x7E),
        ]
        for (x, a, b) in rows {
            #expect(e4m3.encode(x, overflow: .nonSaturating) == a, "e4m3 \(x)")
            #expect(e5m2.encode(x, overflow: .nonSaturating) == b, "e5m2 \(x)")
        }
        #expect(e4m3.encode(465, overflow: .saturate) == 0x7E)
        #expect(e4m3.maxFinite == 448 && e5m2.maxFinite == 57344)
        #expect(ElementFormat.fp6E3M2.maxFinite == 28 && ElementFormat.fp6E2M3.maxFinite == 7.5)
        #expect(ElementFormat.fp4E2M1.maxFinite == 6 && ElementFormat.e8m0.maxFinite == 0x1p127)
        #expect(ElementFormat.fp4E2M1.decodedValues == [0, 0.5, 1, 1.5, 2, 3, 4, 6, -0.0, -0.5, -1, -1.5, -2, -3, -4, -6])
        let e2m1: [(Float, UInt16)] = [(0.25, 0), (0.75, 2), (1.25, 2), (1.75, 4), (2.5, 4), (3.5, 6), (5, 6),
                                      (7, 7), (100, 7), (-0.75, 10)]
        for (x, c) in e2m1 { #expect(ElementFormat.fp4E2M1.encode(x, overflow: .nonSaturating) == c, "e2m1 \(x)") }
        let e8: [(UInt16, Float)] = [(127, 1), (128, 2), (126, 0.5), (0, 0x1p-127), (254, 0x1p127)]
        for (c, v) in e8 { #expect(ElementFormat.e8m0.decode(c) == v) }
        #expect(ElementFormat.e8m0.decode(255).isNaN)
    }

    @Test func specialCodesCountLikeTheSpec() {
        func count(_ f: ElementFormat, _ p: (Float) -> Bool) -> Int { f.decodedValues.filter(p).count }
        #expect(count(.fp8E4M3, \.isNaN) == 2 && count(.fp8E4M3, \.isInfinite) == 0)
        #expect(count(.fp8E5M2, \.isNaN) == 6 && count(.fp8E5M2, \.isInfinite) == 2)
        for f in [ElementFormat.fp6E2M3, .fp6E3M2, .fp4E2M1] { #expect(count(f) { !$0.isFinite } == 0) }
        #expect(count(.e8m0, \.isNaN) == 1 && count(.e8m0) { $0 == 0 } == 0)
        #expect(count(.fp16, \.isNaN) == 2046 && count(.bf16, \.isInfinite) == 2)
    }

    /// Formats without NaN or infinity: Reckon's documented choices (ml-dtypes flips NaN's sign into a zero).
    @Test(arguments: [ElementFormat.fp6E2M3, .fp6E3M2, .fp4E2M1])
    func formatsWithoutSpecialsClampAndMapNaNToZero(format: ElementFormat) {
        let maxCode = format.encode(format.maxFinite, overflow: .saturate)
        let sign = format.traits.signMask
        for policy in OverflowPolicy.allCases {
            #expect(format.encode(.nan, overflow: policy) == 0)
            #expect(format.encode(-.nan, overflow: policy) == 0)
            #expect(format.encode(.infinity, overflow: policy) == maxCode)
            #expect(format.encode(-.infinity, overflow: policy) == sign | maxCode)
            #expect(format.encode(format.maxFinite * 1000, overflow: policy) == maxCode)
        }
    }

    @Test func saturationAndNonSaturationOfSpecialFormats() {
        #expect(ElementFormat.fp8E4M3.encode(-.infinity, overflow: .saturate) == 0xFE)
        #expect(ElementFormat.fp8E4M3.encode(-1e6, overflow: .nonSaturating) == 0xFF)
        #expect(ElementFormat.fp8E5M2.encode(-.infinity, overflow: .saturate) == 0xFB)
        #expect(ElementFormat.fp8E5M2.encode(-1e6, overflow: .nonSaturating) == 0xFC)
        #expect(ElementFormat.fp16.encode(70000, overflow: .saturate) == 0x7BFF)
        #expect(ElementFormat.fp16.encode(70000, overflow: .nonSaturating) == 0x7C00)
        #expect(ElementFormat.e8m0.encode(.infinity, overflow: .saturate) == 254)
        #expect(ElementFormat.e8m0.encode(.infinity, overflow: .nonSaturating) == 255)
        for x: Float in [0, -0.0, -1, .nan] {
            #expect(ElementFormat.e8m0.encode(x, overflow: .saturate) == 255, "e8m0 has no code for \(x)")
        }
        #expect(ElementFormat.e8m0.encode(.leastNonzeroMagnitude, overflow: .nonSaturating) == 0)
        #expect(ElementFormat.e8m0.encode(1.5, overflow: .nonSaturating) == 128)
        #expect(ElementFormat.e8m0.encode(3, overflow: .nonSaturating) == 129, "E8M0 ties go up")
        // Float32 subnormals between 2^-127 and 2^-126 (left out of the fixture: ml-dtypes rounds them all up).
        #expect(ElementFormat.e8m0.encode(Float(bitPattern: 0x5F_FFFF), overflow: .nonSaturating) == 0)  // 1.4999·2^-127
        #expect(ElementFormat.e8m0.encode(Float(bitPattern: 0x60_0000), overflow: .nonSaturating) == 1)  // 1.5·2^-127
        #expect(ElementFormat.e8m0.encode(Float(bitPattern: 0x40_0001), overflow: .nonSaturating) == 0)
    }

    @Test func agreesWithHalfOnEveryFP16AndBF16Code() {
        for code in 0...UInt16.max {
            let h = Half.toFloat(code), b = Half.bf16ToFloat(code)
            #expect(sameFloat(ElementFormat.fp16.decode(code), h))
            #expect(sameFloat(ElementFormat.bf16.decode(code), b))
        }
    }

    @Test func namesRoundTrip() {
        for format in ElementFormat.allCases {
            #expect(ElementFormat(name: format.description) == format)
            #expect(format.traits.format == format, "ElementTraits.table row \(format.rawValue) is out of order")
        }
        for format in BlockFormat.allCases {
            #expect(BlockFormat(name: format.description) == format)
            #expect(format.traits.format == format, "BlockFormatTraits.table row \(format.rawValue) is out of order")
        }
        #expect(ElementFormat(name: "fp8") == nil)
        #expect(ElementFormat.allCases.map(\.description)
                == ["fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1", "e8m0"])
    }
}
