import Foundation
import Model

/// The timed workloads. They do the work llama.cpp's own benchmarks do (Benchmarks/compare-llamacpp): `pp512` and
/// `tg128` as `llama-bench -p 512 -n 128`, `sharedPrefix` as `llama-batched-bench -pps -npp 128 -ntg 128 -npl N`.
/// The token ids differ (llama-bench feeds random ids, llama-batched-bench id 0, Reckon the fixed ids below), which for
/// a dense model changes only which embedding row is read; the logits requested are the same.
struct Workloads {
    let model: any LanguageModel
    /// Context positions of the pp/tg/ttft caches.
    static let context = 1024

    /// Prompt id i: 100 + (7919·i mod 20000), ordinary vocabulary entries.
    static func prompt(_ count: Int) -> [Int] { (0..<count).map { 100 + ($0 * 7919) % 20_000 } }

    /// The token sequence `s` is fed at decoding step `t` of the shared-prefix workload.
    static func sharedToken(sequence s: Int, step t: Int) -> Int { 100 + (7919 * (1000 + 131 * s + t)) % 20_000 }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func argmax(_ logits: [Float]) -> Int { logits.indices.max { logits[$0] < logits[$1] }! }

    /// Tokens/s of one batched pass over an n-token prompt (last position's logits only).
    func promptProcessing(_ n: Int) throws -> Double {
        let cache = model.makeCache(capacity: Self.context)
        let tokens = Self.prompt(n)
        return Double(n) / (try Self.seconds { _ = try model.forward(tokens, cache: cache, logits: .last) })
    }

    /// Tokens/s feeding n tokens one at a time after an 8-token prompt.
    func generation(_ n: Int) throws -> Double {
        let cache = model.makeCache(capacity: Self.context)
        _ = try model.forward(Self.prompt(8), cache: cache, logits: .last)
        let tokens = Self.prompt(n)
        return Double(n) / (try Self.seconds { for token in tokens { _ = try model.forward([token], cache: cache, logits: .last) } })
    }

    /// Seconds from an n-token prompt to its first (greedy) token.
    func timeToFirstToken(_ n: Int) throws -> Double {
        let cache = model.makeCache(capacity: Self.context)
        let tokens = Self.prompt(n)
        return try Self.seconds { _ = Self.argmax(try model.forward(tokens, cache: cache, logits: .last)[0]) }
    }

    /// Total generated tokens/s: a 128-token prompt once, then `sequences` × 128 tokens decoded together from caches
    /// sharing the prompt, every sequence's logits argmax-ed at every step (llama-batched-bench computes every
    /// sequence's logits at every step, without the argmax).
    func sharedPrefix(sequences: Int, prompt: Int = 128, steps: Int = 128) throws -> Double {
        let elapsed = try Self.seconds {
            let promptCache = model.makeCache(capacity: prompt)
            _ = Self.argmax(try model.forward(Self.prompt(prompt), cache: promptCache, logits: .last)[0])
            let caches = (0..<sequences).map { _ in KVCache(sharing: promptCache, capacity: prompt + steps) }
            for t in 0..<steps {
                let tokens = (0..<sequences).map { Self.sharedToken(sequence: $0, step: t) }
                for logits in try model.forward(decoding: tokens, caches: caches) { _ = Self.argmax(logits) }
            }
        }
        return Double(sequences * steps) / elapsed
    }
}
