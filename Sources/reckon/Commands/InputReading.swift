import Foundation

/// Reads a whole input file, or standard input for "-".
enum InputReading {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ path: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return String(decoding: data, as: UTF8.self)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure(description: "input file '\(path)' does not exist; pass a JSONL file path or '-' for standard input")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read input file '\(path)'; check its permissions")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes a line to standard error.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
