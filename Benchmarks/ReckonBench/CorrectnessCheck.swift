import Foundation
import GGUF
import Model

/// Checks run before any timing; a failure prints what differed and exits 1.
enum CorrectnessCheck {
    static func run(_ model: any LanguageModel, file: GGUFFile, threads: Int) throws {
        let prompt = [504, 3458, 282, 4649, 314]
        // 1. The fast path's greedy tokens equal the reference path's (fp32 activations, batched prefill).
        let reference = try LocalReference.model(file: file, threads: threads)
        let fast = try greedy(model, prompt: prompt, incremental: true)
        let expected = try greedy(reference, prompt: prompt, incremental: false)
        guard fast == expected else { fail("fast path greedy \(fast) vs reference path \(expected)") }
        // 2. Batched decoding gives each sequence exactly the logits it gets alone (batch-invariant, shared prefix).
        let promptCache = model.makeCache(capacity: prompt.count)
        _ = try model.forward(prompt, cache: promptCache, logits: .none)
        let shared = (0..<3).map { _ in KVCache(sharing: promptCache, capacity: prompt.count + 2) }
        let together = try model.forward(decoding: [10, 20, 30], caches: shared)
        for (i, token) in [10, 20, 30].enumerated() {
            let alone = model.makeCache(capacity: prompt.count + 2)
            _ = try model.forward(prompt, cache: alone, logits: .none)
            let single = try model.forward([token], cache: alone, logits: .last)[0]
            guard single == together[i] else { fail("batched decoding differs from single decoding for sequence \(i)") }
        }
    }

    static func greedy(_ model: any LanguageModel, prompt: [Int], incremental: Bool) throws -> [Int] {
        let cache = model.makeCache(capacity: 64)
        var logits: [Float] = []
        if incremental {
            for token in prompt { logits = try model.forward([token], cache: cache, logits: .last)[0] }
        } else {
            logits = try model.forward(prompt, cache: cache, logits: .last)[0]
        }
        var out: [Int] = []
        for _ in 0..<8 {
            let next = Workloads.argmax(logits)
            out.append(next)
            logits = try model.forward([next], cache: cache, logits: .last)[0]
        }
        return out
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("correctness check FAILED: \(message)\n".utf8))
        exit(1)
    }
}

/// The reference-faithful model (fp32 activations everywhere), over the same mapping of the file (so the weights
/// are resident once).
enum LocalReference {
    static func model(file: GGUFFile, threads: Int) throws -> any LanguageModel {
        try ModelRegistry.load(file, pool: WorkerPool(threadCount: threads), activations: .float32)
    }
}
