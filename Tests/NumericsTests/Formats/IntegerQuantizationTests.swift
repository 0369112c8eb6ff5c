import Testing
import Numerics

/// int-k quantisation against the numpy float32 reference (integers.json) and numerics.md T9.
@Suite struct IntegerQuantizationTests {
    @Test func matchesTheNumpyReference() throws {
        let fixture = try FormatFixtures.load("integers.json", as: FormatFixtures.IntegerFixture.self)
        #expect(fixture.cases.count == 2 * 7 * 2 * 3)
        for c in fixture.cases {
            let values = try #require(fixture.values[c.data]).map(Float.init(bitPattern:))
            let granularity: IntegerQuantization.Granularity = switch c.granularity {
            case "perTensor": .perTensor
            case "perChannel": .perChannel(rowLength: c.groupLength)
            default: .perGroup(size: c.groupLength)
            }
            let q = try IntegerQuantization(bits: c.bits, scheme: try #require(.init(rawValue: c.scheme)),
                                            granularity: granularity)
            let encoded = try q.quantize(values)
            let label = "\(c.data) int\(c.bits) \(c.scheme) \(c.granularity)"
            #expect(encoded.codes == c.codes, "\(label): codes")
            #expect(encoded.scales.map(\.bitPattern) == c.scales, "\(label): scales")
            #expect(encoded.zeroPoints == c.zeroPoints, "\(label): zero points")
            #expect(q.dequantize(encoded).map(\.bitPattern) == c.decoded, "\(label): decoded")
        }
    }

    @Test func publishedVectors() throws {
        let asym = try IntegerQuantization(bits: 8, scheme: .asymmetric, granularity: .perTensor)
        let a = try asym.quantize([-1, 0, 0.5, 1, 3])
        #expect(a.zeroPoints == [64] && a.codes == [0, 64, 96, 128, 255])
        let aHat = asym.dequantize(a)
        for (x, e) in zip(aHat, [-1.0039216, 0, 0.5019608, 1.0039216, 2.9960784] as [Float]) { #expect(abs(x - e) < 1e-6) }
        let x: [Float] = [-3, -1, 0, 0.5, 1, 2.9]
        let sym8 = try IntegerQuantization(bits: 8, scheme: .symmetric, granularity: .perTensor).quantize(x)
        #expect(sym8.codes == [-127, -42, 0, 21, 42, 123])
        let sym4 = try IntegerQuantization(bits: 4, scheme: .symmetric, granularity: .perTensor).quantize(x)
        #expect(sym4.codes == [-7, -2, 0, 1, 2, 7])
    }

    @Test func granularityAndErrors() throws {
        let values: [Float] = [1, 2, 3, 4, 10, 20, 30, 40]
        let perChannel = try IntegerQuantization(bits: 8, scheme: .symmetric, granularity: .perChannel(rowLength: 4))
        #expect(try perChannel.quantize(values).scales == [4.0 / 127, 40.0 / 127])
        let perGroup = try IntegerQuantization(bits: 3, scheme: .symmetric, granularity: .perGroup(size: 2))
        #expect(try perGroup.quantize(values).scales.count == 4)
        #expect(throws: NumericsError.unsupportedIntegerBits(9)) {
            try IntegerQuantization(bits: 9, scheme: .symmetric, granularity: .perTensor)
        }
        let error = #expect(throws: NumericsError.self) { try perGroup.quantize([1, 2, 3]) }
        #expect(error?.description.contains("3 values do not split into groups of 2") == true)
        let zeros = try perGroup.quantize([0, 0])
        #expect(zeros.scales == [1] && zeros.codes == [0, 0])
    }
}
