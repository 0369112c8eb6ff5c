import Engine
import Foundation
import GGUF
import Model

/// `swift run -c release reckon-bench [--model PATH] [--threads 1,2] [--prompt 128] [--generate 64] [--repeats 3]
/// [--format json] [--print-model-path]`
///
/// Prints prompt-processing (pp) and generation (tg) tokens/s of the default model (or `--model`) for each thread
/// count, as medians over repeats, and the peak resident memory. Before timing, it checks that incremental decoding
/// reproduces the batched forward pass (greedy tokens equal). `--format json` prints one object per thread count
/// (used by Benchmarks/compare-llamacpp).
@main
struct ReckonBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(i...(i + 1)) }
            return arguments[i + 1]
        }
        if arguments.contains("--print-model-path") {
            print(try ModelStore.fromEnvironment().ensure(log: FileHandle.standardError).path)
            return
        }
        let modelPath = try option("--model") ?? ModelStore.fromEnvironment().ensure(log: FileHandle.standardError).path
        if arguments.contains("--kernels") {
            let file = try GGUFFile(path: modelPath)
            let shapes = ["blk.0.attn_q.weight", "blk.0.attn_k.weight", "blk.0.ffn_up.weight", "blk.0.ffn_down.weight",
                          "token_embd.weight"]
            let matrices = try shapes.compactMap { name -> WeightMatrix? in
                guard let info = file.tensor(named: name), info.dimensions.count == 2 else { return nil }
                return try WeightMatrix(file: file, name: name, rows: info.dimensions[1], cols: info.dimensions[0])
            }
            KernelBench.run(matrices: matrices)
            return
        }
        let threadCounts = (option("--threads") ?? "1,2").split(separator: ",").compactMap { Int($0) }
        let promptLength = Int(option("--prompt") ?? "128") ?? 128
        let generateLength = Int(option("--generate") ?? "64") ?? 64
        let repeats = Int(option("--repeats") ?? "3") ?? 3
        let json = option("--format") == "json"

        if !json {
            print("model: \(modelPath)")
            print(String(format: "%-8@ %12@ %12@ %10@", "threads" as NSString, "pp\(promptLength) t/s" as NSString,
                         "tg\(generateLength) t/s" as NSString, "peak MB" as NSString))
        }
        for threads in threadCounts {
            let capacity = max(promptLength, 8 + generateLength) + 8
            let engine = try LocalEngine(path: modelPath, threads: threads, contextLength: capacity)
            try checkIncrementalMatchesBatched(engine.model)
            var pp: [Double] = [], tg: [Double] = []
            for _ in 0..<repeats {
                // The same synthetic ids as Benchmarks/llamacpp/peer_bench.py, so both engines do the same work.
                var cache = engine.model.makeCache(capacity: capacity)
                var start = Date()
                _ = try engine.model.forward(syntheticTokens(promptLength), cache: cache, logits: .last)
                pp.append(Double(promptLength) / Date().timeIntervalSince(start))
                cache = engine.model.makeCache(capacity: capacity)
                _ = try engine.model.forward(syntheticTokens(8), cache: cache, logits: .last)
                start = Date()
                for token in syntheticTokens(generateLength) {
                    _ = try engine.model.forward([token], cache: cache, logits: .last)
                }
                tg.append(Double(generateLength) / Date().timeIntervalSince(start))
            }
            if json {
                print(String(format: "{\"engine\": \"reckon\", \"threads\": %d, \"pp\": %.3f, \"tg\": %.3f, \"rss_mb\": %.1f}",
                             threads, median(pp), median(tg), peakResidentMegabytes()))
            } else {
                print(String(format: "%-8d %12.1f %12.1f %10.1f", threads, median(pp), median(tg), peakResidentMegabytes()))
            }
        }
    }

    /// id_i = 100 + (7919·i mod 20000): ordinary vocabulary entries, the same in both engines' benchmarks.
    static func syntheticTokens(_ count: Int) -> [Int] { (0..<count).map { 100 + ($0 * 7919) % 20_000 } }

    /// Peak resident set size of this process (VmHWM), in MB.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kilobytes / 1024
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
