import Foundation

/// Reads a whole input file, or standard input for "-".
enum InputReading {
    static func read(_ path: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return String(decoding: data, as: UTF8.self)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("input file '\(path)' does not exist; pass a JSONL file path or '-' for standard input",
                                 status: .noInput)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read input file '\(path)'; check its permissions", status: .noInput)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes a line to standard error.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
