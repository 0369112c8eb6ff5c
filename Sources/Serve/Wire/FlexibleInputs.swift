/// `stop`: one string or a list of strings.
public struct StopInput: Decodable, Sendable, Equatable {
    public var strings: [String]

    public init(_ strings: [String]) { self.strings = strings }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            strings = [one]
        } else if let many = try? container.decode([String].self) {
            strings = many
        } else {
            throw DecodingError.typeMismatch([String].self, .init(
                codingPath: decoder.codingPath, debugDescription: "expected a string or an array of strings"))
        }
    }
}

/// `prompt` of `/v1/completions`: a string, a list of strings, a list of token ids, or a list of token-id lists.
/// A list means several prompts; their choices are indexed `prompt_index * n + j`.
public enum PromptInput: Decodable, Sendable, Equatable {
    case texts([String])
    case tokenLists([[Int]])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            self = .texts([one])
        } else if let many = try? container.decode([String].self) {
            self = .texts(many)
        } else if let ids = try? container.decode([Int].self) {
            self = .tokenLists([ids])
        } else if let lists = try? container.decode([[Int]].self) {
            self = .tokenLists(lists)
        } else {
            throw DecodingError.typeMismatch(String.self, .init(
                codingPath: decoder.codingPath,
                debugDescription: "expected a string, an array of strings, an array of token ids or an array of such arrays"))
        }
    }

    /// How many prompts the input holds.
    public var count: Int {
        switch self {
        case let .texts(texts): return texts.count
        case let .tokenLists(lists): return lists.count
        }
    }
}

/// A chat message's `content`: a string, or an array of parts of which the `text` parts are joined (other part
/// types, such as images, are refused).
public struct MessageContent: Decodable, Sendable, Equatable {
    public var text: String

    public init(_ text: String) { self.text = text }

    struct Part: Decodable {
        var type: String
        var text: String?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let one = try? container.decode(String.self) {
            text = one
        } else if let parts = try? container.decode([Part].self) {
            var joined = ""
            for part in parts {
                guard part.type == "text", let partText = part.text else {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: decoder.codingPath,
                        debugDescription: "only text content parts are supported, got a part of type '\(part.type)'"))
                }
                joined += partText
            }
            text = joined
        } else {
            throw DecodingError.typeMismatch(String.self, .init(
                codingPath: decoder.codingPath,
                debugDescription: "expected a string or an array of {\"type\": \"text\", \"text\": ...} parts"))
        }
    }
}

/// `stream_options`.
public struct StreamOptions: Decodable, Sendable, Equatable {
    /// Send a last chunk with `usage` (and empty `choices`) before `[DONE]`.
    public var includeUsage: Bool?

    enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
}
