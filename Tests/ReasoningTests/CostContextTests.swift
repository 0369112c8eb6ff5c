import Analysis
import Testing
@testable import Reasoning

/// FLOPs and KV bytes for a tiny model: P = 1000, L = 2, d_attn = 8, d_kv = 4, 2 bytes per element, so
/// F(t) = 2000 + 64·t and 2·2·4·2 = 32 KV bytes per token. Two samples, prompt 10, lengths 5 and 7.
@Suite struct CostContextTests {
    let model = try! CostModel(matmulParameters: 1000, layers: 2, attentionDim: 8, kvDim: 4, bytesPerKVElement: 2)
    let pool = TestPools.pool([TestPools.s("A", tokens: 5), TestPools.s("A", tokens: 7)])

    @Test func sharedPromptIsChargedOnce() {
        // Prefill Σ_{t=1..10} F = 20000 + 64·55 = 23520; sample 1 Σ_{11..15} = 10000 + 64·65 = 14160;
        // sample 2 Σ_{11..17} = 14000 + 64·98 = 20272. KV: 10 + 5 + 7 = 22 tokens · 32 = 704.
        let outcome = MajorityVote().apply(to: pool, costs: CostContext(costModel: model, sharesPrompt: true))
        #expect(outcome.promptTokens == 10 && outcome.generatedTokens == 12)
        #expect(outcome.flops == 23520 + 14160 + 20272)
        #expect(outcome.kvCacheBytes == 704)
    }

    @Test func unsharedPromptIsChargedPerSample() {
        // Σ_{1..15} F = 30000 + 64·120 = 37680; Σ_{1..17} F = 34000 + 64·153 = 43792. KV (15 + 17)·32 = 1024.
        let outcome = MajorityVote().apply(to: pool, costs: CostContext(costModel: model, sharesPrompt: false))
        #expect(outcome.promptTokens == 20 && outcome.generatedTokens == 12)
        #expect(outcome.flops == 37680 + 43792)
        #expect(outcome.kvCacheBytes == 1024)
    }

    @Test func shortMAtKChargesStoppedSamplesAtTheLastFinisher() {
        // k = 2, m = 1, both ending by stop strings: finisher 5 tokens (step 5), the other stopped at 5 → like two
        // samples of 5: 23520 + 2·14160; KV (10 + 10)·32 = 640.
        let stopping = TestPools.pool([TestPools.s("A", tokens: 5, finish: "stop"), TestPools.s("A", tokens: 7, finish: "stop")])
        let outcome = ShortMAtK(m: 1).apply(to: stopping, costs: CostContext(costModel: model))
        #expect(outcome.generatedTokens == 10 && outcome.flops == 23520 + 2 * 14160 && outcome.kvCacheBytes == 640)
        // Ending by end of sequence, the finisher's end is decided at step 6, when the other holds 6 tokens:
        // Σ_{11..16} F = 12000 + 64·81 = 17184; KV (10 + 5 + 6)·32 = 672.
        let eos = ShortMAtK(m: 1).apply(to: pool, costs: CostContext(costModel: model))
        #expect(eos.generatedTokens == 11 && eos.flops == 23520 + 14160 + 17184 && eos.kvCacheBytes == 672)
    }
}
