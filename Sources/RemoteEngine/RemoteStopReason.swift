import Engine
/// vLLM's `choices[].stop_reason`, which tells apart the two causes OpenAI's API folds into `finish_reason: "stop"`:
/// a string is the stop string that matched, an integer a stop token id, `null` the model's end-of-sequence token.
/// Other servers (llama.cpp, OpenAI) omit the field.
enum RemoteStopReason: Equatable, Sendable {
    case absent
    case null
    case text(String)
    case token(Int)

    /// Reads the field from a choice object, distinguishing "absent" from "null".
    init<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, key: Key) throws {
        guard container.contains(key) else {
            self = .absent
            return
        }
        if try container.decodeNil(forKey: key) {
            self = .null
        } else if let text = try? container.decode(String.self, forKey: key) {
            self = .text(text)
        } else {
            self = .token(try container.decode(Int.self, forKey: key))
        }
    }
}
