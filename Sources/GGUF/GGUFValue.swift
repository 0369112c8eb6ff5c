/// One typed GGUF metadata value. Arrays carry their declared element type (arrays may nest).
public indirect enum GGUFValue: Sendable, Equatable {
    case uint8(UInt8)
    case int8(Int8)
    case uint16(UInt16)
    case int16(Int16)
    case uint32(UInt32)
    case int32(Int32)
    case float32(Float)
    case bool(Bool)
    case string(String)
    case array(GGUFValue.ElementType, [GGUFValue])
    case uint64(UInt64)
    case int64(Int64)
    case float64(Double)

    /// The on-disk value type codes of GGUF (`gguf_type`).
    public enum ElementType: UInt32, Sendable, CaseIterable, CustomStringConvertible {
        case uint8 = 0, int8 = 1, uint16 = 2, int16 = 3, uint32 = 4, int32 = 5, float32 = 6, bool = 7, string = 8,
             array = 9, uint64 = 10, int64 = 11, float64 = 12

        /// Encoded size in bytes for fixed-size types; `nil` for string and array.
        public var fixedSize: Int? {
            switch self {
            case .uint8, .int8, .bool: 1
            case .uint16, .int16: 2
            case .uint32, .int32, .float32: 4
            case .uint64, .int64, .float64: 8
            case .string, .array: nil
            }
        }

        /// The smallest number of bytes one value of this type can occupy (strings and arrays: their length prefix).
        var minimumSize: Int {
            switch self {
            case .string: 8
            case .array: 12
            default: fixedSize!
            }
        }

        public var description: String {
            switch self {
            case .uint8: "uint8"
            case .int8: "int8"
            case .uint16: "uint16"
            case .int16: "int16"
            case .uint32: "uint32"
            case .int32: "int32"
            case .float32: "float32"
            case .bool: "bool"
            case .string: "string"
            case .array: "array"
            case .uint64: "uint64"
            case .int64: "int64"
            case .float64: "float64"
            }
        }
    }

    /// The value's type code.
    public var type: ElementType {
        switch self {
        case .uint8: .uint8
        case .int8: .int8
        case .uint16: .uint16
        case .int16: .int16
        case .uint32: .uint32
        case .int32: .int32
        case .float32: .float32
        case .bool: .bool
        case .string: .string
        case .array: .array
        case .uint64: .uint64
        case .int64: .int64
        case .float64: .float64
        }
    }

    /// A short human description of the type, e.g. `"array<string>"`.
    public var typeDescription: String {
        if case .array(let element, _) = self { return "array<\(element)>" }
        return type.description
    }

    /// The value as an `Int` if it is any integer type that fits.
    public var intValue: Int? {
        switch self {
        case .uint8(let v): Int(v)
        case .int8(let v): Int(v)
        case .uint16(let v): Int(v)
        case .int16(let v): Int(v)
        case .uint32(let v): Int(v)
        case .int32(let v): Int(v)
        case .uint64(let v): Int(exactly: v)
        case .int64(let v): Int(v)
        default: nil
        }
    }

    /// The value as a `Double` if it is any float or integer type.
    public var doubleValue: Double? {
        switch self {
        case .float32(let v): Double(v)
        case .float64(let v): v
        default: intValue.map(Double.init)
        }
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The bool payload, if this is a bool.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [GGUFValue]? {
        if case .array(_, let elements) = self { return elements }
        return nil
    }
}
