import ArgumentParser
import Foundation
import GGUF
import Numerics
import Sampling

/// `reckon quantize IN OUT --type T`: re-encodes a GGUF model's weight matrices in one block format.
struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Write a GGUF copy of a model with its weight matrices in Q8_0, Q4_0, Q4_1 or MXFP4.",
        discussion: """
            Every 2-D weight matrix (attention, FFN, token embedding, output) is decoded from its stored type and \
            re-encoded; norms and other 1-D tensors are stored as F32; all metadata is copied, with \
            general.file_type and quantize.reckon.* provenance keys set. The GGUF block formats have a fixed group of \
            32 elements.
            """)

    @Argument(help: "The GGUF model to read.") var input: String
    @Argument(help: "The GGUF file to write (created or replaced; must not be a directory or other non-regular file).")
    var output: String

    @Option(name: .long, help: "Target block format: q8_0, q4_0, q4_1 or mxfp4.") var type: String

    @Option(name: .long, help: "Elements per block (the GGUF formats allow only 32).") var group: Int = 32

    @Flag(name: .long, help: "Round codes stochastically (unbiased) instead of to nearest.")
    var stochasticRounding = false

    @Option(name: .long, help: "Seed for --stochastic-rounding.") var seed: UInt64?

    static let typeNames: [String: GGMLType] = ["q8_0": .q8_0, "q4_0": .q4_0, "q4_1": .q4_1, "mxfp4": .mxfp4]

    var targetType: GGMLType? { Self.typeNames[type.lowercased()] }

    func validate() throws {
        guard let target = targetType else {
            throw ValidationError("unknown --type '\(type)': expected one of q8_0, q4_0, q4_1, mxfp4")
        }
        guard group == GGUFRequantizer.blockSize else {
            throw ValidationError(
                "--group \(group) is not possible for \(target): the GGUF \(target) format has a fixed group of "
                    + "\(GGUFRequantizer.blockSize) elements (leave --group out or pass 32)")
        }
        if seed != nil && !stochasticRounding {
            throw ValidationError("--seed only applies with --stochastic-rounding")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            let kind = (try? FileManager.default.attributesOfItem(atPath: output)[.type] as? FileAttributeType) ?? nil
            guard !isDirectory.boolValue, kind == .typeRegular else {
                throw ValidationError("output path \(output) exists and is not a regular file: choose a file path")
            }
        }
        guard FileManager.default.fileExists(atPath: input) else {
            throw ValidationError("input model not found: \(input)")
        }
        if URL(fileURLWithPath: input).standardizedFileURL.path == URL(fileURLWithPath: output).standardizedFileURL.path {
            throw ValidationError("the output path must differ from the input model")
        }
    }

    func run() throws {
        guard let target = targetType else { throw ExitCode.validationFailure }
        let file = try GGUFFile(path: input)
        let writer: GGUFWriter
        if stochasticRounding {
            let seed = self.seed ?? 1
            var generator = SeededGenerator(seed: seed)
            writer = GGUFRequantizer.requantize(file, to: target, stochasticRoundingWith: &generator, seed: seed)
        } else {
            writer = GGUFRequantizer.requantize(file, to: target)
        }
        try writer.write(to: output)
        let matrices = file.tensors.filter(GGUFRequantizer.isWeightMatrix)
        let written = try GGUFFile(path: output)
        print("wrote \(output): \(matrices.count) of \(file.tensors.count) tensors as \(target)"
              + (stochasticRounding ? " (stochastic rounding, seed \(seed ?? 1))" : "")
              + String(format: ", %.1f MB (was %.1f MB)", Double(written.fileSize) / 1e6, Double(file.fileSize) / 1e6))
    }
}
