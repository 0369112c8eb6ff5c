import Foundation
import Testing

/// `reckon numerics lmul-error` through the built binary: the JSON keys and the paper's "3-bit L-Mul beats e5m2".
@Suite struct NumericsLMulCLITests {
    static let keys: Set<String> = [
        "mantissaBits", "offsetExponent", "pairs", "seed", "meanRelativeError", "maxRelativeError",
        "fp8E4M3MeanRelativeError", "fp8E4M3RoundedProductMeanRelativeError", "fp8E5M2MeanRelativeError",
        "fp8E5M2RoundedProductMeanRelativeError",
    ]

    static func report(_ arguments: [String]) throws -> [String: Any] {
        let result = try ReckonProcess.run(["numerics", "lmul-error"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test func threeBitLMulBeatsE5M2() throws {
        let json = try Self.report(["--mantissa-bits", "3", "--pairs", "200000", "--seed", "5"])
        #expect(Set(json.keys) == Self.keys)
        #expect(json["mantissaBits"] as? Int == 3 && json["offsetExponent"] as? Int == 3)
        #expect(json["pairs"] as? Int == 200_000 && json["seed"] as? Int == 5)
        let lmul = try #require(json["meanRelativeError"] as? Double)
        let e5m2 = try #require(json["fp8E5M2MeanRelativeError"] as? Double)
        let e4m3 = try #require(json["fp8E4M3MeanRelativeError"] as? Double)
        #expect(lmul < e5m2, "L-Mul m=3 \(lmul) vs e5m2 \(e5m2)")
        #expect(e4m3 < lmul, "e4m3 \(e4m3) vs L-Mul m=3 \(lmul)")
        #expect(abs(lmul - 0.0571) < 0.002)  // numerics.md §1.4, loose at 2·10^5 pairs
    }

    @Test func badMantissaBitsExit64WithAMessage() throws {
        let result = try ReckonProcess.run(["numerics", "lmul-error", "--mantissa-bits", "0", "--format", "json"])
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("--mantissa-bits must be in 1...23"), "\(result.standardError)")
    }
}
