/// The key/value metadata of a GGUF file, in file order, with O(1) lookup by key.
public struct GGUFMetadata: Sendable {
    /// All entries in file order.
    public let entries: [(key: String, value: GGUFValue)]
    private let index: [String: Int]
    /// Absolute byte offset of each entry's value in the file (0 when built in memory).
    private let valueOffsets: [Int]

    /// Builds metadata from ordered entries. Keys must be unique (the reader guarantees it).
    public init(entries: [(key: String, value: GGUFValue)]) {
        self.init(entries: entries, valueOffsets: Array(repeating: 0, count: entries.count))
    }

    init(entries: [(key: String, value: GGUFValue)], valueOffsets: [Int]) {
        self.entries = entries
        self.valueOffsets = valueOffsets
        var index = [String: Int](minimumCapacity: entries.count)
        for (i, entry) in entries.enumerated() where index[entry.key] == nil { index[entry.key] = i }
        self.index = index
    }

    /// Number of entries.
    public var count: Int { entries.count }

    /// All keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The value stored under `key`, if any.
    public subscript(key: String) -> GGUFValue? {
        index[key].map { entries[$0].value }
    }

    /// Absolute byte offset of the value of `key` in the file, if present.
    public func valueOffset(_ key: String) -> Int? { index[key].map { valueOffsets[$0] } }

    public func string(_ key: String) -> String? { self[key]?.stringValue }
    /// Any integer type that fits in `Int`.
    public func int(_ key: String) -> Int? { self[key]?.intValue }
    /// Any float or integer type.
    public func float(_ key: String) -> Double? { self[key]?.doubleValue }
    public func bool(_ key: String) -> Bool? { self[key]?.boolValue }

    /// An array whose elements are all strings.
    public func stringArray(_ key: String) -> [String]? {
        guard let elements = self[key]?.arrayValue else { return nil }
        var out = [String]()
        out.reserveCapacity(elements.count)
        for e in elements {
            guard let s = e.stringValue else { return nil }
            out.append(s)
        }
        return out
    }

    /// An array whose elements are all integers fitting in `Int`.
    public func intArray(_ key: String) -> [Int]? {
        guard let elements = self[key]?.arrayValue else { return nil }
        var out = [Int]()
        out.reserveCapacity(elements.count)
        for e in elements {
            guard let v = e.intValue else { return nil }
            out.append(v)
        }
        return out
    }

    /// An array whose elements are all numbers.
    public func floatArray(_ key: String) -> [Double]? {
        guard let elements = self[key]?.arrayValue else { return nil }
        var out = [Double]()
        out.reserveCapacity(elements.count)
        for e in elements {
            guard let v = e.doubleValue else { return nil }
            out.append(v)
        }
        return out
    }

    /// The string under `key`; throws `.missingKey` or `.wrongType`.
    public func requireString(_ key: String) throws(GGUFError) -> String {
        let value = try require(key)
        guard let s = value.stringValue else { throw wrongType(key, "string", value) }
        return s
    }

    /// The integer under `key` (any integer type); throws `.missingKey` or `.wrongType`.
    public func requireInt(_ key: String) throws(GGUFError) -> Int {
        let value = try require(key)
        guard let v = value.intValue else { throw wrongType(key, "an integer", value) }
        return v
    }

    /// The number under `key` (any float or integer type); throws `.missingKey` or `.wrongType`.
    public func requireFloat(_ key: String) throws(GGUFError) -> Double {
        let value = try require(key)
        guard let v = value.doubleValue else { throw wrongType(key, "a number", value) }
        return v
    }

    /// The bool under `key`; throws `.missingKey` or `.wrongType`.
    public func requireBool(_ key: String) throws(GGUFError) -> Bool {
        let value = try require(key)
        guard let v = value.boolValue else { throw wrongType(key, "bool", value) }
        return v
    }

    /// The string array under `key`; throws `.missingKey` or `.wrongType`.
    public func requireStringArray(_ key: String) throws(GGUFError) -> [String] {
        let value = try require(key)
        guard let v = stringArray(key) else { throw wrongType(key, "array<string>", value) }
        return v
    }

    private func require(_ key: String) throws(GGUFError) -> GGUFValue {
        guard let value = self[key] else { throw .missingKey(key) }
        return value
    }

    private func wrongType(_ key: String, _ expected: String, _ value: GGUFValue) -> GGUFError {
        .wrongType(key: key, expected: expected, found: value.typeDescription, offset: valueOffset(key) ?? 0)
    }
}
