import Foundation
import NIOCore

/// Server-sent events framing: each JSON document on one `data:` line, events separated by a blank line, the
/// stream ending with `data: [DONE]`.
public enum ServerSentEvents {
    /// `data: <json>\n\n` (JSON without pretty-printing, so it holds no newline).
    public static func frame<T: Encodable>(_ value: T) throws -> ByteBuffer {
        var bytes = Array("data: ".utf8)
        bytes += try JSONEncoder().encode(value)
        bytes += Array("\n\n".utf8)
        return ByteBuffer(bytes: bytes)
    }

    public static let done = ByteBuffer(string: "data: [DONE]\n\n")
}
