import Exact

/// Reading one JSONL line as a JSON object, with errors that name the line.
enum JSONLineReader {
    typealias Object = [String: JSONValue]

    /// Parses `line` (1-based `number`) as a JSON object.
    static func object(_ line: String, number: Int) throws(TasksError) -> Object {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(line)
        } catch {
            throw .malformedLine(line: number, reason: "not valid JSON (\(error.description)); expected one JSON object per line")
        }
        guard case .object(let object) = parsed else {
            throw .malformedLine(line: number, reason: "expected a JSON object, found \(parsed.kindDescription)")
        }
        return object
    }

    /// A required string field (numbers are accepted as their literal text).
    static func string(_ object: Object, _ key: String, line: Int) throws(TasksError) -> String {
        guard let value = object[key] else {
            throw .malformedLine(line: line, reason: "missing field \"\(key)\"")
        }
        switch value {
        case .string(let text): return text
        case .number(let literal): return literal
        default: throw .malformedLine(line: line, reason: "field \"\(key)\" must be a string, found \(value.kindDescription)")
        }
    }

    static func optionalString(_ object: Object, _ key: String, line: Int) throws(TasksError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        return try string(object, key, line: line)
    }

    static func optionalInteger(_ object: Object, _ key: String, line: Int) throws(TasksError) -> Int? {
        guard let value = object[key], value != .null else { return nil }
        switch value {
        case .number(let literal) where Int(literal) != nil: return Int(literal)
        case .string(let text) where Int(text) != nil: return Int(text)
        default: throw .malformedLine(line: line, reason: "field \"\(key)\" must be an integer, found \(value.kindDescription)")
        }
    }

    static func optionalUInt64(_ object: Object, _ key: String, line: Int) throws(TasksError) -> UInt64? {
        guard let value = object[key], value != .null else { return nil }
        switch value {
        case .number(let literal) where UInt64(literal) != nil: return UInt64(literal)
        case .string(let text) where UInt64(text) != nil: return UInt64(text)
        default:
            throw .malformedLine(line: line, reason: "field \"\(key)\" must be a non-negative integer, found \(value.kindDescription)")
        }
    }

    static func optionalStringMap(_ object: Object, _ key: String, line: Int) throws(TasksError) -> [String: String]? {
        guard let value = object[key], value != .null else { return nil }
        guard case .object(let map) = value else {
            throw .malformedLine(line: line, reason: "field \"\(key)\" must be an object of strings, found \(value.kindDescription)")
        }
        var out: [String: String] = [:]
        for (k, v) in map {
            switch v {
            case .string(let text): out[k] = text
            case .number(let literal): out[k] = literal
            default:
                throw .malformedLine(line: line, reason: "field \"\(key).\(k)\" must be a string, found \(v.kindDescription)")
            }
        }
        return out
    }

    /// Splits text into lines with 1-based numbers, skipping blank lines (`\n` or `\r\n` endings).
    static func lines(_ text: String) -> [(number: Int, text: String)] {
        var out: [(Int, String)] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.hasSuffix("\r") { line = line.dropLast() }
            if !line.allSatisfy(\.isWhitespace) { out.append((number, String(line))) }
        }
        return out
    }
}

/// Line splitting for JSONL inputs.
public enum JSONLines {
    /// Non-blank lines of `text` with their 1-based line numbers (`\n` or `\r\n` endings).
    public static func numbered(_ text: String) -> [(number: Int, text: String)] {
        JSONLineReader.lines(text)
    }
}
