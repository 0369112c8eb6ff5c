import Foundation
import Testing

/// `reckon numerics codes` through the built binary: the JSON contract scripts read.
@Suite struct NumericsCLITests {
    /// Parses the contract's JSON: `[{"code": n, "value": number | "nan" | "inf" | "-inf"}]`.
    static func entries(_ text: String) throws -> [(code: Int, value: Double)] {
        let array = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return try array.map { entry in
            let code = try #require(entry["code"] as? Int)
            if let string = entry["value"] as? String {
                let value: Double? = ["nan": .nan, "inf": .infinity, "-inf": -.infinity][string]
                return (code, try #require(value, "unexpected value string \(string)"))
            }
            return (code, try #require((entry["value"] as? NSNumber)?.doubleValue))
        }
    }

    @Test func fp4JSONMatchesTheHandComputedTable() throws {
        let result = try ReckonProcess.run(["numerics", "codes", "fp4-e2m1", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let entries = try Self.entries(result.standardOutput)
        // E2M1: sign, 2 exponent bits (bias 1), 1 mantissa bit; code 1 is the subnormal 0.5 (numerics.md §3.1).
        let expected: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6, -0.0, -0.5, -1, -1.5, -2, -3, -4, -6]
        #expect(entries.map(\.code) == Array(0..<16))
        #expect(entries.map(\.value) == expected)
        #expect(entries[8].value.sign == .minus, "code 8 is -0")
        #expect(result.standardOutput.contains("\"value\": -0.0"))
    }

    @Test func fp8E4M3HasTwoNaNsAndNoInfinity() throws {
        let result = try ReckonProcess.run(["numerics", "codes", "fp8-e4m3", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let entries = try Self.entries(result.standardOutput)
        #expect(entries.count == 256)
        #expect(entries.map(\.code) == Array(0..<256))
        #expect(entries[0x7F].value.isNaN && entries[0xFF].value.isNaN)
        #expect(entries.filter { $0.value.isNaN }.count == 2 && !entries.contains { $0.value.isInfinite })
        #expect(entries[0x7E].value == 448 && entries[0xFE].value == -448 && entries[0x01].value == 0x1p-9)
        #expect(result.standardOutput.contains("{\"code\": 127, \"value\": \"nan\"}"))
    }

    @Test func e5m2AndE8M0SpecialStrings() throws {
        let e5m2 = try Self.entries(try ReckonProcess.run(["numerics", "codes", "fp8-e5m2", "--format", "json"]).standardOutput)
        #expect(e5m2[0x7C].value == .infinity && e5m2[0xFC].value == -.infinity && e5m2[0x7B].value == 57344)
        let e8m0 = try Self.entries(try ReckonProcess.run(["numerics", "codes", "e8m0", "--format", "json"]).standardOutput)
        // Foundation's JSON parser may be off by a double ulp on long decimals, so compare as Float.
        #expect(Float(e8m0[0].value) == 0x1p-127 && e8m0[127].value == 1 && Float(e8m0[254].value) == 0x1p127)
        #expect(e8m0[255].value.isNaN && e8m0.count == 256)
    }

    @Test func unknownFormatListsTheValidOnesAndExits64() throws {
        let result = try ReckonProcess.run(["numerics", "codes", "fp8", "--format", "json"])
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        for name in ["fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1", "e8m0"] {
            #expect(result.standardError.contains(name), "error should list \(name): \(result.standardError)")
        }
        #expect(result.standardError.contains("unknown number format 'fp8'"))
    }

    @Test func textListsEveryCode() throws {
        let result = try ReckonProcess.run(["numerics", "codes", "fp6-e2m3"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1 + 64)
        #expect(lines.last == "0x3f  -7.5")
    }
}
