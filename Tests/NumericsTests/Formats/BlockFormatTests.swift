import Testing
import Numerics

/// MX and NVFP4 blocks against the numpy reference of the block rules (blocks.json) and numerics.md T3.
@Suite struct BlockFormatTests {
    @Test func matchesTheNumpyReference() throws {
        let fixture = try FormatFixtures.load("blocks.json", as: FormatFixtures.BlockFixture.self)
        #expect(fixture.cases.count >= 6 * 10)
        for c in fixture.cases {
            let format = try #require(BlockFormat(name: c.format), "unknown format \(c.format)")
            let values = c.values.map(Float.init(bitPattern:))
            let blocks = format.encode(values)
            let label = "\(c.format) / \(c.case)"
            #expect(blocks.scaleCodes == c.scaleCodes, "\(label): scales")
            #expect(blocks.elementCodes == c.elementCodes, "\(label): elements")
            #expect(blocks.tensorScale.bitPattern == c.tensorScale, "\(label): tensor scale")
            let decoded = format.decode(blocks)
            #expect(decoded.count == values.count)
            let expected = c.decoded.map(Float.init(bitPattern:))
            #expect(zip(decoded, expected).allSatisfy(sameFloat), "\(label): decoded")
        }
        let formats = Set(fixture.cases.map(\.format))
        #expect(formats == Set(BlockFormat.allCases.map(\.description)))
    }

    /// numerics.md T3 (hand-derived there).
    @Test func publishedMXVectors() {
        let v: [Float] = [0.1, -0.2, 0.3, 0.75, 1.0, -1.7, 2.9, 3.3, 5.5, -7.9] + [Float](repeating: 0, count: 22)
        let mxfp4 = BlockFormat.mxfp4.encode(v)
        #expect(mxfp4.scaleCodes == [127])
        #expect(Array(BlockFormat.mxfp4.decode(mxfp4).prefix(10)) == [0, -0.0, 0.5, 1.0, 1.0, -1.5, 3.0, 3.0, 6.0, -6.0])
        let mxfp8 = BlockFormat.mxfp8E4M3.encode(v)
        #expect(mxfp8.scaleCodes == [121])
        #expect(Array(mxfp8.elementCodes.prefix(10)) == [0x4D, 0xD5, 0x5A, 0x64, 0x68, 0xEE, 0x74, 0x75, 0x7B, 0xFE])
        #expect(Array(BlockFormat.mxfp8E4M3.decode(mxfp8).prefix(10))
                == [0.1015625, -0.203125, 0.3125, 0.75, 1.0, -1.75, 3.0, 3.25, 5.5, -7.0])
    }

    @Test func publishedNVFP4Vector() {
        let block: [Float] = [0.1, -0.2, 0.3, 0.75, 1.0, -1.7, 2.9, 3.3, 5.5, -7.9, 0.05, 0, 4.4, -3.1, 2.2, 0.6]
        let tensor = block + [10] + [Float](repeating: 0, count: 15)  // tensor amax 10
        let encoded = BlockFormat.nvfp4.encode(tensor)
        #expect(encoded.scaleCodes[0] == 0x7B)  // 352
        let e2m1 = encoded.elementCodes.prefix(16).map { ElementFormat.fp4E2M1.decode(UInt16($0)) }
        #expect(e2m1 == [0, -0.0, 0, 0.5, 1, -1.5, 2, 3, 4, -6, 0, 0, 3, -2, 1.5, 0.5])
        let decoded = BlockFormat.nvfp4.decode(encoded)
        let expected: [Float] = [0, 0, 0, 0.654762, 1.309524, -1.964286, 2.619048, 3.928571, 5.238095, -7.857143,
                                 0, 0, 3.928571, -2.619048, 1.964286, 0.654762]
        for (d, e) in zip(decoded, expected) { #expect(abs(d - e) < 1e-5, "\(d) vs \(e)") }
        #expect(decoded[16] == 10)
    }

    @Test(arguments: BlockFormat.allCases)
    func nonFiniteBlocksDecodeToNaNAndOthersStayFinite(format: BlockFormat) {
        let size = format.traits.blockSize
        var values = (0..<(3 * size)).map { Float($0 % 7) - 3 }
        values[size + 2] = .infinity
        let decoded = format.decode(format.encode(values))
        let middleIsNaN = decoded[size..<(2 * size)].allSatisfy { $0.isNaN }
        let othersFinite = decoded[0..<size].allSatisfy { $0.isFinite } && decoded[(2 * size)...].allSatisfy { $0.isFinite }
        #expect(middleIsNaN && othersFinite)
    }

    @Test(arguments: BlockFormat.allCases)
    func stochasticBlocksKeepTheScaleAndPickNeighbours(format: BlockFormat) {
        var rng = SplitMix64(seed: 99)
        let values = (0..<(4 * format.traits.blockSize)).map { _ in Float.random(in: -3...3, using: &rng) }
        let nearest = format.encode(values)
        let stochastic = format.encodeStochastically(values, using: &rng)
        #expect(stochastic.scaleCodes == nearest.scaleCodes)
        let element = format.traits.element
        let decodedNearest = format.decode(nearest), decodedStochastic = format.decode(stochastic)
        for i in values.indices {
            // Both are codes bracketing the same scaled value, so they are equal or adjacent in the element grid.
            let a = element.decode(UInt16(nearest.elementCodes[i])), b = element.decode(UInt16(stochastic.elementCodes[i]))
            let steps = abs(Int(nearest.elementCodes[i] & UInt8(element.traits.magnitudeMask))
                            - Int(stochastic.elementCodes[i] & UInt8(element.traits.magnitudeMask)))
            #expect(steps <= 1 && (a == 0 || b == 0 || a.sign == b.sign), "\(format) element \(i): \(a) vs \(b)")
            #expect(abs(decodedNearest[i] - decodedStochastic[i]) <= abs(decodedNearest[i] - values[i]) * 2 + 1e-6
                    || steps == 1)
        }
    }

    @Test func layoutFacts() {
        #expect(BlockFormat.allCases.map(\.traits.bitsPerBlock) == [264, 264, 200, 200, 136, 72])
        #expect(BlockFormat.allCases.map(\.traits.elementMaxExponent) == [8, 15, 2, 4, 2, 2])
        let blocks = BlockFormat.mxfp4.encode([1, 2, 3])
        #expect(blocks.blockCount == 1 && blocks.elementCodes.count == 32 && blocks.count == 3)
        #expect(BlockFormat.mxfp4.decode(blocks) == [1, 2, 3])
    }
}
