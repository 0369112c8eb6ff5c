import Foundation
import Testing
@testable import Numerics

/// ``NumberFormat``: names, bit counts, and rounding against the independent numpy / ml-dtypes reference in
/// Scripts/oracle/weight_modes_reference.py (Fixtures/formats/rounding.json).
@Suite struct NumberFormatTests {
    struct Golden: Decodable {
        let rowLength: Int
        let input: [UInt32]
        let formats: [String: [UInt32]]
    }

    static func golden() throws -> Golden {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let url = base.appendingPathComponent("formats").appendingPathComponent("rounding.json")
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }

    @Test func roundingMatchesTheReference() throws {
        let golden = try Self.golden()
        let input = golden.input.map(Float.init(bitPattern:))
        #expect(golden.formats.count == 20)
        for (name, expected) in golden.formats.sorted(by: { $0.key < $1.key }) {
            let format = try #require(NumberFormat(name: name), "\(name) should parse")
            let got = try format.rounded(input, rowLength: golden.rowLength).map(\.bitPattern)
            let mismatches = zip(got, expected).enumerated().filter { $0.element.0 != $0.element.1 }
            #expect(mismatches.isEmpty, "\(name): \(mismatches.count) values differ, first \(mismatches.prefix(3).map { "[\($0.offset)] \(Float(bitPattern: $0.element.0)) vs \(Float(bitPattern: $0.element.1))" })")
            // The in-place form (what activation and KV rounding use) gives the same values.
            var copy = input
            copy.withUnsafeMutableBufferPointer { format.round($0.baseAddress!, count: $0.count, rowLength: golden.rowLength) }
            #expect(copy.map(\.bitPattern) == got, "\(name) in place")
        }
    }

    /// The fast element rounder agrees with the codec (tested exhaustively against ml-dtypes in FormatsTests) on
    /// every code's value, the midpoints to its neighbours and one ulp either side of them, and past the range.
    @Test(arguments: ElementFormat.allCases.filter { $0 != .e8m0 })
    func elementRounderAgreesWithTheCodec(format: ElementFormat) {
        let rounder = ElementRounder(format)
        let top = format.maxFinite
        var probes: [Float] = [0, -0.0, top, top.nextUp, 2 * top, .infinity, -.infinity, .leastNonzeroMagnitude]
        let codes = format.traits.bitWidth <= 8 ? Array(0..<format.traits.codeCount) : Array(stride(from: 0, to: 65536, by: 97))
        let values = codes.map { format.decode(UInt16($0)) }.filter(\.isFinite).sorted()
        for (a, b) in zip(values, values.dropFirst()) where a < b {
            let middle = Float((Double(a) + Double(b)) / 2)
            probes += [a, middle, middle.nextUp, middle.nextDown, b.nextDown]
        }
        for x in probes + probes.map(-) {
            let expected = format.decode(format.encode(x, overflow: .saturate))
            #expect(rounder.round(x).bitPattern == expected.bitPattern, "\(format) \(x): \(rounder.round(x)) vs \(expected)")
        }
    }

    @Test func roundingIsIdempotent() throws {
        let golden = try Self.golden()
        let input = golden.input.map(Float.init(bitPattern:))
        for name in NumberFormat.names where !["ternary", "binary", "q4_1", "q4_0", "int4-g32", "int8", "nvfp4", "q8_0"].contains(name) {
            let format = try #require(NumberFormat(name: name))
            let once = try format.rounded(input, rowLength: 64)
            #expect(try format.rounded(once, rowLength: 64) == once, "\(name)")
        }
    }

    @Test func namesRoundTripAndAliases() throws {
        for name in NumberFormat.names {
            let format = try #require(NumberFormat(name: name), "\(name)")
            #expect(NumberFormat(name: format.name) == format)
        }
        #expect(NumberFormat(name: "f32") == .float32)
        #expect(NumberFormat(name: "float32") == .float32)
        #expect(NumberFormat(name: "mxfp8") == .block(.mxfp8E4M3))
        #expect(NumberFormat(name: "mxfp6") == .block(.mxfp6E2M3))
        #expect(NumberFormat(name: "int4-g32") == .integer(bits: 4, groupSize: 32))
        #expect(NumberFormat(name: "INT3") == .integer(bits: 3, groupSize: nil))
        #expect(NumberFormat(name: "Q4_1") == .ggml(.q4_1))
        for bad in ["e8m0", "int9", "int1", "int4-32", "int4-g0", "q6_k", "fp7", "", "int"] {
            #expect(NumberFormat(name: bad) == nil, "\(bad)")
        }
        #expect(throws: NumericsError.self) { try NumberFormat(parsing: "fp7", role: "weights") }
        do {
            _ = try NumberFormat(parsing: "fp7", role: "weights")
        } catch {
            #expect(error.description.contains("unknown weights format 'fp7'"))
            #expect(error.description.contains("mxfp4") && error.description.contains("ternary"))
        }
    }

