import Foundation
import Testing

/// Loads the golden fixtures written by `Scripts/oracle/format_codes.py` (ml-dtypes / numpy, never Reckon's code).
enum FormatFixtures {
    struct ElementFixture: Decodable {
        let format: String
        let reference: String
        let generator: String
        let decodeCodes: [UInt16]?
        let decodeValues: [UInt32]
        let encodeInputs: [UInt32]
        let nonSaturating: [UInt16]
        let saturating: [UInt16]

        /// The codes `decodeValues` belong to: every code, or the listed sample for 16-bit formats.
        var codes: [UInt16] { decodeCodes ?? (0..<decodeValues.count).map(UInt16.init) }
    }

    struct BlockCase: Decodable {
        let format: String
        let `case`: String
        let values: [UInt32]
        let scaleCodes: [UInt8]
        let elementCodes: [UInt8]
        let tensorScale: UInt32
        let decoded: [UInt32]
    }

    struct BlockFixture: Decodable {
        let generator: String
        let cases: [BlockCase]
    }

    struct IntegerCase: Decodable {
        let data: String
        let bits: Int
        let scheme: String
        let granularity: String
        let groupLength: Int
        let codes: [Int16]
        let scales: [UInt32]
        let zeroPoints: [Int16]
        let decoded: [UInt32]
    }

    struct IntegerFixture: Decodable {
        let generator: String
        let values: [String: [UInt32]]
        let cases: [IntegerCase]
    }

    static func url(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil),
                                "NumericsTests fixtures missing from the test bundle")
        return base.appendingPathComponent("formats").appendingPathComponent(name)
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: try url(name)))
    }

    static func element(_ name: String) throws -> ElementFixture {
        try load("\(name).json", as: ElementFixture.self)
    }
}

/// Bitwise float equality where every NaN equals every NaN (ml-dtypes and Reckon may pick different payloads).
func sameFloat(_ a: Float, _ b: Float) -> Bool {
    (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
}

func hexCode(_ c: UInt16) -> String { "0x" + String(c, radix: 16) }
