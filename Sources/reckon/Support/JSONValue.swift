/// A JSON value built by a command for `--format json` output (objects keep their keys; `jsonLine` sorts them).
enum JSONValue: Encodable {
    case string(String)
    case integer(Int64)
    case unsigned(UInt64)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .unsigned(value): try container.encode(value)
        // JSON has no NaN or infinity: those become null.
        case let .number(value): if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        case let .bool(value): try container.encode(value)
        case .null: try container.encodeNil()
        case let .array(values): try container.encode(values)
        case let .object(members): try container.encode(members)
        }
    }
}
