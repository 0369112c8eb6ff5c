import Engine
import Foundation
import GGUF
import Model
import ModelStore

/// `swift run -c release reckon-bench [--model PATH] [--threads 1,2] [--repeats 3] [--shared 1,4,8,16,32]
/// [--activations int16|int8-blocks|float32] [--layout x8|row-major] [--only pp128,pp512,tg128,ttft,shared,bound] [--format json] [--kernels]
/// [--print-model-path]`
///
/// For each thread count, on the default model (or `--model`), with a 1024-position context:
/// - pp128, pp512: prompt tokens/s of one batched forward pass over a fresh cache;
/// - tg128: generated tokens/s, one token per forward pass after an 8-token prompt;
/// - ttft_ms: time to first token, a 128-token prompt processed and its first token picked;
/// - rss_mb: peak resident memory after those (before the shared-prefix runs and the bandwidth probe);
/// - shared N: one 128-token prompt, then N sequences × 128 tokens decoded together (one batched step per token,
///   prompt keys and values shared), total generated tokens/s, prefill included;
/// - tg_bound: the generation speed if the weights were streamed from memory once per token at the measured read
///   bandwidth (`read_gbps`, `weights_mb`).
/// Figures are medians over `--repeats`. Before timing it checks that the fast paths give the reference path's
/// greedy tokens and that batched decoding is batch-invariant; it exits 1 if not. Token ids are synthetic (see
/// `Workloads` for how each workload corresponds to llama.cpp's own benchmarks). `--only` measures
/// just the figures listed (default: all). `--format json` prints one object per thread count with the figures
/// measured (read by Benchmarks/compare-llamacpp); `--kernels` prints single-kernel GFLOP/s instead.
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
            try KernelBench.run(modelPath: modelPath)
            return
        }
        let threadCounts = (option("--threads") ?? "1,2").split(separator: ",").compactMap { Int($0) }
        let repeats = max(1, Int(option("--repeats") ?? "3") ?? 3)
        let shared = (option("--shared") ?? "1,4,8,16,32").split(separator: ",").compactMap { Int($0) }
        let json = option("--format") == "json"
        // `--only pp512,tg128`: just those figures (and the process's peak memory), e.g. for a peer comparison that
        // measures peak memory from outside, or for profiling one workload.
        let known: Set<String> = ["pp128", "pp512", "tg128", "ttft", "shared", "bound"]
        let only = option("--only").map { Set($0.split(separator: ",").map(String.init)) } ?? known
        if let unknown = only.subtracting(known).first {
            FileHandle.standardError.write(Data("--only takes a comma-separated list of \(known.sorted()), not \(unknown)\n".utf8))
            exit(2)
        }
        guard let activations = ActivationPrecision(rawValue: option("--activations") ?? "int16") else {
            FileHandle.standardError.write(Data("--activations takes int16, int8-blocks or float32\n".utf8))
            exit(2)
        }
        // `--layout row-major`: keep the file's row-major weights (the x8 interleaved layout is the default).
        let layout = option("--layout") ?? "x8"
        guard layout == "x8" || layout == "row-major" else {
            FileHandle.standardError.write(Data("--layout takes x8 or row-major\n".utf8))
            exit(2)
        }
        let weightBytes = try GGUFFile(path: modelPath).tensors.reduce(0) { $0 + $1.byteCount }

        if !json { print("model: \(modelPath)  activations: \(activations.rawValue)") }
        for threads in threadCounts {
            let engine = try LocalEngine(path: modelPath, threads: threads, contextLength: 1024, activations: activations,
                                         interleaveRows: layout == "x8" ? nil : false)
            try CorrectnessCheck.run(engine.model, file: engine.file, threads: threads)
            let workloads = Workloads(model: engine.model)
            var figures: [String: [Double]] = [:]
            for _ in 0..<repeats {
                if only.contains("pp128") { figures["pp128", default: []].append(try workloads.promptProcessing(128)) }
                if only.contains("pp512") { figures["pp512", default: []].append(try workloads.promptProcessing(512)) }
                if only.contains("ttft") {
                    figures["ttft_ms", default: []].append(try workloads.timeToFirstToken(128) * 1000)
                }
                if only.contains("tg128") { figures["tg128", default: []].append(try workloads.generation(128)) }
            }
            let rss = peakResidentMegabytes()
            var sharedFigures: [(Int, Double)] = []
            if only.contains("shared") {
                for n in shared {
                    sharedFigures.append((n, median(try (0..<repeats).map { _ in try workloads.sharedPrefix(sequences: n) })))
                }
            }
            var bound: (tokensPerSecond: Double, gigabytesPerSecond: Double)?
            if only.contains("bound") {
                let bandwidth = ReadBandwidth.measure(threads: threads)
                bound = (bandwidth * 1e9 / Double(weightBytes), bandwidth)
            }
            let medians = figures.mapValues(median)
            if json {
                var fields = [String(format: "\"engine\": \"reckon\", \"threads\": %d, \"activations\": \"%@\"",
                                     threads, activations.rawValue)]
                for key in ["pp128", "pp512", "tg128", "ttft_ms"] {
                    if let value = medians[key] { fields.append(String(format: "\"%@\": %.3f", key, value)) }
                }
                fields.append(String(format: "\"rss_mb\": %.1f", rss))
                if only.contains("shared") {
                    let sharedJSON = sharedFigures.map { String(format: "\"%d\": %.3f", $0.0, $0.1) }.joined(separator: ", ")
                    fields.append("\"shared\": {\(sharedJSON)}")
                }
                if let bound {
                    fields.append(String(format: "\"tg_bound\": %.1f, \"read_gbps\": %.2f, \"weights_mb\": %.1f",
                                         bound.tokensPerSecond, bound.gigabytesPerSecond, Double(weightBytes) / 1e6))
                }
                print("{" + fields.joined(separator: ", ") + "}")
            } else {
                let parts = [("pp128", "t/s"), ("pp512", "t/s"), ("tg128", "t/s"), ("ttft_ms", "ms")].compactMap { key, unit in
                    medians[key].map { String(format: "%@ %.1f %@", key, $0, unit) }
                }
                print("threads \(threads): " + (parts + [String(format: "peak %.1f MB", rss)]).joined(separator: ", "))
                for (n, value) in sharedFigures { print(String(format: "  shared prefix, %2d sequences: %7.1f t/s", n, value)) }
                if let bound {
                    print(String(format: "  tg bound: %.1f t/s (%.1f MB of weights per token at %.2f GB/s read)",
                                 bound.tokensPerSecond, Double(weightBytes) / 1e6, bound.gigabytesPerSecond))
                }
            }
        }
    }

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
}
