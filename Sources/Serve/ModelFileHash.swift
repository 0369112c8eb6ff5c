import Crypto
import Foundation

/// SHA-256 of a file, read in 4 MiB pieces.
public enum ModelFileHash {
    /// Lower-case hex digest of the file at `path`; nil when it cannot be read.
    public static func sha256(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            guard let data = try? handle.read(upToCount: 4 << 20) else { return nil }
            if data.isEmpty { break }
            hasher.update(data: data)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
