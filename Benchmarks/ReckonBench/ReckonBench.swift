import Engine
import Foundation
import Model

/// `swift run -c release reckon-bench [--model PATH] [--threads 1,2] [--prompt 128] [--generate 64] [--repeats 3]`
///
/// Prints prompt-processing (pp) and generation (tg) tokens/s of the default model (or `--model`) for each thread
/// count, as medians over repeats. Before timing, it checks that incremental decoding reproduces the batched
/// forward pass (greedy tokens equal).
@main
struct ReckonBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(i...(i + 1)) }
            return arguments[i + 1]
        }
        let modelPath = try option("--model") ?? ModelStore.fromEnvironment().ensure(log: FileHandle.standardError).path
        let threadCounts = (option("--threads") ?? "1,2").split(separator: ",").compactMap { Int($0) }
        let promptLength = Int(option("--prompt") ?? "128") ?? 128
        let generateLength = Int(option("--generate") ?? "64") ?? 64
        let repeats = Int(option("--repeats") ?? "3") ?? 3

        print("model: \(modelPath)")
        print(String(format: "%-8@ %12@ %12@", "threads" as NSString, "pp\(promptLength) t/s" as NSString,
                     "tg\(generateLength) t/s" as NSString))
        for threads in threadCounts {
            let engine = try LocalEngine(path: modelPath, threads: threads, contextLength: promptLength + generateLength + 8)
            let prompt = (0..<promptLength).map { 100 + ($0 * 7919) % 20_000 }
            try checkIncrementalMatchesBatched(engine.model)
            var pp: [Double] = [], tg: [Double] = []
            for _ in 0..<repeats {
                let cache = engine.model.makeCache(capacity: promptLength + generateLength + 8)
                var start = Date()
                var logits = try engine.model.forward(prompt, cache: cache, logits: .last)[0]
                pp.append(Double(promptLength) / Date().timeIntervalSince(start))
                start = Date()
                for _ in 0..<generateLength {
                    let next = logits.indices.max { logits[$0] < logits[$1] }!
                    logits = try engine.model.forward([next], cache: cache, logits: .last)[0]
                }
                tg.append(Double(generateLength) / Date().timeIntervalSince(start))
            }
            print(String(format: "%-8d %12.1f %12.1f", threads, median(pp), median(tg)))
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// Greedy continuation from one batched prefill equals the one from token-by-token prefill.
    static func checkIncrementalMatchesBatched(_ model: any LanguageModel) throws {
        let prompt = [504, 3458, 282, 4649, 314]
        func greedy(batched: Bool) throws -> [Int] {
            let cache = model.makeCache(capacity: 64)
            var logits: [Float] = []
            if batched {
                logits = try model.forward(prompt, cache: cache, logits: .last)[0]
            } else {
                for token in prompt { logits = try model.forward([token], cache: cache, logits: .last)[0] }
            }
            var out: [Int] = []
            for _ in 0..<8 {
                let next = logits.indices.max { logits[$0] < logits[$1] }!
                out.append(next)
                logits = try model.forward([next], cache: cache, logits: .last)[0]
            }
            return out
        }
        let a = try greedy(batched: true), b = try greedy(batched: false)
        guard a == b else {
            FileHandle.standardError.write(Data("correctness check FAILED: batched \(a) vs incremental \(b)\n".utf8))
            exit(1)
        }
    }
}
