/// A tiny writer for canonical JSON (sorted keys, no whitespace, minimal escaping). Keys must be written
/// in sorted order by the caller; `stringMap` sorts its own keys.
public struct CanonicalJSON: Sendable {
    public private(set) var text = ""
    private var needsComma: [Bool] = []

    public init() {}

    public mutating func beginObject() {
        separate()
        text += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        text += "}"
        needsComma.removeLast()
    }

    public mutating func beginArray() {
        separate()
        text += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        text += "]"
        needsComma.removeLast()
    }

    /// Writes `"key":`; the following value must not add a comma.
    public mutating func key(_ name: String) {
        separate()
        CanonicalJSON.appendEscaped(name, to: &text)
        text += ":"
        pendingValueAfterKey = true
    }

    private var pendingValueAfterKey = false

    public mutating func string(_ value: String) {
        separate()
        CanonicalJSON.appendEscaped(value, to: &text)
    }

    /// Writes an already-valid JSON token (a number, `true`, `false`, `null`).
    public mutating func raw(_ token: String) {
        separate()
        text += token
    }

    /// Writes an object of string values with keys sorted by UTF-8 bytes.
    public mutating func stringMap(_ map: [String: String]) {
        beginObject()
        for key in map.keys.sorted(by: CanonicalJSON.utf8Less) {
            self.key(key)
            string(map[key]!)
        }
        endObject()
    }

    private mutating func separate() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
            return
        }
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// Byte-wise UTF-8 ordering (the order of the canonical form).
    public static func utf8Less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Appends `value` as a JSON string literal with minimal escaping.
    public static func appendEscaped(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
