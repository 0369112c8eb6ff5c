#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Numerics

/// Builds a complete GGUF v3 file in memory (for tests and tiny fixture models).
///
/// Metadata keeps insertion order (setting an existing key replaces its value in place). Tensor data is laid out in
/// insertion order, each tensor starting at a multiple of the alignment (`general.alignment` if set to an integer,
/// else 32).
public struct GGUFWriter: Sendable {
    private var entries: [(key: String, value: GGUFValue)] = []
    private var tensors: [(name: String, dimensions: [Int], type: GGMLType, data: [UInt8])] = []

    public init() {}

    /// Sets metadata `key` to `value`.
    public mutating func set(_ key: String, _ value: GGUFValue) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = value
        } else {
            entries.append((key, value))
        }
    }

    /// Appends a tensor. `dimensions` are in ggml order (row length first).
    /// - Precondition: `data.count` equals the byte size implied by `dimensions` and `type`.
    public mutating func addTensor(name: String, dimensions: [Int], type: GGMLType, data: [UInt8]) {
        let info = GGUFTensorInfo(name: name, dimensions: dimensions, type: type, offset: 0)
        precondition(data.count == info.byteCount,
                     "tensor '\(name)' \(type) \(dimensions) needs \(info.byteCount) bytes, got \(data.count)")
        tensors.append((name, dimensions, type, data))
    }

    /// Alignment the file will use.
    public var alignment: Int {
        entries.first(where: { $0.key == "general.alignment" })?.value.intValue ?? GGUFFile.defaultAlignment
    }

    /// The complete file image.
    public func serialize() -> [UInt8] {
        let alignment = max(1, self.alignment)
        var out = [UInt8]()
        out.append(contentsOf: Array("GGUF".utf8))
        Self.append(&out, UInt32(3))
        Self.append(&out, UInt64(tensors.count))
        Self.append(&out, UInt64(entries.count))
        for entry in entries {
            Self.append(&out, string: entry.key)
            Self.append(&out, entry.value.type.rawValue)
            Self.append(&out, value: entry.value)
        }
        var offset = 0
        var offsets = [Int]()
        for tensor in tensors {
            offsets.append(offset)
            Self.append(&out, string: tensor.name)
            Self.append(&out, UInt32(tensor.dimensions.count))
            for d in tensor.dimensions { Self.append(&out, UInt64(d)) }
            Self.append(&out, tensor.type.rawValue)
            Self.append(&out, UInt64(offset))
            offset = Self.roundUp(offset + tensor.data.count, alignment)
        }
        Self.pad(&out, alignment)
        let dataStart = out.count
        for (tensor, tensorOffset) in zip(tensors, offsets) {
            out.append(contentsOf: [UInt8](repeating: 0, count: dataStart + tensorOffset - out.count))
            out.append(contentsOf: tensor.data)
        }
        return out
    }

    /// Writes the file image to `path` (created or truncated).
    public func write(to path: String) throws(GGUFError) {
        let bytes = serialize()
        guard let file = fopen(path, "wb") else { throw .cannotOpen(path: path, reason: "cannot create (errno \(errno))") }
        defer { fclose(file) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else {
            throw .cannotOpen(path: path, reason: "wrote \(written) of \(bytes.count) bytes (errno \(errno))")
        }
    }

    static func roundUp(_ n: Int, _ alignment: Int) -> Int { (n + alignment - 1) / alignment * alignment }

    private static func pad(_ out: inout [UInt8], _ alignment: Int) {
        out.append(contentsOf: [UInt8](repeating: 0, count: roundUp(out.count, alignment) - out.count))
    }

    private static func append<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func append(_ out: inout [UInt8], string: String) {
        append(&out, UInt64(string.utf8.count))
        out.append(contentsOf: string.utf8)
    }

    private static func append(_ out: inout [UInt8], value: GGUFValue) {
        switch value {
        case .uint8(let v): append(&out, v)
        case .int8(let v): append(&out, v)
        case .uint16(let v): append(&out, v)
        case .int16(let v): append(&out, v)
        case .uint32(let v): append(&out, v)
        case .int32(let v): append(&out, v)
        case .float32(let v): append(&out, v.bitPattern)
        case .bool(let v): append(&out, UInt8(v ? 1 : 0))
        case .string(let s): append(&out, string: s)
        case .uint64(let v): append(&out, v)
        case .int64(let v): append(&out, v)
        case .float64(let v): append(&out, v.bitPattern)
        case .array(let elementType, let elements):
            append(&out, elementType.rawValue)
            append(&out, UInt64(elements.count))
            for e in elements {
                precondition(e.type == elementType, "array declared \(elementType) holds a \(e.typeDescription)")
                append(&out, value: e)
            }
        }
    }
}
