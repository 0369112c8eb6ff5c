import Numerics

/// A bounds-checked little-endian cursor over the bytes of a GGUF file.
///
/// GGUF layout (versions 2 and 3, little-endian):
/// ```
/// header:  magic "GGUF" | version:u32 | tensor_count:u64 | kv_count:u64
/// kv × kv_count:       key:string | value_type:u32 | value
/// tensor × tensor_count: name:string | n_dims:u32 | dims:u64[n_dims] | type:u32 | offset:u64
/// padding to `general.alignment` (default 32) | data section (tensor offsets are relative to its start)
/// string = length:u64 | UTF-8 bytes (no terminator)
/// array  = element_type:u32 | count:u64 | elements
/// ```
struct GGUFParser {
    /// Deepest array nesting accepted (real files use 1).
    static let maximumNesting = 8

    let base: UnsafeRawPointer
    let size: Int
    private(set) var cursor = 0

    init(base: UnsafeRawPointer, size: Int) {
        self.base = base
        self.size = size
    }

    var remaining: Int { size - cursor }

    mutating func need(_ n: Int, _ what: @autoclosure () -> String) throws(GGUFError) {
        if n > remaining { throw .truncated(what: what(), offset: cursor, needed: n, available: remaining) }
    }

    mutating func bytes(_ n: Int, _ what: @autoclosure () -> String) throws(GGUFError) -> UnsafeRawBufferPointer {
        try need(n, what())
        defer { cursor += n }
        return UnsafeRawBufferPointer(start: base + cursor, count: n)
    }

    mutating func scalar<T: FixedWidthInteger>(_: T.Type, _ what: @autoclosure () -> String) throws(GGUFError) -> T {
        try need(MemoryLayout<T>.size, what())
        defer { cursor += MemoryLayout<T>.size }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: cursor, as: T.self))
    }

    /// Throws `.countTooLarge` unless `count` items of at least `minimumSize` bytes fit in the remaining bytes.
    func checkCount(_ count: UInt64, minimumSize: Int, _ what: @autoclosure () -> String, at offset: Int) throws(GGUFError) {
        let (total, overflow) = count.multipliedReportingOverflow(by: UInt64(minimumSize))
        if overflow || total > UInt64(remaining) {
            throw .countTooLarge(what: what(), count: count, offset: offset,
                                 minimumBytes: overflow ? UInt64.max : total, available: remaining)
        }
    }

    mutating func string(_ what: @autoclosure () -> String) throws(GGUFError) -> String {
        let start = cursor
        let length = try scalar(UInt64.self, "length of \(what())")
        guard length <= UInt64(remaining) else {
            throw .countTooLarge(what: "length of \(what())", count: length, offset: start, minimumBytes: length,
                                 available: remaining)
        }
        let raw = try bytes(Int(length), what())
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw .invalidUTF8(what: what(), offset: start + 8)
        }
        return text
    }

    mutating func valueType(key: String) throws(GGUFError) -> GGUFValue.ElementType {
        let start = cursor
        let code = try scalar(UInt32.self, "value type of '\(key)'")
        guard let type = GGUFValue.ElementType(rawValue: code) else {
            throw .unknownValueType(code, key: key, offset: start)
        }
        return type
    }

    mutating func value(_ type: GGUFValue.ElementType, key: String, depth: Int = 0) throws(GGUFError) -> GGUFValue {
        let what = "value of '\(key)'"
        switch type {
        case .uint8: return .uint8(try scalar(UInt8.self, what))
        case .int8: return .int8(try scalar(Int8.self, what))
        case .uint16: return .uint16(try scalar(UInt16.self, what))
        case .int16: return .int16(try scalar(Int16.self, what))
        case .uint32: return .uint32(try scalar(UInt32.self, what))
        case .int32: return .int32(try scalar(Int32.self, what))
        case .float32: return .float32(Float(bitPattern: try scalar(UInt32.self, what)))
        case .uint64: return .uint64(try scalar(UInt64.self, what))
        case .int64: return .int64(try scalar(Int64.self, what))
        case .float64: return .float64(Double(bitPattern: try scalar(UInt64.self, what)))
        case .bool:
            let start = cursor
            let byte = try scalar(UInt8.self, what)
            guard byte <= 1 else { throw .invalidBool(byte, key: key, offset: start) }
            return .bool(byte == 1)
        case .string:
            return .string(try string("string \(what)"))
        case .array:
            let start = cursor
            guard depth < Self.maximumNesting else {
                throw .nestingTooDeep(key: key, depth: Self.maximumNesting, offset: start)
            }
            let elementType = try valueType(key: key)
            let countOffset = cursor
            let count = try scalar(UInt64.self, "array length of '\(key)'")
            try checkCount(count, minimumSize: elementType.minimumSize, "array length of '\(key)'", at: countOffset)
            var elements = [GGUFValue]()
            elements.reserveCapacity(min(Int(count), 1 << 16))  // grows with bytes actually parsed
            for _ in 0..<count {
                elements.append(try value(elementType, key: key, depth: depth + 1))
            }
            return .array(elementType, elements)
        }
    }
}
