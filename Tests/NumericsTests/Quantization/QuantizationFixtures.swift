import Foundation
import Testing

/// Loads `Fixtures/quantize/blocks.json`, written by `Scripts/oracle/quantize_reference.py` (numpy, never Reckon).
enum QuantizationFixtures {
    struct Case: Decodable {
        let `case`: String
        let values: [UInt32]
        let bytes: String

        var floats: [Float] { values.map(Float.init(bitPattern:)) }
        var expected: [UInt8] {
            var out = [UInt8]()
            var chars = Array(bytes.utf8)[...]
            while chars.count >= 2 {
                out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
                chars = chars.dropFirst(2)
            }
            return out
        }
    }

    struct Fixture: Decodable {
        let generator: String
        let types: [String: [Case]]
    }

    static func load() throws -> Fixture {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil),
                                "NumericsTests fixtures missing from the test bundle")
        let url = base.appendingPathComponent("quantize").appendingPathComponent("blocks.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }
}
