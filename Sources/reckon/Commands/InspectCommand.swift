import ArgumentParser
import Engine
import Foundation
import GGUF
import Numerics

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Print a GGUF file's metadata and tensor table.")

    @Option(name: .long, help: "GGUF model file (default: the default model).") var model: String?
    @Option(help: "Array values longer than this are shown shortened.") var maxArray: Int = 8
    @Option(help: """
        Output format: text or json ({"file","version","alignment","file_size","metadata":{key: value},"tensors":        [{"name","type","dimensions","bytes"}],"parameters","tensor_bytes"}; an array value longer than --max-array is         {"count","items":[the first --max-array items]}).
        """)
    var format: OutputFormat = .text

    func validate() throws {
        guard maxArray >= 0 else { throw ValidationError("--max-array must be an integer ≥ 0, got \(maxArray)") }
    }

    func run() throws {
        let path = try ModelOptions.modelPath(model)
        let file = try GGUFFile(path: path)
        if format == .json {
            print(try jsonLine(json(file, path: path)))
            return
        }
        print("file: \(path)")
        print("GGUF version \(file.version), \(file.metadata.entries.count) metadata keys, \(file.tensors.count) tensors, alignment \(file.alignment), \(file.fileSize) bytes")
        print("\nmetadata:")
        for (key, value) in file.metadata.entries {
            print("  \(key) = \(render(value))")
        }
        print("\ntensors:")
        print("  " + "name".padding(toLength: 32, withPad: " ", startingAt: 0) + "type    " + "shape".padding(toLength: 18, withPad: " ", startingAt: 0) + "bytes")
        var totalBytes = 0, totalElements = 0
        for tensor in file.tensors {
            totalBytes += tensor.byteCount
            totalElements += tensor.elementCount
            print("  " + tensor.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + tensor.type.description.padding(toLength: 8, withPad: " ", startingAt: 0)
                  + "\(tensor.dimensions)".padding(toLength: 18, withPad: " ", startingAt: 0)
                  + "\(tensor.byteCount)")
        }
        print(String(format: "\n%d parameters, %.1f MB of tensor data (%.3f bits per weight)",
                     totalElements, Double(totalBytes) / 1e6, Double(totalBytes * 8) / Double(max(1, totalElements))))
    }

    /// The file as one JSON object (see `--format`).
    private func json(_ file: GGUFFile, path: String) -> JSONValue {
        var metadata: [String: JSONValue] = [:]
        for (key, value) in file.metadata.entries { metadata[key] = json(value) }
        var elements = 0, bytes = 0
        let tensors: [JSONValue] = file.tensors.map { tensor in
            elements += tensor.elementCount
            bytes += tensor.byteCount
            return .object(["name": .string(tensor.name), "type": .string(tensor.type.description),
                            "dimensions": .array(tensor.dimensions.map { .integer(Int64($0)) }),
                            "bytes": .integer(Int64(tensor.byteCount))])
        }
        return .object([
            "file": .string(path), "version": .integer(Int64(file.version)), "alignment": .integer(Int64(file.alignment)),
            "file_size": .integer(Int64(file.fileSize)), "metadata": .object(metadata), "tensors": .array(tensors),
            "parameters": .integer(Int64(elements)), "tensor_bytes": .integer(Int64(bytes)),
        ])
    }

    private func json(_ value: GGUFValue) -> JSONValue {
        switch value {
        case let .string(s): return .string(s)
        case let .array(_, items):
            let shown = JSONValue.array(items.prefix(maxArray).map(json))
            return items.count > maxArray ? .object(["count": .integer(Int64(items.count)), "items": shown]) : shown
        case let .uint8(v): return .integer(Int64(v))
        case let .int8(v): return .integer(Int64(v))
        case let .uint16(v): return .integer(Int64(v))
        case let .int16(v): return .integer(Int64(v))
        case let .uint32(v): return .integer(Int64(v))
        case let .int32(v): return .integer(Int64(v))
        case let .uint64(v): return .unsigned(v)
        case let .int64(v): return .integer(v)
        case let .float32(v): return .number(Double(v))
        case let .float64(v): return .number(v)
        case let .bool(v): return .bool(v)
        }
    }

    private func render(_ value: GGUFValue) -> String {
        switch value {
        case let .string(s):
            let shown = s.count > 120 ? String(s.prefix(120)) + "…" : s
            return shown.debugDescription
        case let .array(_, items):
            let shown = items.prefix(maxArray).map(render).joined(separator: ", ")
            return "[\(shown)\(items.count > maxArray ? ", … (\(items.count) items)" : "")]"
        case let .uint8(v): return "\(v)"
        case let .int8(v): return "\(v)"
        case let .uint16(v): return "\(v)"
        case let .int16(v): return "\(v)"
        case let .uint32(v): return "\(v)"
        case let .int32(v): return "\(v)"
        case let .uint64(v): return "\(v)"
        case let .int64(v): return "\(v)"
        case let .float32(v): return "\(v)"
        case let .float64(v): return "\(v)"
        case let .bool(v): return "\(v)"
        }
    }
}
