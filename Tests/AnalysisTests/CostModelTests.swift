import Testing
@testable import Analysis

@Suite struct CostModelTests {
    // SmolLM2-135M-like shape: 30 layers, 9 heads × 64 = 576 query width, 3 KV heads × 64 = 192.
    static func model() throws -> CostModel {
        try CostModel(matmulParameters: 134_515_008, layers: 30, attentionDim: 576, kvDim: 192, bytesPerKVElement: 2)
    }

    @Test func handComputedFigures() throws {
        let model = try Self.model()
        // 2·134,515,008 + 4·30·1000·576 = 269,030,016 + 69,120,000
        #expect(model.forwardFLOPs(context: 1000) == 338_150_016)
        // 2·30·192·2 = 23,040 bytes per token; 4096 tokens → 94,371,840 bytes.
        #expect(model.kvCacheBytesPerToken == 23_040)
        #expect(model.kvCacheBytes(tokens: 4096) == 94_371_840)
    }

    @Test func sequenceFLOPsIsTheSumOfPerTokenCosts() throws {
        let model = try Self.model()
        let summed = (1...150).reduce(0.0) { $0 + model.forwardFLOPs(context: $1) }
        #expect(model.sequenceFLOPs(prompt: 100, generated: 50) == summed)
    }

    @Test func rejectsNonsense() {
        #expect(throws: AnalysisError.invalidCount(name: "layers", value: 0, requirement: "≥ 1")) {
            try CostModel(matmulParameters: 10, layers: 0, attentionDim: 4, kvDim: 4)
        }
        #expect(throws: AnalysisError.invalidValue(name: "bytesPerKVElement", value: 0, requirement: "finite and > 0")) {
            try CostModel(matmulParameters: 10, layers: 1, attentionDim: 4, kvDim: 4, bytesPerKVElement: 0)
        }
    }
}
