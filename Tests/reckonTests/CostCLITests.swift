import Foundation
import Testing
import TestSupport

/// `reckon cost` on the default model. Golden values come from SmolLM2-135M's published configuration (30 layers,
/// hidden 576, feed-forward 1536, 9 query heads and 3 KV heads of 64, vocabulary 49152, tied embeddings), never
/// from the code under test: per layer q 576·576 + k 576·192 + v 576·192 + o 576·576 + gate/up/down 3·576·1536
/// = 3 538 944 weights in products; 30 layers = 106 168 320; the tied output head 49152·576 = 28 311 552;
/// P = 134 479 872.
@Suite(.enabled(if: DefaultModel.shouldRun, "default model unavailable and RECKON_ALLOW_NO_MODEL=1"))
struct CostCLITests {
    static let keys: Set<String> = [
        "model", "weights", "activations", "kv", "matmul", "attention", "context", "matmulMACs", "attentionMACs", "flops",
        "weightBytes", "kvBytes", "ace", "computeEnergyJoules", "memoryEnergyJoules", "energyJoules", "energyIsEstimate",
        "energySource", "layers", "attentionDim", "kvDim", "matmulParameters", "kvBytesPerElement",
    ]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let model = try DefaultModel.require()
        let result = try ReckonProcess.run(["cost", "--model", model, "--format", "json"] + arguments, timeout: 120)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test func q8WeightsInt8ActivationsAtContext512MatchTheHandCount() throws {
        let json = try Self.json(["--weights", "q8_0", "--activations", "int8", "--kv", "fp16", "--context", "512"])
        #expect(Set(json.keys) == Self.keys)
        #expect(json["matmulParameters"] as? Int == 134_479_872)
        #expect(json["layers"] as? Int == 30 && json["attentionDim"] as? Int == 576 && json["kvDim"] as? Int == 192)
        // Attention: 2 · 30 layers · 512 positions · 576 = 17 694 720 MACs.
        #expect(json["attentionMACs"] as? Double == 17_694_720)
        #expect(json["flops"] as? Double == Double(2 * (134_479_872 + 17_694_720)))
        // Q8_0: 34 bytes per 32 weights (every row length, 576 or 1536, is a multiple of 32).
        #expect(json["weightBytes"] as? Double == 134_479_872.0 * 34 / 32)
        // fp16 K and V: 2 · 30 · 512 · 192 · 2 bytes.
        #expect(json["kvBytes"] as? Double == 11_796_480)
        // ACE: 8 × 8 per weight product, 8 × 16 per attention product.
        let handACE: Double = 134_479_872.0 * 64 + 17_694_720.0 * 128
        #expect(json["ace"] as? Double == handACE)
        // Energy: int8 products 0.2 + 0.1 pJ, int8 × fp16 attention 1.1 + 0.9 pJ; DRAM 1300 pJ per 8 bytes.
        let compute: Double = (134_479_872.0 * 0.3 + 17_694_720.0 * 2.0) * 1e-12
        let memory: Double = (134_479_872.0 * 34 / 32 + 11_796_480) / 8 * 1300e-12
        #expect(abs((json["computeEnergyJoules"] as? Double ?? 0) - compute) < 1e-12 * compute)
        #expect(abs((json["energyJoules"] as? Double ?? 0) - (compute + memory)) < 1e-12 * (compute + memory))
        #expect(json["energyIsEstimate"] as? Bool == true)
        #expect(json["weights"] as? String == "q8_0" && json["matmul"] as? String == "exact")
    }

    @Test func lmulCountsItsAdderAndTextSaysEstimate() throws {
        let json = try Self.json(["--weights", "mxfp4", "--activations", "fp32", "--matmul", "lmul:m=3", "--context", "1"])
        // One E8M0 per 32 elements of 4 bits; L-Mul on fp32 operands adds 8 exponent + 3 mantissa bits per MAC,
        // attention fp32 × fp32 exact: 32 · 32 over 2 · 30 · 1 · 576 MACs.
        #expect(json["weightBytes"] as? Double == 134_479_872.0 * 4.25 / 8)
        let lmulACE: Double = 134_479_872.0 * 11 + 34_560.0 * 1024
        #expect(json["ace"] as? Double == lmulACE)
        let model = try DefaultModel.require()
        let text = try ReckonProcess.run(["cost", "--model", model, "--weights", "nvfp4"], timeout: 120)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("ESTIMATE"))
        #expect(text.standardOutput.contains("weights=nvfp4 activations=fp32 kv=fp32 matmul=exact"))
    }

    @Test func unknownFormatExits64NamingTheOption() throws {
        let result = try ReckonProcess.run(["cost", "--weights", "fp7"])
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("unknown --weights format 'fp7'"), "\(result.standardError)")
        let multiply = try ReckonProcess.run(["cost", "--matmul", "lmul:m=24"])
        #expect(multiply.status == 64)
        #expect(multiply.standardError.contains("lmul:m=M"), "\(multiply.standardError)")
    }

    /// A local eval records its arithmetic's per-token cost with the run; its JSON summary carries accuracy intervals;
    /// the report shows the cost, FLOPs per strategy setting and an energy estimate.
    @Test func evalRecordsItsCostAndTheReportShowsIt() throws {
        let model = try DefaultModel.require()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-cost-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("runs.sqlite").path
        let eval = try ReckonProcess.run(
            ["eval", "--model", model, "--task", "arithmetic", "--difficulty", "digits=1", "--problems", "2", "--samples", "2",
             "--max-tokens", "8", "--seed", "3", "--threads", "1", "--db", db, "--format", "json"], timeout: 600)
        #expect(eval.status == 0, "\(eval.standardError)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(eval.standardOutput.utf8)) as? [String: Any])
        let strategies = try #require(report["strategies"] as? [[String: Any]])
        for strategy in strategies {
            let summary = try #require(strategy["summary"] as? [String: Any])
            let accuracy = try #require(summary["accuracy"] as? Double)
            let low = try #require(summary["accuracyLow"] as? Double), high = try #require(summary["accuracyHigh"] as? Double)
            #expect(low <= accuracy && accuracy <= high && 0 <= low && high <= 1)
        }
        let html = folder.appendingPathComponent("report.html").path
        let written = try ReckonProcess.run(["report", "--db", db, "--out", html], timeout: 120)
        #expect(written.status == 0, "\(written.standardError)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Cost per token (context 8)"))
        #expect(page.contains("weights=native activations=int16 kv=fp32 matmul=exact attention=exact"))
        #expect(page.contains("95 % interval"))
        #expect(page.contains(" J</td>") || page.contains(" mJ</td>"), "no energy estimate in the cost table")
    }
}