    /// Bits per value: element width plus scale bits shared by a block (hand-computed from the format definitions).
    @Test func bitsPerValue() throws {
        let expected: [String: Double] = [
            "fp32": 32, "bf16": 16, "fp8-e4m3": 8, "fp6-e2m3": 6, "fp4-e2m1": 4, "mxfp8": 8.25, "mxfp6": 6.25,
            "mxfp4": 4.25, "nvfp4": 4.5, "int8": 8, "int4-g32": 4.5, "binary": 1, "q8_0": 8.5, "q4_0": 4.5, "q4_1": 5,
        ]
        for (name, bits) in expected { #expect(try #require(NumberFormat(name: name)).bitsPerValue == bits, "\(name)") }
        #expect(abs(NumberFormat.ternary.bitsPerValue - log2(3)) < 1e-12)
    }

    @Test func shapeErrors() {
        #expect(throws: NumericsError.self) { try NumberFormat.block(.mxfp4).rounded([Float](repeating: 1, count: 48), rowLength: 48) }
        #expect(throws: NumericsError.self) { try NumberFormat.float32.rounded([1, 2, 3], rowLength: 2) }
    }

    @Test func multiplierParsing() throws {
        #expect(try Multiplier(parsing: "exact") == .exact)
        #expect(try Multiplier(parsing: "lmul:m=3") == .lmul(mantissaBits: 3))
        #expect(try Multiplier(parsing: "lmul") == .lmul(mantissaBits: 23))
        #expect(Multiplier.lmul(mantissaBits: 4).description == "lmul:m=4")
        for bad in ["lmul:m=0", "lmul:m=24", "lmul:3", "mul", "lmul:m="] {
            #expect(throws: NumericsError.unknownMultiplier(bad)) { try Multiplier(parsing: bad) }
        }
    }
}

/// The fast block and integer rounding agree with the codecs they shortcut (BlockFormat encode + decode,
/// IntegerQuantization quantize + dequantize), which FormatsTests check against ml-dtypes and numpy.
@Suite struct FastRoundingTests {
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var rng = SplitMix64(seed: seed)
        var v = (0..<count).map { _ in Float.random(in: -3...3, using: &rng) * Float(sign: .plus, exponent: Int.random(in: -12...9, using: &rng), significand: 1) }
        for i in 0..<32 { v[64 + i] = 0 }           // an all-zero block
        v[100] = -0.0; v[130] = .nan; v[170] = .infinity  // NaN and infinity blocks
        v[200] = 1e-41; v[210] = 3e38                   // subnormal and huge
        return v
    }

    @Test(arguments: BlockFormat.allCases)
    func blockRounderEqualsTheCodec(format: BlockFormat) {
        for seed: UInt64 in 1...4 {
            let v = Self.values(256, seed: seed)
            let expected = format.decode(format.encode(v))
            let got = BlockRounder(format).rounded(v)
            #expect(got.map(\.bitPattern) == expected.map(\.bitPattern)
                    || zip(got, expected).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) },
                    "\(format) seed \(seed)")
        }
    }

    @Test(arguments: [(8, 64), (4, 32), (3, 16), (2, 256)])
    func integerRoundingEqualsIntegerQuantization(bits: Int, group: Int) throws {
        for seed: UInt64 in 1...4 {
            let v = Self.values(256, seed: seed)
            let quantization = try IntegerQuantization(bits: bits, scheme: .symmetric, granularity: .perGroup(size: group))
            let expected = quantization.dequantize(try quantization.quantize(v))
            let got = NumberFormat.symmetricIntegers(v, bits: bits, groupLength: group)
            #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "int\(bits) g\(group) seed \(seed)")
        }
    }
}
